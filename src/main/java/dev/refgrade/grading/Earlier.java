package dev.refgrade.grading;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What grading a student's next attempt needs of their earlier ones: how many they made, the
 * questions some of them answered correctly, and their best and last scores (the rubric counts
 * one of them). Extended one attempt at a time, so a server that keeps it need not read a long
 * history again for every submission.
 */
public record Earlier(int made, Set<String> right, double best, double last) {
    public static final Earlier NONE = new Earlier(0, Set.of(), Double.NEGATIVE_INFINITY, 0);

    public static Earlier of(List<Attempt> history) {
        Earlier e = NONE;
        for (Attempt a : history) e = e.then(a);
        return e;
    }

    /** These attempts and {@code next} after them. */
    public Earlier then(Attempt next) {
        Set<String> more = right;
        if (!right.containsAll(next.correct())) {
            more = new HashSet<>(right);
            more.addAll(next.correct());
            more = Set.copyOf(more);
        }
        return new Earlier(made + 1, more, Math.max(best, next.score()), next.score());
    }
}
