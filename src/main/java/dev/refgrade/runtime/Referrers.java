package dev.refgrade.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds a reference to whom, in words a student reads: "global name 'a'", "item 0 of a list",
 * "attribute 'b' of an A object". The raw material of `trace` and of explanations.
 */
final class Referrers {
    private final Runtime rt;
    private final Map<PyObject, List<String>> holders = new IdentityHashMap<>();
    /** co_consts tuples and the code they belong to. */
    private final Map<PyObject, String> constants = new IdentityHashMap<>();

    private Referrers(Runtime rt) {
        this.rt = rt;
    }

    /** Every counted reference to every live object, found by walking the frames and the heap. */
    static Map<PyObject, List<String>> scan(Runtime rt, PyDict globals) {
        Referrers r = new Referrers(rt);
        for (Frame f = rt.interp.currentFrame(); f != null; f = f.back) {
            String where = f.code.kind == Scope.Kind.FUNCTION ? " of " + f.code.qualname + "()" : "";
            for (int i = 0; i < f.fast.length; i++) {
                if (f.fast[i] != null) r.add(f.fast[i], "local name '" + f.code.localNames[i] + "'" + where);
            }
            for (PyCell c : f.cells) if (c != null) r.add(c, "a cell" + where);
            if (f.func != null) r.add(f.func, "the call running it");
        }
        List<PyObject> all = rt.heap.addresses.inAddressOrder();
        for (PyObject o : all) if (o instanceof PyCode c && c.consts != null) r.constants.put(c.consts, c.qualname);
        for (PyObject holder : all) r.describe(holder, holder == globals);
        for (PyObject literal : rt.interp.arena) r.add(literal, "the parse tree (kept while the file runs)");
        return r.holders;
    }

    private void add(PyObject target, String how) {
        holders.computeIfAbsent(target, k -> new ArrayList<>()).add(how);
    }

    private void describe(PyObject h, boolean isGlobals) {
        String of = " of " + Trace.describe(rt, h);
        switch (h) {
            case PyList l -> {
                for (int i = 0; i < l.size; i++) add(l.items[i], "item " + i + of);
            }
            case PyTuple t when constants.containsKey(t) -> {
                for (PyObject item : t.items) add(item, "a constant of the code of " + constants.get(t));
            }
            case PyTuple t -> {
                for (int i = 0; i < t.items.length; i++) add(t.items[i], "item " + i + of);
            }
            case PyDict d -> {
                for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
                    String key = Trace.shortRepr(rt, d.keys[i]);
                    add(d.values[i], isGlobals ? "global name " + key : "value for key " + key + of);
                    if (!isGlobals) add(d.keys[i], "key " + key + of);
                }
            }
            case PySet s -> {
                for (int i = s.nextSlot(0); i < s.table.length; i = s.nextSlot(i + 1)) add(s.table[i], "member" + of);
            }
            case PyInstance inst -> {
                if (inst.attrs != null && inst.attrs.inlineValues) {
                    PyDict d = inst.attrs;
                    for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
                        add(d.values[i], "attribute " + ((PyStr) d.keys[i]).value + of);
                    }
                } else if (inst.attrs != null) {
                    add(inst.attrs, "__dict__" + of);
                }
                if (inst.slotValues != null) {
                    for (int i = 0; i < inst.slotValues.length; i++) {
                        if (inst.slotValues[i] != null) add(inst.slotValues[i], "slot " + inst.cls.slots[i].value + of);
                    }
                }
                add(inst.cls, "the class" + of);
            }
            case PyCode c -> {
                if (c.consts != null) add(c.consts, "co_consts of " + c.qualname);
            }
            case PyCell c -> {
                if (c.contents != null) add(c.contents, "a closure cell");
            }
            case PyMethod m -> {
                add(m.func, "__func__" + of);
                add(m.self, "__self__" + of);
            }
            default -> h.traverse(o -> add(o, "a reference" + of));
        }
    }
}
