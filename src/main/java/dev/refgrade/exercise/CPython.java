package dev.refgrade.exercise;

import dev.refgrade.runtime.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real CPython that runs a file exactly as `python3 FILE.py` does: the truth the simulator's
 * answers are checked against. 3.11 is the native python3; 3.12, 3.13 and 3.14 are the
 * WebAssembly builds that pyodide ships, run by tools/cpython-wasm/run.mjs (see its README).
 */
public sealed interface CPython permits NativeCPython, WasmCPython {
    /** How a run ended; null from {@link #run} when it did not finish in time. */
    record Run(String stdout, String stderr, int exit) {}

    /** Why the CPython asked for cannot be used here, in words for the user. */
    final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    PythonVersion version();

    /** What answers, for reports: "Python 3.11.7", "Python 3.13.2 (WebAssembly, 32-bit)". */
    String describe();

    /**
     * Whether its addresses, object sizes and immortal objects' counts are those of the 64-bit
     * Linux build students run; a 32-bit build cannot speak for them.
     */
    boolean speaksFor64Bit();

    /** Runs {@code main} with {@code dir} as working directory and these variables added to the environment. */
    Run run(Path main, Path dir, Map<String, String> env) throws IOException;

    /**
     * The CPython of {@code version}: {@code nativeCommand} (a python3 that must be 3.11) for 3.11,
     * the WebAssembly build for later versions.
     */
    static CPython find(PythonVersion version, String nativeCommand) throws Unavailable {
        return version == PythonVersion.V3_11 ? NativeCPython.start(nativeCommand) : WasmCPython.start(version);
    }

    /** Runs a command to its end with stdout and stderr in files of {@code dir}; null after {@code seconds}. */
    static Run exec(List<String> command, Path dir, Map<String, String> env, List<String> unset, int seconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        unset.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Path stdout = Files.createTempFile(dir, "stdout", ".txt"), stderr = Files.createTempFile(dir, "stderr", ".txt");
        try {
            Process proc = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            try {
                if (!proc.waitFor(seconds, TimeUnit.SECONDS)) {
                    proc.destroyForcibly().waitFor();
                    return null;
                }
            } catch (InterruptedException e) {
                proc.destroyForcibly();
                Thread.currentThread().interrupt();
                return null;
            }
            return new Run(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8),
                    proc.exitValue());
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
