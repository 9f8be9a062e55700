package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFrame;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTraceback;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.Introspection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an uncaught NameError or AttributeError's last line adds: ". Did you mean: 'x'?" and, from
 * 3.12, the hint to import a standard module. 3.11 and 3.12 choose in Python/suggestions.c: the
 * frame's variable names, then its globals, then the builtins, the first list with a close name
 * winning; 3.13 and 3.14 in traceback._compute_suggestion_error, over all three lists at once, an
 * AttributeError's private names hidden unless the name asked for is one. Close means a Levenshtein
 * distance (a change of case costs 1, any other edit 2) of at most a third of the characters.
 */
final class Suggestions {
    private static final int MAX_CANDIDATE_ITEMS = 750, MAX_STRING_SIZE = 40, MOVE_COST = 2, CASE_COST = 1;
    /** Per version: the builtins in their dict's order, and sys.stdlib_module_names (tools/interpreter-names.py). */
    private static final Map<PythonVersion, List<List<String>>> NAMES = new EnumMap<>(PythonVersion.class);

    private Suggestions() {}

    /** The text to append to {@code v}'s message, "" when CPython adds none. */
    static String offer(PyRuntime rt, PyBaseExc v) {
        if (!(v.name instanceof PyStr name) || !v.cls.isSubtypeOf(PyExc.NAME_ERROR) && !v.cls.isSubtypeOf(PyExc.ATTRIBUTE_ERROR)) return "";
        boolean modern = rt.rules.tracebackPy;
        String suggestion;
        if (v.cls.isSubtypeOf(PyExc.ATTRIBUTE_ERROR)) {
            if (v.obj == null) return "";
            suggestion = closest(attributes(rt, v.obj, name.value, modern ? innermost(v) : null), name.value);
        } else {
            Frame frame = innermost(v);
            if (frame == null) return "";
            suggestion = rt.rules.version == PythonVersion.V3_11 ? inTurn(rt, frame, name.value) : modern ? allAtOnce(rt, frame, name.value)
                    : inTurnWithSelf(rt, frame, name.value);
        }
        String text = suggestion == null ? "" : ". Did you mean: '" + suggestion + "'?";
        if (rt.rules.version == PythonVersion.V3_11 || !v.cls.isSubtypeOf(PyExc.NAME_ERROR)
                || !names(rt.rules.version).get(1).contains(name.value)) {
            return text;
        }
        // 3.12's C printer left the closing '?' off the hint; traceback.py has it.
        String hint = "forget to import '" + name.value + "'" + (modern ? "?" : "");
        return suggestion == null ? ". Did you " + hint : text + " Or did you " + hint;
    }

    /** 3.11: the code's variable names, else the globals, else the builtins. */
    private static String inTurn(PyRuntime rt, Frame frame, String name) {
        String s = closest(List.of(frame.code.localNames), name);
        if (s == null) s = closest(keys(frame.globals), name);
        if (s == null) s = closest(names(rt.rules.version).get(0), name);
        return s;
    }

    /** 3.12: the same, but after the variables, self.name when the frame's self has that attribute. */
    private static String inTurnWithSelf(PyRuntime rt, Frame frame, String name) {
        String s = closest(List.of(frame.code.localNames), name);
        if (s != null) return s;
        if (selfHas(rt, frame, name)) return "self." + name;
        s = closest(keys(frame.globals), name);
        return s != null ? s : closest(names(rt.rules.version).get(0), name);
    }

    /** 3.13+: self.name first, then the closest among the frame's locals, globals and builtins together. */
    private static String allAtOnce(PyRuntime rt, Frame frame, String name) {
        if (selfHas(rt, frame, name)) return "self." + name;
        List<String> all = new ArrayList<>();
        if (frame.locals != null) all.addAll(keys(frame.locals));
        else for (int i = 0; i < frame.fast.length; i++) if (frame.fast[i] != null) all.add(frame.code.localNames[i]);
        all.addAll(keys(frame.globals));
        all.addAll(names(rt.rules.version).get(0));
        return closest(all, name);
    }

    private static boolean selfHas(PyRuntime rt, Frame frame, String name) {
        int i = List.of(frame.code.localNames).indexOf("self");
        if (i < 0 || frame.fast.length <= i || frame.fast[i] == null) return false;
        PyObject found = rt.ops.getAttrOrNull(frame.fast[i], rt.name(name));
        if (found == null) return false;
        rt.heap.decref(found);
        return true;
    }

