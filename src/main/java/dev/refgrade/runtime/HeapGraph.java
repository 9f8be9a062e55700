package dev.refgrade.runtime;

import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDefaultDict;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects reachable from some names at one moment, and the references between them, as a
 * student would draw them: container items, dict values, instance attributes. Values that hold no
 * references a student draws (numbers, strings, functions, classes, modules) are leaves.
 */
public record HeapGraph(Map<String, Integer> names, List<Node> objects, boolean truncated) {
    /** One object: its type, its value where it has a short one, its count where CPython fixes it. */
    public record Node(int id, String type, String value, Long refcount, List<Ref> refs) {}

    public record Ref(String label, int to) {}

    static final int MAX_OBJECTS = 60;
    private static final int MAX_VALUE = 60;

    /** Resolves each name as the frame would (local, then global) and walks what it reaches. */
    public static HeapGraph of(PyRuntime rt, Frame frame, List<String> names) {
        var walk = new Walk(rt);
        Map<String, Integer> roots = new LinkedHashMap<>();
        for (String n : names) {
            PyObject o = lookup(rt, frame, n);
            if (o != null) roots.put(n, walk.visit(o));
        }
        walk.expandAll();
        return new HeapGraph(roots, walk.nodes(), walk.truncated);
    }

    private static PyObject lookup(PyRuntime rt, Frame f, String name) {
        int slot = java.util.Arrays.asList(f.code.localNames).indexOf(name);
        if (slot >= 0 && slot < f.fast.length && f.fast[slot] != null) return f.fast[slot];
        int cell = f.code.cellNames.indexOf(name);
        if (cell < 0 && f.code.freeNames.contains(name)) cell = f.code.cellNames.size() + f.code.freeNames.indexOf(name);
        if (cell >= 0 && f.cells[cell] != null) return f.cells[cell].contents;
        PyStr key = new PyStr(name);
        if (f.locals != null) {
            PyObject v = f.locals.getBorrowed(rt, key);
            if (v != null) return v;
        }
        return f.globals.getBorrowed(rt, key);
    }

    /** A breadth-first walk from roots; ids are numbered in the order objects are first reached. */
    public static final class Walk {
        final PyRuntime rt;
        final Map<PyObject, Integer> ids = new IdentityHashMap<>();
        final List<PyObject> order = new ArrayList<>();
        final List<List<Ref>> refs = new ArrayList<>();
        boolean truncated;
        private int expanded;

        public Walk(PyRuntime rt) {
            this.rt = rt;
        }

        /** The object's id in this walk, or null when the walk never reached it. */
        Integer idOf(PyObject o) {
            return ids.get(o);
        }

        int visit(PyObject o) {
            Integer id = ids.get(o);
            if (id != null) return id;
            if (order.size() >= MAX_OBJECTS) {
                truncated = true;
                return -1;
            }
            ids.put(o, order.size());
            order.add(o);
            refs.add(new ArrayList<>());
            return order.size() - 1;
        }

        /** Expands every object visited since the last call, and what they reach. */
        void expandAll() {
            for (; expanded < order.size(); expanded++) expand(order.get(expanded), refs.get(expanded));
        }

        private void expand(PyObject o, List<Ref> out) {
            switch (o) {
                case PyList l -> { for (int i = 0; i < l.size(); i++) edge(out, "[" + i + "]", l.items[i]); }
                case PyTuple t -> { for (int i = 0; i < t.items.length; i++) edge(out, "[" + i + "]", t.items[i]); }
                case PyDict d -> {
                    if (d instanceof PyDefaultDict dd && dd.factory != null) edge(out, ".default_factory", dd.factory);
                    entries(d, out, true);
                }
                case PySet s -> { for (PyObject m : s.table) if (m != null && !PySet.isDummy(m)) edge(out, "member", m); }
                case PyInstance inst -> {
                    if (inst.attrs != null) entries(inst.attrs, out, false);
                    if (inst.slotValues != null) {
                        for (int i = 0; i < inst.slotValues.length; i++) {
                            if (inst.slotValues[i] != null) edge(out, "." + inst.cls.slotLayout()[i].value, inst.slotValues[i]);
                        }
                    }
                }
                default -> {}
            }
        }

        private void entries(PyDict d, List<Ref> out, boolean subscript) {
            for (int i = d.nextEntry(0); i < d.entryLimit(); i = d.nextEntry(i + 1)) {
                PyObject k = d.keyAt(i);
                String label = subscript ? "[" + rt.ops.repr(k) + "]" : "." + (k instanceof PyStr s ? s.value : rt.ops.repr(k));
                edge(out, label, d.valueAt(i));
            }
        }

        private void edge(List<Ref> out, String label, PyObject to) {
            int id = visit(to);
            if (id >= 0) out.add(new Ref(label, id));
        }

        List<Node> nodes() {
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                PyObject o = order.get(i);
                Long count = o.refcountKnowable() && o.refcnt < Heap.IMMORTAL ? o.refcnt : null;
                nodes.add(new Node(i, o.type().name, value(o), count, List.copyOf(refs.get(i))));
            }
            return nodes;
        }

        private String value(PyObject o) {
            String v = switch (o) {
                case PyInt i -> rt.ops.repr(i);
                case PyFloat f -> rt.ops.repr(f);
                case PyStr s -> rt.ops.repr(s);
                case PySingleton s -> s.name;
                case PyFunction f -> f.qualname;
                case PyType t -> t.name;
                case PyModule m -> m.name;
                default -> null;
            };
            return v == null || v.length() <= MAX_VALUE ? v : v.substring(0, MAX_VALUE - 3) + "...";
        }
    }
}
