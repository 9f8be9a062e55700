#!/usr/bin/env python3
"""Issue 21's cold start check: `./refgrade run`, `check` and `grade` against `python3 prog.py`.

Every command runs once per round, in an order rotated each round (so a burst of other work on the
machine falls on all of them alike), after untimed warm-up rounds; it prints each command's median
and mean wall time, its median CPU time (user + system, of the process and its children) and the
ratio of medians to python3's, with the load average before and after. docs/PERFORMANCE.md has figures.

`check` and `grade` run twice per round: keying the exercise (REFGRADE_CACHE=off), and recalling
what an earlier process saved in a key cache of the script's own (`check --prepare` fills it
before the first round, as an autograder's set-up would).

    bench/cold-start.py [ROUNDS] [WARMUP]        (default 10 timed rounds after 2 warm-up rounds)

Needs target/refgrade.jar and its AOT cache (mvn -B package -DskipTests on JDK 25).
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
PROGRAM = """a = [1, 2, 3]
b = a
b.append(4)
print(a is b, a == b)
c = list(a)
print(c is a, c == a)
print(len(a))
"""
GRADE = ["grade", "--exercise", "src/test/resources/dev/refgrade/grading/aliasing.yaml",
         "--answers", "src/test/resources/dev/refgrade/cli/grade/answers.json",
         "--rubric", "rubrics/default.yaml", "--due", "2026-12-01T23:59:00Z"]
CHECK = ["check", "exercises/identity-is-vs-eq.yaml"]


def commands(prog, keys):
    """Each command: its argv and its REFGRADE_CACHE."""
    jar = [JAVA, "-jar", "target/refgrade.jar"]
    return {
        "python3 prog.py": (["python3", prog], "off"),
        "./refgrade run prog.py": (["./refgrade", "run", prog], "off"),
        "./refgrade check (keying)": (["./refgrade"] + CHECK, "off"),
        "./refgrade check (recalled)": (["./refgrade"] + CHECK, keys),
        "./refgrade grade (keying)": (["./refgrade"] + GRADE, "off"),
        "./refgrade grade (recalled)": (["./refgrade"] + GRADE, keys),
        "java -jar run (no AOT cache)": (jar + ["run", prog], "off"),
        "java -jar check (no AOT cache)": (jar + CHECK, "off"),
        "java -jar grade (no AOT cache)": (jar + GRADE, "off"),
    }


def once(command):
    """Wall seconds and CPU seconds (user + system) of one run; its output is discarded."""
    argv, keys = command
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env=dict(os.environ, REFGRADE_CACHE=keys))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(PROGRAM)
    keys = tempfile.mkdtemp(prefix="refgrade-bench-keys-")
    for exercise in (CHECK[-1], GRADE[GRADE.index("--exercise") + 1]):
        subprocess.run(["./refgrade", "check", "--prepare", exercise], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=dict(os.environ, REFGRADE_CACHE=keys))
    cmds = commands(f.name, keys)
    names = list(cmds)
    walls = {n: [] for n in names}
    cpus = {n: [] for n in names}
    load_before = os.getloadavg()
    for r in range(warmup + rounds):
        for i in range(len(names)):
            name = names[(i + r) % len(names)]
            wall, cpu = once(cmds[name])
            if r >= warmup:
                walls[name].append(wall)
                cpus[name].append(cpu)
    load_after = os.getloadavg()
    os.unlink(f.name)
    shutil.rmtree(keys)
    base = statistics.median(walls["python3 prog.py"])
    print(f"{os.cpu_count()} cores, load average before {load_before[0]:.1f} {load_before[1]:.1f} {load_before[2]:.1f},"
          f" after {load_after[0]:.1f} {load_after[1]:.1f} {load_after[2]:.1f}; {rounds} rounds after {warmup} warm-up")
    print(f"{'command':32} {'median':>8} {'mean':>8} {'CPU (median)':>13} {'/ python3':>10}")
    for n in names:
        med = statistics.median(walls[n])
        print(f"{n:32} {med * 1000:6.0f}ms {statistics.mean(walls[n]) * 1000:6.0f}ms"
              f" {statistics.median(cpus[n]) * 1000:11.0f}ms {med / base:10.2f}")


if __name__ == "__main__":
    main()
