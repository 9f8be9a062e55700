package dev.refgrade.cli;

import dev.refgrade.python.SourceBytes;
import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Programs;
import dev.refgrade.runtime.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `run FILE.py`, or `run --out DIR FILE.py...`: each file in a fresh simulated interpreter. */
@Command(name = "run", description = "Run programs on the simulated CPython (3.11 unless --python says otherwise).")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Write DIR/NAME.out (stdout) and, where a run fails, DIR/NAME.err.")
    Path out;

    @Option(names = "--python", paramLabel = "VERSION", converter = PythonVersionOption.class, defaultValue = "3.11",
            description = PythonVersionOption.DESCRIPTION)
    PythonVersion python;

    @Parameters(arity = "1..*", paramLabel = "FILE.py")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        if (out == null) {
            if (files.size() != 1) {
                System.err.println("refgrade: run takes one file, or --out DIR with several");
                return 2;
            }
            Programs.Result r = runFile(files.get(0));
            System.out.print(r.stdout());
            System.out.flush();
            System.err.print(r.stderr());
            return r.exitCode();
        }
        Files.createDirectories(out);
        int worst = 0;
        for (Path f : files) {
            Programs.Result r = runFile(f);
            String name = f.getFileName().toString().replaceFirst("\\.py$", "");
            Files.writeString(out.resolve(name + ".out"), r.stdout(), StandardCharsets.UTF_8);
            Path err = out.resolve(name + ".err");
            if (r.exitCode() != 0) Files.writeString(err, r.stderr(), StandardCharsets.UTF_8);
            else Files.deleteIfExists(err);
            worst = Math.max(worst, r.exitCode());
        }
        return worst == 0 ? 0 : 1;
    }

    private Programs.Result runFile(Path f) throws IOException {
        String file = f.toAbsolutePath().toString();
        return switch (SourceBytes.decode(Files.readAllBytes(f), file)) {
            case SourceBytes.Text t -> Programs.runIsolated(file, t.text(), Limits.DEFAULT, python);
            case SourceBytes.Refused r -> new Programs.Result("", r.message() + "\n", 1);
            case SourceBytes.Unsupported u -> new Programs.Result("", unsupported(u), 2);
        };
    }

    /** The line `run` prints for source outside the subset, before anything runs. */
    static String unsupported(SourceBytes.Unsupported u) {
        return "refgrade: unsupported: " + u.what() + " at line " + u.line() + "\n";
    }
}
