package dev.refgrade.grading;

import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercise.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scoring policy (rubrics/NAME.yaml): what each question is worth, how each kind of answer is
 * compared, which near misses earn part of the points, how attempts and lateness count, and when
 * a student may see the truth. docs/GRADING.md documents the file.
 */
public record Rubric(String name, String description, Points points, Compare compare, List<Partial> partial,
        Attempts attempts, Late late, Reveal reveal, boolean misconceptions, boolean explanations) {

    public static final Rubric DEFAULT = new Rubric("default", "", new Points(1, Map.of()),
            new Compare(Set.of(TextRule.STRIP), true, true, true, true), List.of(),
            new Attempts(0, 0, Counts.BEST), new Late(0, null), Reveal.AFTER_CORRECT, true, true);

    /** Points of a question that states none: per kind where given, else per question. */
    public record Points(double perQuestion, Map<Kind, Double> perKind) {}

    /** What a text answer may differ in and still match. */
    public enum TextRule { STRIP, CASE, WHITESPACE, QUOTES }

    /**
     * How answers compare beyond exact equality: text normalisations; output up to whitespace at line
     * ends and trailing blank lines; choice, lines and heap with partial credit or all-or-nothing.
     */
    public record Compare(Set<TextRule> text, boolean outputWhitespace, boolean choicePartial, boolean linesPartial,
            boolean heapPartial) {}

    /** A near miss of an int answer: off by at most {@code offBy} earns {@code credit} of the points. */
    public record Partial(Kind kind, long offBy, double credit, String message) {}

    public enum Counts { BEST, LAST }

    /** {@code max} 0 means unlimited; {@code penalty} is the share of the points lost per attempt after the first. */
    public record Attempts(int max, double penalty, Counts counts) {
        public boolean limited() {
            return max > 0;
        }
    }

    /** Late work loses {@code perDay} of its points per started day; none is taken after {@code cutoff} (null: never cut off). */
    public record Late(double perDay, Duration cutoff) {}

    public enum Reveal {
        NEVER, ALWAYS, AFTER_CORRECT, AFTER_LAST_ATTEMPT, AFTER_DUE;

        public String word() {
            return name().toLowerCase();
        }
    }

    public double pointsFor(Exercise.Question q) {
        if (q.points() != null) return q.points();
        return points.perKind().getOrDefault(q.kind(), points.perQuestion());
    }

    /** Whether work submitted at {@code at} is refused: after the hard cut-off. */
    public boolean pastCutoff(Instant at, Instant due) {
        return due != null && late.cutoff() != null && at.isAfter(due.plus(late.cutoff()));
    }

    /** The share of its points late work keeps: one penalty per started day after the due date. */
    public double lateFactor(Instant at, Instant due) {
        if (due == null || !at.isAfter(due)) return 1;
        long days = (Duration.between(due, at).toSeconds() + 86_399) / 86_400;
        return Math.max(0, 1 - late.perDay() * days);
    }

    /** The share of its points the n-th attempt (1-based) keeps. */
    public double attemptFactor(int attempt) {
        return Math.max(0, 1 - attempts.penalty() * (attempt - 1));
    }

    /** The score that counts for an exercise once an attempt scoring {@code score} follows {@code before}. */
    public double counted(Earlier before, double score) {
        return attempts.counts() == Counts.LAST || before.made() == 0 ? score : Math.max(before.best(), score);
    }

    /** The score that counts for an exercise, given every attempt's score oldest first. */
    public double counted(List<Double> scores) {
        if (scores.isEmpty()) return 0;
        return attempts.counts() == Counts.LAST ? scores.get(scores.size() - 1)
                : scores.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * Whether a question's truth may be shown: {@code correct} whether the student has answered it
     * correctly in some attempt, {@code attempts} how many they have made.
     */
    public boolean reveals(boolean correct, int attemptsMade, Instant now, Instant due) {
        return switch (reveal) {
            case NEVER -> false;
            case ALWAYS -> attemptsMade > 0;
            case AFTER_CORRECT -> correct;
            case AFTER_LAST_ATTEMPT -> correct || attempts.limited() && attemptsMade >= attempts.max();
            case AFTER_DUE -> due != null && now.isAfter(due);
        };
    }

    /**
     * Whether a student may see which answers were right and the score. A rubric that reveals no truth
     * while the assignment runs hides them too until the due date: a ✗ on a True/False question is its truth.
     */
    public boolean showsResults(Instant now, Instant due) {
        boolean hidesWhileOpen = reveal == Reveal.NEVER || reveal == Reveal.AFTER_DUE;
        return !hidesWhileOpen || due != null && now.isAfter(due);
    }

    /** The same rubric with {@code n} more attempts for one student (an instructor's accommodation); unlimited stays unlimited. */
    public Rubric withExtraAttempts(int n) {
        if (n == 0 || !attempts.limited()) return this;
        return new Rubric(name, description, points, compare, partial, new Attempts(attempts.max() + n, attempts.penalty(), attempts.counts()),
                late, reveal, misconceptions, explanations);
    }
}
