package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * str hashes as CPython 3.11 computes them under PYTHONHASHSEED=0 (siphash13, zero key): each
 * program in hashseed0/ prints what `PYTHONHASHSEED=0 python3` prints, set orders of strs included.
 * python3 is run here, with that seed, as the oracle (the test is skipped without it).
 */
class StrHashSeedZeroTest {
    @TestFactory
    Stream<DynamicTest> setsOfStrsIterateAsUnderHashSeedZero() throws IOException {
        Path dir = Path.of("src/test/resources/hashseed0");
        return Files.list(dir).filter(p -> p.toString().endsWith(".py")).sorted().map(py -> DynamicTest.dynamicTest(
                py.getFileName().toString(), () -> {
                    String expected = python(py);
                    Programs.Result r = Programs.run(py.getFileName().toString(), Files.readString(py, StandardCharsets.UTF_8), Limits.DEFAULT);
                    assertEquals(expected, r.stdout(), r.stderr());
                }));
    }

    private static String python(Path py) throws Exception {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder("python3", py.toString());
            pb.environment().put("PYTHONHASHSEED", "0");
            p = pb.start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is the oracle and is not installed");
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
