package dev.refgrade.grading;

import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.exercise.Exercises.Variant;
import java.util.Optional;

/**
 * Insights from counterfactual runs and the referrers of the probe's objects. A misconception's
 * answer counts as the student's when it would earn full marks under the loosest comparison: a
 * drawing up to renaming of objects, text and output up to surrounding whitespace.
 */
final class SimulatedInsights implements Insights {
    private final Diagnoser diagnoser = new Diagnoser(Misconceptions.ALL, Scoring::same);
    private final Explainer explainer = new Explainer();

    @Override
    public Optional<Named> misconception(Variant v, Question q, Answer student) {
        return diagnoser.diagnose(v, q, student).map(m -> new Named(m.id(), m.name(), (m.description().startsWith("Thinks ")
                ? "Your answer is what Python would give if " + m.description().substring("Thinks ".length())
                : "Your answer fits this belief: " + m.description()) + " " + m.explanation()));
    }

    @Override
    public Optional<String> explanation(Variant v, Question q) {
        return explainer.explain(v, q).map(Explanation::text);
    }
}
