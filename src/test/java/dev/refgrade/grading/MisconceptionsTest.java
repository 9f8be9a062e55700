package dev.refgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.runtime.Variation;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalog: enough entries, each a named change of the simulator, worded for students. */
class MisconceptionsTest {
    @Test
    void hasAtLeastEightMisconceptions() {
        assertTrue(Misconceptions.ALL.size() >= 8);
    }

    @Test
    void idsAreUniqueAndLowercaseWords() {
        Set<String> seen = new HashSet<>();
        for (Misconception m : Misconceptions.ALL) {
            assertTrue(m.id().matches("[a-z]+(-[a-z]+)*"), m.id());
            assertTrue(seen.add(m.id()), "twice: " + m.id());
        }
    }

    @Test
    void everyOneChangesTheSimulator() {
        for (Misconception m : Misconceptions.ALL) assertFalse(m.variations().isEmpty(), m.id());
    }

    @Test
    void everyVariationBelongsToSomeMisconception() {
        Set<Variation> used = new HashSet<>();
        Misconceptions.ALL.forEach(m -> used.addAll(m.variations()));
        assertEquals(Set.of(Variation.values()), used);
    }

    @Test
    void descriptionsAreOneLineAndExplanationsSayMore() {
        for (Misconception m : Misconceptions.ALL) {
            assertFalse(m.name().isBlank() || m.description().contains("\n"), m.id());
            assertTrue(m.explanation().length() > m.description().length(), m.id());
        }
    }

    @Test
    void byIdFindsAnEntryAndNothingElse() {
        assertEquals("assignment-copies", Misconceptions.byId("assignment-copies").orElseThrow().id());
        assertEquals(Optional.empty(), Misconceptions.byId("no-such-thing"));
    }
}
