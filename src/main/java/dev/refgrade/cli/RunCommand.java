package dev.refgrade.cli;

import dev.refgrade.python.FileBytes;
import dev.refgrade.python.SourceBytes;
import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Programs;
import dev.refgrade.runtime.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
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

    /**
     * `run FILE` or `run --python V FILE` (V a version refgrade knows, FILE neither an option nor
     * picocli's argument file, {@code @FILE}) run here without picocli, whose reflection over the
     * command's annotations (and the proxy class it generates for each annotation type) a cold run
     * then does not pay (issue 21). Returns the exit status, or null for any other command line,
     * which goes through picocli as before (so --help, --out and every error read as they always did).
     */
    static Integer plain(String[] args) {
        PythonVersion version = PythonVersion.DEFAULT;
        if (args.length == 4 && args[0].equals("run") && args[1].equals("--python")) {
            var asked = PythonVersion.parse(args[2]);
            if (asked.isEmpty()) return null;
            version = asked.get();
        } else if (args.length != 2 || !args[0].equals("run")) {
            return null;
        }
        String file = args[args.length - 1];
        if (file.startsWith("-") || file.startsWith("@")) return null; // an option, or picocli's @argument-file
        RunCommand run = new RunCommand();
        run.python = version;
        try {
            run.files = List.of(Path.of(file));
        } catch (InvalidPathException e) {
            return null;
        }
        return Main.callPlain(run);
    }

    @Override
    public Integer call() {
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
        try {
            return runAll();
        } catch (IOException e) {
            System.err.println("refgrade: " + e.getMessage());
            return 2;
        }
    }

    private int runAll() throws IOException {
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

    private Programs.Result runFile(Path f) {
        String file = f.toAbsolutePath().toString();
        byte[] source;
        try {
            source = FileBytes.read(f);
        } catch (IOException e) {
            return new Programs.Result("", "refgrade: cannot read " + f + ": " + why(e) + "\n", 2);
        }
        return switch (SourceBytes.decode(source, file)) {
            case SourceBytes.Text t -> Programs.runIsolated(file, t.text(), Limits.DEFAULT, python);
            case SourceBytes.Refused r -> new Programs.Result("", r.message() + "\n", 1);
            case SourceBytes.Unsupported u -> new Programs.Result("", unsupported(u), 2);
        };
    }

    /** Why a file could not be read, in a user's words, not an exception's class name. */
    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? "not a readable file" : e.getMessage();
    }

    /** The line `run` prints for source outside the subset, before anything runs. */
    static String unsupported(SourceBytes.Unsupported u) {
        return "refgrade: unsupported: " + u.what() + " at line " + u.line() + "\n";
    }
}
