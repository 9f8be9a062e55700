package dev.refgrade.exercise;

import dev.refgrade.runtime.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A CPython that this machine does not have natively: the WebAssembly build inside a pyodide npm
 * package, run by tools/cpython-wasm/run.mjs (one Node process per program). The builds are
 * 32-bit, so addresses, object sizes and immortal objects' counts are not those of 64-bit Linux.
 */
record WasmCPython(Path runner, PythonVersion version, String fullVersion) implements CPython {
    /** Where the runner lives, when it is not found beside the working directory or the jar. */
    static final String LOCATION = "refgrade.cpythonWasm";
    private static final Path RELATIVE = Path.of("tools", "cpython-wasm", "run.mjs");
    /** A WebAssembly interpreter takes seconds to start, many more on a busy machine. */
    private static final int SECONDS = 300;

    static WasmCPython start(PythonVersion version) throws Unavailable {
        Path runner = locate();
        if (runner == null) {
            throw new Unavailable("the runner of CPython " + version + " (" + RELATIVE + ") is not here; run refgrade from the repository"
                    + " or set -D" + LOCATION + "=DIR");
        }
        Path pkg = runner.resolveSibling("node_modules").resolve("pyodide-" + version.text().replace(".", ""));
        if (!Files.isDirectory(pkg)) {
            throw new Unavailable("CPython " + version + " is not installed: run npm ci in " + runner.getParent());
        }
        Run r;
        try {
            r = CPython.exec(List.of("node", runner.toString(), "--version-of", version.text()), runner.getParent(), Map.of(), List.of(), SECONDS);
        } catch (IOException e) {
            throw new Unavailable("CPython " + version + " needs node (Node.js 20) on PATH");
        }
        String v = r == null ? "" : r.stdout().strip();
        if (r == null || r.exit() != 0 || !v.startsWith(version.text() + ".")) {
            throw new Unavailable("CPython " + version + " did not start: " + (r == null ? "no answer in " + SECONDS + " s" : r.stderr().strip()));
        }
        return new WasmCPython(runner, version, v);
    }

    /** The runner beside the working directory or the jar (target/refgrade.jar), or where the property says. */
    static Path locate() {
        String configured = System.getProperty(LOCATION);
        if (configured != null) return Files.isRegularFile(Path.of(configured, "run.mjs")) ? Path.of(configured, "run.mjs").toAbsolutePath() : null;
        for (Path start : List.of(Path.of("").toAbsolutePath(), jarDir())) {
            for (Path d = start; d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve(RELATIVE))) return d.resolve(RELATIVE);
            }
        }
        return null;
    }

    private static Path jarDir() {
        try {
            return Path.of(WasmCPython.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (Exception e) {
            return Path.of("").toAbsolutePath();
        }
    }

    @Override
    public String describe() {
        return "Python " + fullVersion + " (WebAssembly, 32-bit)";
    }

    @Override
    public boolean speaksFor64Bit() {
        return false;
    }

    @Override
    public Run run(Path main, Path dir, Map<String, String> env) throws IOException {
        return CPython.exec(List.of("node", runner.toString(), "--python", version.text(), main.toAbsolutePath().toString()), dir, env,
                List.of(), SECONDS);
    }
}
