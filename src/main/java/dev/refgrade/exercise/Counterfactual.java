package dev.refgrade.exercise;

import dev.refgrade.runtime.VersionRules;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.VersionChange;
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

    /**
     * The counterfactual in words that name it whatever the process: "believing A+B" (variations in
     * declaration order), or "rules 3.12" (a version's own rules), "rules 3.11 +C -D" (a version's
     * with change C put in and D left out).
     */
    public String key() {
        StringBuilder b = new StringBuilder();
        if (!variations.isEmpty()) {
            b.append("believing ");
            for (Variation v : Variation.values()) if (variations.contains(v)) b.append(v.name()).append('+');
            b.setLength(b.length() - 1);
        }
        if (rules != null) {
            b.append(b.isEmpty() ? "" : " ").append("rules ").append(rules.version);
            Set<VersionChange> own = VersionChange.of(rules.version);
            for (VersionChange c : VersionChange.values()) {
                if (rules.changes.contains(c) != own.contains(c)) b.append(rules.changes.contains(c) ? " +" : " -").append(c.name());
            }
        }
        return b.isEmpty() ? "none" : b.toString();
    }

    boolean isNone() {
        return variations.isEmpty() && rules == null;
    }
}
