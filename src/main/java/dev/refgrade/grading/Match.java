package dev.refgrade.grading;

import java.util.List;

/** How far an answer matches the truth: the share of the points it earns, and what to tell the student. */
record Match(double credit, List<String> feedback) {
    static final Match RIGHT = new Match(1, List.of());

    static Match wrong(String... feedback) {
        return new Match(0, List.of(feedback));
    }

    boolean full() {
        return credit >= 1;
    }
}
