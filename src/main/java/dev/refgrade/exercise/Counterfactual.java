package dev.refgrade.exercise;

import dev.refgrade.runtime.VersionRules;
import dev.refgrade.runtime.Variation;
import java.util.Set;

/**
 * How a run departs from the exercise's own CPython, to see what another answer would come from:
 * a misconception's deviations of the simulator, or another version's rules (a whole version, or
 * the exercise's with one change flipped).
 *
 * @param rules null for the exercise's own version
 */
public record Counterfactual(Set<Variation> variations, VersionRules rules) {
    /** The exercise as CPython runs it: the key. */
    public static final Counterfactual NONE = new Counterfactual(Set.of(), null);

    public Counterfactual {
        variations = Set.copyOf(variations);
    }

    public static Counterfactual believing(Set<Variation> variations) {
        return new Counterfactual(variations, null);
    }

    public static Counterfactual under(VersionRules rules) {
        return new Counterfactual(Set.of(), rules);
    }

    boolean isNone() {
        return variations.isEmpty() && rules == null;
    }
}
