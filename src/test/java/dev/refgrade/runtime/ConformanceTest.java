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
 * simulator and must print exactly what CPython 3.11.7 printed; where a NAME.err is kept, its
 * stderr must be CPython's too, and its exit status the one in NAME.exit.
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
        return Files.list(dir).filter(p -> p.toString().endsWith(".py")).sorted()
                .map(py -> golden(py, py.resolveSibling(""), PythonVersion.DEFAULT));
    }

    /**
     * The program {@code py} run as {@code python}, against NAME.out (NAME.err, NAME.exit) in
     * {@code expected}: CPython's output for that version.
     */
    static DynamicTest golden(Path py, Path expected, PythonVersion python) {
        String name = py.getFileName().toString().replaceFirst("\\.py$", "");
        return DynamicTest.dynamicTest(py.getFileName().toString(), py.toUri(), () -> {
                    String out = Files.readString(expected.resolve(name + ".out"), StandardCharsets.UTF_8);
                    Programs.Result r = Programs.runIsolated(py.toString(), Files.readString(py, StandardCharsets.UTF_8), Limits.DEFAULT, python);
                    assertEquals(out, r.stdout(), () -> "stderr:\n" + r.stderr());
                    Path err = expected.resolve(name + ".err");
                    if (Files.exists(err)) {
                        assertEquals(comparable(Files.readString(err, StandardCharsets.UTF_8)), comparable(r.stderr()));
                        String exit = Files.readString(expected.resolve(name + ".exit")).strip();
                        assertEquals(Integer.parseInt(exit), r.exitCode(), r::stderr);
                    } else {
                        assertEquals(0, r.exitCode(), r::stderr);
                    }
                });
    }

    /**
     * A program's stderr with what neither side can share taken out: addresses (CPython's differ
     * from the simulator's), the folders of file names, and the simulator's notes that say a printed
     * value is its own.
     */
    private static String comparable(String stderr) {
        return stderr.replaceAll("at 0x[0-9a-f]+", "at 0x…").replaceAll("(?m)^refgrade: note: .*\n", "")
                .replaceAll("File \"[^\"]*/([^/\"]+\\.py)\"", "File \"$1\"")
                .replaceAll("(?m)^[^\\s:]*/([^/\\s:]+\\.py):(\\d+): (\\w+Warning)", "$1:$2: $3");
    }
}