    /**
     * dir(obj); from 3.13 sorted, and without private names unless one was asked for or the method's
     * own self is obj. After 3.11 only the program's own instances are listed as CPython lists them
     * (3.13's class dicts add dunder names only, which it then hides): otherwise refused.
     */
    private static List<String> attributes(PyRuntime rt, PyObject obj, String name, Frame modernFrame) {
        List<String> out = new ArrayList<>();
        if (rt.rules.version == PythonVersion.V3_11) {
            PyObject dir = rt.ops.call(Builtins.get("dir"), obj);
            try {
                PyList l = (PyList) dir;
                for (int i = 0; i < l.size; i++) if (l.items[i] instanceof PyStr s) out.add(s.value);
            } finally {
                rt.heap.decref(dir);
            }
        } else {
            List<String> listed = obj instanceof PyInstance inst && !(rt.rules.tracebackPy && name.startsWith("_"))
                    ? Introspection.programInstanceNames(rt, inst) : null;
            if (listed == null) {
                throw rt.refusal("the \"Did you mean\" of an AttributeError on a '" + obj.type().name + "' object on Python "
                        + rt.rules.version + " (the names dir() lists there)");
            }
            out.addAll(listed);
        }
        if (!rt.rules.tracebackPy) return out;
        Set<String> sorted = new TreeSet<>(out);
        boolean hide = !name.startsWith("_");
        if (hide && modernFrame != null) {
            int i = List.of(modernFrame.code.localNames).indexOf("self");
            if (i >= 0 && i < modernFrame.fast.length && modernFrame.fast[i] == obj) hide = false;
        }
        List<String> shown = new ArrayList<>();
        for (String s : sorted) if (!hide || !s.startsWith("_")) shown.add(s);
        return shown;
    }

    /** The frame the traceback ends in: where the name was looked up. */
    private static Frame innermost(PyBaseExc v) {
        if (!(v.traceback instanceof PyTraceback tb)) return null;
        while (tb.next != null) tb = tb.next;
        return tb.frame instanceof PyFrame f ? f.frame : null;
    }

    private static List<String> keys(PyDict d) {
        List<String> out = new ArrayList<>();
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) if (d.keyAt(i) instanceof PyStr s) out.add(s.value);
        return out;
    }

    /** calculate_suggestions: the nearest candidate within a third of the characters; the first of equals. */
    static String closest(List<String> candidates, String name) {
        if (candidates.size() >= MAX_CANDIDATE_ITEMS) return null;
        int best = Integer.MAX_VALUE;
        String suggestion = null;
        for (String item : candidates) {
            if (item.equals(name)) continue;
            int max = Math.min((utf8Length(name) + utf8Length(item) + 3) * MOVE_COST / 6, best - 1);
            int d = distance(name, item, max);
            if (d > max) continue;
            if (suggestion == null || d < best) {
                suggestion = item;
                best = d;
            }
        }
        return suggestion;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** levenshtein_distance, over UTF-8 bytes as the C code walks them, giving up past maxCost. */
    static int distance(String x, String y, int maxCost) {
        byte[] a = x.getBytes(StandardCharsets.UTF_8), b = y.getBytes(StandardCharsets.UTF_8);
        int aStart = 0, aEnd = a.length, bStart = 0, bEnd = b.length;
        while (aStart < aEnd && bStart < bEnd && a[aStart] == b[bStart]) {
            aStart++;
            bStart++;
        }
        while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] == b[bEnd - 1]) {
            aEnd--;
            bEnd--;
        }
        int aSize = aEnd - aStart, bSize = bEnd - bStart;
        if (aSize == 0 || bSize == 0) return (aSize + bSize) * MOVE_COST;
        if (aSize > MAX_STRING_SIZE || bSize > MAX_STRING_SIZE) return maxCost + 1;
        if (bSize < aSize) {
            byte[] t = a;
            a = b;
            b = t;
            int s = aStart;
            aStart = bStart;
            bStart = s;
            s = aSize;
            aSize = bSize;
            bSize = s;
        }
        if ((bSize - aSize) * MOVE_COST > maxCost) return maxCost + 1;
        int[] buffer = new int[aSize];
        for (int i = 0; i < aSize; i++) buffer[i] = (i + 1) * MOVE_COST;
        int result = 0;
        for (int bi = 0; bi < bSize; bi++) {
            byte code = b[bStart + bi];
            int distance = result = bi * MOVE_COST;
            int minimum = Integer.MAX_VALUE;
            for (int i = 0; i < aSize; i++) {
                int substitute = distance + substitutionCost(code, a[aStart + i]);
                distance = buffer[i];
                int insertDelete = Math.min(result, distance) + MOVE_COST;
                result = Math.min(insertDelete, substitute);
                buffer[i] = result;
                if (result < minimum) minimum = result;
            }
            if (minimum > maxCost) return maxCost + 1;
        }
        return result;
    }

    private static int substitutionCost(byte a, byte b) {
        if (a == b) return 0;
        if ('A' <= a && a <= 'Z') a += 'a' - 'A';
        if ('A' <= b && b <= 'Z') b += 'a' - 'A';
        return a == b ? CASE_COST : MOVE_COST;
    }

    /** The version's builtins (in order) and standard module names, read once from the resource the tool wrote. */
    private static synchronized List<List<String>> names(PythonVersion v) {
        return NAMES.computeIfAbsent(v, version -> {
            String file = "/dev/refgrade/runtime/names/names-" + version.text() + ".txt";
            List<List<String>> parts = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
            try (var in = Suggestions.class.getResourceAsStream(file)) {
                if (in == null) throw new IllegalStateException("missing resource " + file);
                int part = 0;
                for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                    if (line.isEmpty()) part = 1;
                    else parts.get(part).add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.of(List.copyOf(parts.get(0)), List.copyOf(parts.get(1)));
        });
    }
}
