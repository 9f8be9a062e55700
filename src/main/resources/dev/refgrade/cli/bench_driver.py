# The CPython side of `refgrade bench`: python3 bench_driver.py WARMUP_SECONDS ROUNDS FILE.py...
# Runs the whole corpus untimed for WARMUP_SECONDS, then ROUNDS timed times, in this one process as
# the simulator side does in its JVM. Prints the version, then each timed round's wall time in ns.
import gc
import os
import sys
import time

warmup_seconds, rounds = float(sys.argv[1]), int(sys.argv[2])
programs = []
for path in sys.argv[3:]:
    with open(path, encoding="utf-8") as f:
        programs.append((path, f.read()))
real_stdout = sys.stdout
discard = open(os.devnull, "w", encoding="utf-8")
print(sys.version.split()[0], flush=True)
failures = set()


def one_round():
    sys.stdout = discard
    try:
        for path, source in programs:
            # __name__ as `python3 FILE.py` sets it; a fresh dict per program, as a fresh process has.
            namespace = {"__name__": "__main__"}
            try:
                exec(compile(source, path, "exec"), namespace)
            except BaseException as e:
                failures.add(f"{path}: {type(e).__name__}: {e}")
            namespace.clear()
            # A fresh interpreter starts with the collector on: undo a program's gc.disable().
            gc.enable()
    finally:
        sys.stdout = real_stdout


warm_until = time.perf_counter() + warmup_seconds
while time.perf_counter() < warm_until:
    one_round()
for _ in range(rounds):
    start = time.perf_counter_ns()
    one_round()
    print(time.perf_counter_ns() - start, flush=True)
for f in sorted(failures):
    print("failed:", f, file=sys.stderr)
