package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain command ends its process by halting rather than by System.exit (a cold start's saving):
 * in a process of its own, all it wrote must still arrive and its status must still be the command's.
 */
class MainProcessTest {
    @TempDir
    Path dir;

    record Ended(int status, String out, String err) {}

    private Ended main(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.refgrade.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ended(p.waitFor(), out, new String(err.get(), StandardCharsets.UTF_8));
    }

    @Test
    void everyLineOfALongOutputArrivesBeforeTheHalt() throws Exception {
        Path f = Files.writeString(dir.resolve("long.py"), "for i in range(20000):\n    print(i, 'x' * 20)\n");
        Ended e = main("run", f.toString());
        assertEquals(0, e.status());
        assertEquals(20000, e.out().lines().count());
        assertTrue(e.out().endsWith("19999 xxxxxxxxxxxxxxxxxxxx\n"), "the last line is whole");
    }

    @Test
    void aTracebackArrivesOnStderrWithStatusOne() throws Exception {
        Path f = Files.writeString(dir.resolve("raises.py"), "print('before')\n[][0]\n");
        Ended e = main("run", f.toString());
        assertEquals(new Ended(1, "before\n", Cli.run("run", f.toString()).err()), e);
        assertTrue(e.err().endsWith("IndexError: list index out of range\n"));
    }

    @Test
    void aRefusalKeepsStatusTwo() throws Exception {
        Path f = Files.writeString(dir.resolve("refused.py"), "import random\n");
        assertEquals(2, main("run", f.toString()).status());
    }
}
