package dev.refgrade.cli;

import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Programs;
import dev.refgrade.runtime.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `trace FILE.py`: line by line, what each line allocated, freed, and whose refcount changed and why. */
@Command(name = "trace", description = "Show, line by line, the objects allocated and freed and each refcount change.")
final class TraceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.py")
    Path file;

    @Override
    public Integer call() throws Exception {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        System.out.print(Programs.onDeepStack(() -> Trace.run(file.toAbsolutePath().toString(), source, Limits.DEFAULT)));
        return 0;
    }
}
