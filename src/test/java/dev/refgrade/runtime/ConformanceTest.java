package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of ../shared/conformance/cases and every golden program of our own runs on the
 * simulator and must print exactly what CPython 3.11.7 printed.
 */
class ConformanceTest {
    @TestFactory
    Stream<DynamicTest> sharedCorpusMatchesCPython() throws IOException {
        return goldenPairs(Path.of(System.getProperty("refgrade.conformance", "../shared/conformance/cases")));
    }

    @TestFactory
    Stream<DynamicTest> ownGoldenProgramsMatchCPython() throws IOException {
        return goldenPairs(Path.of("src/test/resources/programs"));
    }

    static Stream<DynamicTest> goldenPairs(Path dir) throws IOException {
        return Files.list(dir).filter(p -> p.toString().endsWith(".py")).sorted().map(py -> DynamicTest.dynamicTest(
                py.getFileName().toString(), py.toUri(), () -> {
                    String expected = Files.readString(Path.of(py.toString().replaceFirst("\\.py$", ".out")), StandardCharsets.UTF_8);
                    Programs.Result r = Programs.runIsolated(py.toString(), Files.readString(py, StandardCharsets.UTF_8), Limits.DEFAULT);
                    assertEquals(expected, r.stdout(), () -> "stderr:\n" + r.stderr());
                    assertEquals(0, r.exitCode(), r::stderr);
                }));
    }
}
