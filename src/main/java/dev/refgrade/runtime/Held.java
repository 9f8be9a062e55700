package dev.refgrade.runtime;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.observe.Referrers;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One object at one moment of a run, as a student reads it: what it is, and every counted
 * reference to it with where it comes from. {@code args} are the positions of the probe helper's
 * arguments that are this object. {@code shared} objects (small ints, None, interned strings) are
 * the interpreter's own: their count is not the program's, so it is neither given nor made up.
 */
public record Held(String type, String value, boolean shared, List<Referrer> referrers, List<Integer> args) {
    /** Where a reference comes from. */
    public enum Kind { NAME, SLOT, ATTRIBUTE, CONSTANT, ARGUMENT, OTHER }

    /** One reference: its kind, and in words ("global name 'a'", "item 0 of the list named 'b'"). */
    public record Referrer(Kind kind, String words) {}

    /** The same object with one more reference, which the walk of frames and heap cannot see. */
    public Held with(Referrer extra) {
        List<Referrer> all = new ArrayList<>(referrers);
        all.add(extra);
        return new Held(type, value, shared, List.copyOf(all), args);
    }

    /**
     * The distinct objects among a call's arguments, each with its references at this moment. The
     * call's own references to its arguments are left out; a reference neither frames nor heap
     * explain (a value the line is still computing with) is told as such, so the words add up to
     * the count.
     */
    static List<Held> of(PyRuntime rt, PyObject[] args) {
        Referrers scan = Referrers.walk(rt, rt.interp.mainGlobals);
        Map<PyObject, List<Integer>> positions = new IdentityHashMap<>();
        List<PyObject> distinct = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!positions.containsKey(args[i])) distinct.add(args[i]);
            positions.computeIfAbsent(args[i], k -> new ArrayList<>()).add(i);
        }
        // Counts first: wording an object may run a __repr__, which must not change what was counted.
        long[] counts = distinct.stream().mapToLong(o -> o.refcnt).toArray();
        List<Held> out = new ArrayList<>();
        for (int d = 0; d < counts.length; d++) {
            PyObject o = distinct.get(d);
            boolean shared = !o.refcountKnowable() || counts[d] >= Heap.IMMORTAL;
            List<Referrer> refs = scan.of(o);
            // Names first, as a student looks for them; a lambda of our own, as Comparator.comparing's is spun anew in every process.
            refs.sort((a, b) -> a.kind().compareTo(b.kind()));
            long unexplained = shared ? 0 : counts[d] - positions.get(o).size() - refs.size();
            for (long k = 0; k < unexplained; k++) {
                refs.add(new Referrer(Kind.OTHER, "a reference the running line holds (a value it is still working with)"));
            }
            out.add(new Held(typeWords(o), valueWords(rt, o), shared, List.copyOf(refs), List.copyOf(positions.get(o))));
        }
        return out;
    }

    /** The kind of object as a student names it: "list", "A object", "function". */
    public static String typeWords(PyObject o) {
        return switch (o) {
            case PyInstance inst -> inst.cls.name + " object";
            case PySingleton s -> "singleton";
            default -> o.type().name;
        };
    }

    /** A short value to recognise the object by, or null when its type says it all. */
    public static String valueWords(PyRuntime rt, PyObject o) {
        return switch (o) {
            case PyInstance inst -> null;
            case PyFunction f -> f.qualname;
            case PyMethod m -> m.func instanceof PyFunction f ? f.qualname : null;
            case PyType t -> t.name;
            case PyModule m -> m.name;
            default -> Trace.shortRepr(rt, o);
        };
    }
}
