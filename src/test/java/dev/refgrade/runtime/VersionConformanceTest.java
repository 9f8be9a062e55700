package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared corpus on the simulator per version, against ../shared/conformance/versions/<v>/: the
 * stdout of real CPython 3.12.7, 3.13.2 and 3.14.2 (the pyodide builds, see its README; a case
 * missing there is one those builds cannot speak for). (3.11 is ConformanceTest.)
 */
class VersionConformanceTest {
    static final Path CASES = Path.of(System.getProperty("refgrade.conformance", "../shared/conformance/cases"));
    static final Path VERSIONS = CASES.resolveSibling("versions");
    static final Path OWN = Path.of("src/test/resources/programs");

    @TestFactory
    Stream<DynamicNode> sharedCorpusMatchesEachNewerCPython() {
        return Stream.of(PythonVersion.V3_12, PythonVersion.V3_13, PythonVersion.V3_14).map(v -> {
            try {
                return DynamicContainer.dynamicContainer("CPython " + v, cases(v));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Our own golden programs (src/test/resources/programs) against versions/<v>/, made by versions/regen.sh. */
    @TestFactory
    Stream<DynamicNode> ownGoldenProgramsMatchEachNewerCPython() {
        return Stream.of(PythonVersion.V3_12, PythonVersion.V3_13, PythonVersion.V3_14).map(v -> {
            Path expected = OWN.resolve("versions").resolve(v.text());
            try (Stream<Path> s = Files.list(expected)) {
                List<DynamicTest> tests = s.filter(p -> p.toString().endsWith(".out")).sorted()
                        .map(out -> ConformanceTest.golden(OWN.resolve(out.getFileName().toString().replaceFirst("\\.out$", ".py")), expected, v))
                        .toList();
                return DynamicContainer.dynamicContainer("CPython " + v, tests);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Stream<DynamicTest> cases(PythonVersion v) throws IOException {
        List<Path> outs;
        try (Stream<Path> s = Files.list(VERSIONS.resolve(v.text()))) {
            outs = s.filter(p -> p.toString().endsWith(".out")).sorted().toList();
        }
        return outs.stream().map(out -> {
            Path py = CASES.resolve(out.getFileName().toString().replaceFirst("\\.out$", ".py"));
            return DynamicTest.dynamicTest(py.getFileName().toString(), py.toUri(), () -> {
                String expected = Files.readString(out, StandardCharsets.UTF_8);
                Programs.Result r = Programs.runIsolated(py.toString(), Files.readString(py, StandardCharsets.UTF_8), Limits.DEFAULT, v);
                assertEquals(expected, r.stdout(), () -> "stderr:\n" + r.stderr());
                assertEquals(0, r.exitCode(), r::stderr);
            });
        });
    }
}
