package dev.refgrade.grading;

import dev.refgrade.exercise.VariantMemo;
import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.exercise.Exercises.Variant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Insights from counterfactual runs and the referrers of the probe's objects. A misconception's
 * answer counts as the student's when it would earn full marks under the loosest comparison: a
 * drawing up to renaming of objects, text and output up to surrounding whitespace.
 *
 * <p>A wrong answer that another CPython version gives is named as that version's answer before
 * any misconception: it is what a real interpreter does, where a misconception is only a guess at
 * what the student believes.
 */
final class SimulatedInsights implements Insights {
    private final Diagnoser diagnoser = new Diagnoser(Misconceptions.ALL, Scoring::same);
    private final VersionEffects versions = new VersionEffects(Scoring::same);
    private final Explainer explainer = new Explainer();
    /** Per (variant, question): each wrong answer's diagnosis; a class gives few distinct wrong answers, each many times. */
    private static final VariantMemo<Map<Answer, Optional<Named>>> DIAGNOSED = new VariantMemo<>(4096);
    /** Answers diagnosed per question at most: past it, an odd answer is worked out anew each time it comes. */
    private static final int ANSWERS_KEPT = 256;
    private static final VariantMemo<Optional<String>> EXPLAINED = new VariantMemo<>(4096);

    @Override
    public Optional<Named> misconception(Variant v, Question q, Answer student) {
        Map<Answer, Optional<Named>> known = DIAGNOSED.get(v, q.id(), ConcurrentHashMap::new);
        Optional<Named> found = known.get(student);
        if (found != null) return found;
        found = diagnose(v, q, student);
        if (known.size() < ANSWERS_KEPT) known.putIfAbsent(student, found);
        return found;
    }

    private Optional<Named> diagnose(Variant v, Question q, Answer student) {
        Optional<VersionEffects.Effect> version = versions.matching(v, q, student);
        if (version.isPresent()) {
            VersionEffects.Effect e = version.get();
            return Optional.of(new Named(e.id(), e.who() + "'s answer", "Your answer is what " + e.who() + " " + e.verb("gives", "give")
                    + ", but this exercise is for CPython " + v.exercise().python() + e.why(": ") + "."));
        }
        return diagnoser.diagnose(v, q, student).map(m -> new Named(m.id(), m.name(), (m.description().startsWith("Thinks ")
                ? "Your answer is what Python would give if " + m.description().substring("Thinks ".length())
                : "Your answer fits this belief: " + m.description()) + " " + m.explanation()));
    }

    /** Every question's explanation, other versions' answers, and answer under each misconception. */
    @Override
    public void prepare(Variant v) {
        for (Question q : v.exercise().questions()) {
            if (!v.answers().containsKey(q.id())) continue;
            explanation(v, q);
            versions.effects(v, q);
            for (Misconception m : Misconceptions.ALL) diagnoser.predicted(v, q, m);
        }
    }

    /** The references behind the answer, then what other versions answer and why. */
    @Override
    public Optional<String> explanation(Variant v, Question q) {
        return EXPLAINED.get(v, q.id(), () -> {
            Optional<String> known = v.recall().note(q.id(), "explanation");
            if (known != null) return known;
            Optional<String> made = explain(v, q);
            v.recall().note(q.id(), "explanation", made.orElse(null));
            return made;
        });
    }

    private Optional<String> explain(Variant v, Question q) {
        Optional<String> referents = explainer.explain(v, q).map(Explanation::text);
        List<VersionEffects.Effect> effects = versions.effects(v, q);
        if (effects.isEmpty()) return referents;
        String others = "This is CPython " + v.exercise().python() + "'s answer; " + effects.stream()
                .map(e -> e.who() + " " + e.verb("answers ", "answer ") + e.answer().show() + e.why(", because ")).collect(Collectors.joining("; ")) + ".";
        return Optional.of(referents.map(r -> r + " " + others).orElse(others));
    }
}
