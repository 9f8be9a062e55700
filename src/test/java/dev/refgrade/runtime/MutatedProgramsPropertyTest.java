package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.Mutants;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of a run on any source, checked on seeded mutants of the corpus: it ends in one of
 * the documented exits within the limits, and it depends on nothing but its source (a second run
 * of the same text gives the same result, addresses included).
 */
class MutatedProgramsPropertyTest {
    static final Limits LIMITS = new Limits(20_000, 20_000, 100, 20_000, 20_000);

    static Stream<Named<String>> mutants() {
        return Mutants.of(12, 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void anySourceEndsInADocumentedExitWithinTheLimits(String source) {
        Programs.Result r = Programs.runIsolated("m.py", source, LIMITS);
        assertTrue(r.exitCode() >= 0 && r.exitCode() <= 3, r::stderr);
        assertTrue(r.stdout().length() <= LIMITS.maxOutputBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void aRunDependsOnlyOnItsSource(String source) {
        assertEquals(Programs.runIsolated("m.py", source, LIMITS), Programs.runIsolated("m.py", source, LIMITS));
    }
}
