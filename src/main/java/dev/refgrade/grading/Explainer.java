package dev.refgrade.grading;

import dev.refgrade.exercise.VariantMemo;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercises;
import java.util.Optional;

/**
 * Explains a probe question's answer by the references behind it (see {@link Explanation}). Each
 * explanation is one run of the program, made once per (variant, question) and shared by every
 * instance and thread.
 */
public final class Explainer {
    private static final VariantMemo<Optional<Explanation>> MEMO = new VariantMemo<>(4096);

    /** Empty for a question that is not a probe, or whose probe asks about no object the simulator can find there. */
    public Optional<Explanation> explain(Exercises.Variant v, Exercise.Question q) {
        return MEMO.get(v, q.id(), () -> Exercises.referents(v, q).map(r -> new Explanation(r.at().describe(), r.objects())));
    }
}
