package dev.refgrade.runtime;

import dev.refgrade.python.SymbolScope;
import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.CycleCollector;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole picture at one moment of a run, as a visualiser draws it: every frame on the stack
 * (outermost first) with the names it binds, and the objects those names reach, in the same node
 * form as {@link HeapGraph}. {@code hiddenFrames} counts frames left out of a deep recursion.
 * {@code unreachable} are the ids of objects still alive though nothing outside them reaches them
 * (a leaked cycle, waiting for the collector), drawn with what they hold and their counts.
 */
public record StackGraph(List<FrameNames> frames, int hiddenFrames, List<HeapGraph.Node> objects, List<Integer> unreachable,
        boolean truncated) {
    /**
     * One frame: "<module>", a function's qualified name, or a class body; its names in binding order;
     * {@code line} the line it is at: the innermost frame's current line, an outer frame's the line of
     * the call it waits in (CPython's f_lineno of each frame on the stack).
     */
    public record FrameNames(String function, Map<String, Integer> names, int line) {}

    /** Deep recursion shows its outermost frame and the innermost ones, not a thousand of them. */
    static final int MAX_FRAMES = 12;

    static final StackGraph EMPTY = new StackGraph(List.of(), 0, List.of(), List.of(), false);

    /** The graph now, with {@code walk} left holding the ids it gave, so callers can name objects in it. */
    public static StackGraph of(PyRuntime rt, Frame innermost, HeapGraph.Walk walk) {
        List<Frame> stack = new ArrayList<>();
        for (Frame f = innermost; f != null; f = f.back) stack.add(0, f);
        int hidden = Math.max(0, stack.size() - MAX_FRAMES);
        if (hidden > 0) stack.subList(1, 1 + hidden).clear();
        List<FrameNames> frames = new ArrayList<>();
        for (Frame f : stack) frames.add(new FrameNames(f.code.kind == SymbolScope.Kind.MODULE ? "<module>" : f.code.qualname, names(rt, f, walk), f.line));
        walk.expandAll();
        List<Integer> unreachable = new ArrayList<>();
        List<PyObject> garbage = CycleCollector.garbage(rt.heap);
        for (PyObject o : garbage) {
            if (walk.idOf(o) != null || isAttributesOf(o, garbage)) continue;
            int id = walk.visit(o);
            if (id >= 0) unreachable.add(id);
        }
        walk.expandAll();
        return new StackGraph(frames, hidden, walk.nodes(), List.copyOf(unreachable), walk.truncated);
    }

    /** An instance's attribute dict is drawn as the instance's own attributes, never as an object of its own. */
    private static boolean isAttributesOf(PyObject o, List<PyObject> garbage) {
        for (PyObject g : garbage) if (g instanceof PyInstance i && i.attrs == o) return true;
        return false;
    }

    /** A frame's bindings: fast locals and cells in a function, the namespace dict of a module or class body. */
    private static Map<String, Integer> names(PyRuntime rt, Frame f, HeapGraph.Walk walk) {
        Map<String, PyObject> bound = new LinkedHashMap<>();
        if (f.locals != null) {
            for (int i = f.locals.nextEntry(0); i < f.locals.entryLimit(); i = f.locals.nextEntry(i + 1)) {
                if (f.locals.keyAt(i) instanceof PyStr k && !k.value.startsWith("__")) bound.put(k.value, f.locals.valueAt(i));
            }
        }
        for (int i = 0; i < f.fast.length && i < f.code.localNames.length; i++) {
            if (f.fast[i] != null) bound.put(f.code.localNames[i], f.fast[i]);
        }
        List<String> cellNames = new ArrayList<>(f.code.cellNames);
        cellNames.addAll(f.code.freeNames);
        for (int i = 0; i < f.cells.length && i < cellNames.size(); i++) {
            if (f.cells[i] != null && f.cells[i].contents != null) bound.put(cellNames.get(i), f.cells[i].contents);
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        bound.forEach((name, o) -> {
            int id = walk.visit(o);
            if (id >= 0) ids.put(name, id);
        });
        return ids;
    }
}
