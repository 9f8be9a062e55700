package dev.refgrade.grading;

import dev.refgrade.exercise.Referents;
import dev.refgrade.runtime.Held;
import dev.refgrade.runtime.Held.Kind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a probe's answer is what it is: at the probe's point ({@code point}, as "line 4"), each object
 * the probe asks about, with every reference to it and where each comes from, as the simulator
 * found them.
 */
public record Explanation(String point, List<Referents.Referent> objects) {
    public Explanation {
        objects = List.copyOf(objects);
    }

    /** One readable paragraph: "After line 4, `b` is the list [1, 2, 3], with 3 references: global name 'a'; ...". */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Referents.Referent r : objects) {
            Held h = r.held();
            String names = r.exprs().stream().map(e -> "`" + e + "`").collect(Collectors.joining(" and "));
            b.append(b.isEmpty() ? "After " + point + ", " : " ").append(names)
                    .append(r.exprs().size() > 1 ? " are the same " : " is the ").append(h.type())
                    .append(h.value() == null ? "" : " " + h.value());
            if (h.shared()) {
                // Its count is the interpreter's business: say only where the program itself refers to it.
                String refs = words(h.referrers().stream().filter(ref -> ref.kind() == Kind.NAME || ref.kind() == Kind.SLOT
                        || ref.kind() == Kind.ATTRIBUTE).toList());
                b.append(", an object the interpreter itself shares (as it does small ints, None and interned strings),"
                        + " so only CPython knows its count").append(refs.isEmpty() ? "." : "; the program refers to it by " + refs + ".");
            } else {
                int n = h.referrers().size();
                b.append(n == 0 ? ", a new object nothing refers to yet."
                        : ", with " + n + " reference" + (n == 1 ? "" : "s") + ": " + words(h.referrers()) + ".");
            }
        }
        return b.toString();
    }

    private static String words(List<Held.Referrer> refs) {
        return refs.stream().map(Held.Referrer::words).collect(Collectors.joining("; "));
    }
}
