package dev.refgrade.grading;

import dev.refgrade.runtime.Variation;
import java.util.Set;

/**
 * A wrong belief about Python's references, defined by what it changes in the simulator: a program
 * run under {@code variations} answers every question as a student holding the belief would.
 *
 * @param id          stable, [a-z-]+, for feedback records and statistics
 * @param name        a few words, as a heading
 * @param description one line: what the student thinks
 * @param explanation for the student: what Python really does, and how to see it
 */
public record Misconception(String id, String name, String description, String explanation, Set<Variation> variations) {
    public Misconception {
        variations = Set.copyOf(variations);
    }
}
