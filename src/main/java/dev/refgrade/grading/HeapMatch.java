package dev.refgrade.grading;

import dev.refgrade.runtime.HeapGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A drawing of the heap compared with the true object graph up to renaming of objects. Starting from
 * the names, each true arrow is followed in both graphs at once; the first time a drawn object is
 * reached it stands for the true object reached with it, and from then on an arrow is right only if
 * it reaches the drawn object standing for its true target. That is how "b and a point to the same
 * list" is told from "b points to a list equal to a's". Each true arrow drawn right earns a share;
 * each arrow drawn that does not exist costs one.
 */
final class HeapMatch {
    private final HeapGraph truth, drawn;
    private final Map<Integer, Integer> drawnToTrue = new HashMap<>(), trueToDrawn = new HashMap<>();
    private final Map<Integer, String> pathOf = new HashMap<>();
    private final Deque<Integer> queue = new ArrayDeque<>();
    private final List<String> feedback = new ArrayList<>();
    /** The names drawn that the question does not ask about: the question lists its names, so saying so gives nothing away. */
    private final List<String> unasked = new ArrayList<>();
    private int arrows, right, extra;

    private HeapMatch(HeapGraph truth, HeapGraph drawn) {
        this.truth = truth;
        this.drawn = drawn;
    }

    /**
     * Without {@code reveal}, feedback names no true arrow, object or type (each would draw part of
     * the truth): only the names drawn that were not asked about, and how many arrows are right.
     */
    static Match compare(HeapGraph truth, HeapGraph drawn, boolean partial, boolean reveal) {
        HeapMatch m = new HeapMatch(truth, drawn);
        m.walk();
        boolean all = m.right == m.arrows && m.extra == 0 && m.feedback.isEmpty();
        if (all) return Match.RIGHT;
        double credit = m.arrows + m.extra == 0 ? 0 : (double) m.right / (m.arrows + m.extra);
        List<String> feedback = reveal ? m.feedback : new ArrayList<>(m.unasked);
        if (!reveal) feedback.add(m.right + " of " + m.arrows + " arrows drawn right" + (m.extra > m.unasked.size() ? ", and some drawn that do not exist" : ""));
        return new Match(partial ? credit : 0, List.copyOf(feedback));
    }

    private void walk() {
        truth.names().forEach((name, to) -> arrow(name, drawn.names().get(name), to, "`" + name + "`"));
        drawn.names().keySet().stream().filter(n -> !truth.names().containsKey(n)).forEach(n -> {
            extra++;
            unasked.add("`" + n + "` is not one of the names asked about; leave it out");
            feedback.add(unasked.getLast());
        });
        while (!queue.isEmpty()) {
            int t = queue.poll();
            HeapGraph.Node tn = truth.objects().get(index(truth, t)), dn = drawn.objects().get(trueToDrawn.get(t));
            if (!dn.type().isBlank() && !sameType(dn.type(), tn.type())) {
                feedback.add("the object at " + pathOf.get(t) + " is " + article(tn.type()) + ", not " + article(dn.type()));
            }
            for (HeapGraph.Ref r : tn.refs()) arrow(r.label(), target(dn, r.label()), r.to(), path(pathOf.get(t), r.label()));
            for (HeapGraph.Ref r : dn.refs()) {
                if (tn.refs().stream().noneMatch(x -> x.label().equals(r.label().strip()))) {
                    extra++;
                    feedback.add(path(pathOf.get(t), r.label()) + " does not exist: " + pathOf.get(t) + " has no reference " + r.label());
                }
            }
        }
    }

    /** One true arrow to {@code to}, drawn as reaching {@code drawnTo} (null: not drawn). */
    private void arrow(String label, Integer drawnTo, int to, String path) {
        arrows++;
        if (drawnTo == null) {
            feedback.add("missing arrow: " + path);
            return;
        }
        Integer standsFor = drawnToTrue.get(drawnTo);
        Integer drawnFor = trueToDrawn.get(to);
        if (standsFor == null && drawnFor == null) {
            drawnToTrue.put(drawnTo, to);
            trueToDrawn.put(to, drawnTo);
            pathOf.put(to, path);
            queue.add(to);
            right++;
        } else if (standsFor != null && standsFor == to) {
            right++;
        } else if (standsFor != null) {
            feedback.add(path + " should not reach the object at " + pathOf.get(standsFor) + "; it is a different object");
        } else {
            feedback.add(path + " should reach the same object as " + pathOf.get(to) + ", not a separate one");
        }
    }

    /**
     * A type as the student would mean it: "node" or "NODE" for class Node is the same class, not
     * another object's type (a program whose classes differ only in case is not one a student draws).
     */
    private static boolean sameType(String drawn, String truth) {
        return drawn.strip().equalsIgnoreCase(truth);
    }

    /** The drawn arrow labelled {@code label}; spaces around a typed label are not part of it. */
    private Integer target(HeapGraph.Node n, String label) {
        return n.refs().stream().filter(r -> r.label().strip().equals(label)).map(HeapGraph.Ref::to).findFirst().orElse(null);
    }

    private static int index(HeapGraph g, int id) {
        for (int i = 0; i < g.objects().size(); i++) if (g.objects().get(i).id() == id) return i;
        throw new IllegalArgumentException("no object " + id);
    }

    private static String path(String from, String label) {
        return from.substring(0, from.length() - 1) + (label.startsWith("[") || label.startsWith(".") ? label : " " + label) + "`";
    }

    private static String article(String type) {
        return ("aeiou".indexOf(Character.toLowerCase(type.charAt(0))) >= 0 ? "an " : "a ") + type;
    }
}
