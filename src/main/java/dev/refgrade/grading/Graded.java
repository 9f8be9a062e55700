package dev.refgrade.grading;

import java.util.List;

/**
 * A graded attempt: its score out of {@code max}, the score that counts for the exercise once this
 * attempt is added (best or last, as the rubric says), which attempt it was, and whether it was late.
 */
public record Graded(double score, double max, double counted, int attempt, boolean late, List<QuestionGrade> questions) {}
