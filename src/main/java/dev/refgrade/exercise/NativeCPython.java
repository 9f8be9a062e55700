package dev.refgrade.exercise;

import dev.refgrade.runtime.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The python3 on this machine, which must be CPython 3.11 (the version the simulator models by default). */
record NativeCPython(String command, String fullVersion) implements CPython {
    /** Variables that change allocation, hashing or start-up; the run must be a plain `python3 FILE.py`. */
    private static final List<String> UNSET = List.of("PYTHONMALLOC", "PYTHONDEVMODE", "PYTHONTRACEMALLOC", "PYTHONWARNINGS",
            "PYTHONHASHSEED", "PYTHONSTARTUP", "PYTHONINSPECT");

    static NativeCPython start(String command) throws Unavailable {
        Run r;
        try {
            Path dir = Files.createTempDirectory("refgrade-python");
            try {
                r = CPython.exec(List.of(command, "--version"), dir, Map.of(), List.of(), 20);
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new Unavailable("'" + command + "' is not on PATH (CPython 3.11 is needed)");
        }
        String out = r == null ? "" : (r.stdout() + r.stderr()).strip();
        if (r == null || r.exit() != 0 || !out.startsWith("Python 3")) {
            throw new Unavailable("'" + command + "' is not a runnable CPython 3.11");
        }
        if (!out.startsWith("Python 3.11.")) throw new Unavailable("'" + command + "' is " + out + ", not 3.11");
        return new NativeCPython(command, out);
    }

    @Override
    public PythonVersion version() {
        return PythonVersion.V3_11;
    }

    @Override
    public String describe() {
        return fullVersion;
    }

    @Override
    public boolean speaksFor64Bit() {
        return true;
    }

    @Override
    public Run run(Path main, Path dir, Map<String, String> env) throws IOException {
        return CPython.exec(List.of(command, main.toAbsolutePath().toString()), dir, env, UNSET, 20);
    }
}
