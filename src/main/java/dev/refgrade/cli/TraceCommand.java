package dev.refgrade.cli;

import dev.refgrade.python.FileBytes;
import dev.refgrade.python.SourceBytes;
import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Programs;
import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.Trace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `trace FILE.py`: line by line, what each line allocated, freed, and whose refcount changed and why.
 * Exits as `run` does: 1 when the program raises, 2 for source outside the subset.
 */
@Command(name = "trace", description = "Show, line by line, the objects allocated and freed and each refcount change.")
final class TraceCommand implements Callable<Integer> {
    @Option(names = "--python", paramLabel = "VERSION", converter = PythonVersionOption.class, defaultValue = "3.11",
            description = PythonVersionOption.DESCRIPTION)
    PythonVersion python;

    @Parameters(paramLabel = "FILE.py")
    Path file;

    @Override
    public Integer call() throws Exception {
        String name = file.toAbsolutePath().toString();
        String source;
        switch (SourceBytes.decode(FileBytes.read(file), name)) {
            case SourceBytes.Text t -> source = t.text();
            case SourceBytes.Refused r -> {
                System.err.println(r.message());
                return 1;
            }
            case SourceBytes.Unsupported u -> {
                System.err.print(RunCommand.unsupported(u));
                return 2;
            }
        }
        Trace.Recording rec = Programs.onDeepStack(() -> Trace.record(name, source, Limits.DEFAULT,
                false, Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, python));
        // Source that never ran is reported as `run` reports it; a run's trace ends with how it stopped.
        if (rec.syntax() != null || refusedBeforeRunning(rec)) System.err.print(rec.end().stderr());
        else System.out.print(Trace.text(rec));
        return rec.end().exitCode();
    }

    /** Source the compiler refuses (a construct not modelled yet) stops before its first line, as `run` reports it. */
    private static boolean refusedBeforeRunning(Trace.Recording rec) {
        return Programs.stoppedBySimulator(rec.end().exitCode(), rec.end().stderr()) && rec.lines().isEmpty();
    }
}
