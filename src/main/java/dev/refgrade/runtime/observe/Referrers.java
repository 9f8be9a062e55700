package dev.refgrade.runtime.observe;

import dev.refgrade.runtime.Held.Kind;
import dev.refgrade.runtime.Held;
import dev.refgrade.runtime.Trace;
import dev.refgrade.python.SymbolScope;
import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDefaultDict;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds a reference to whom, in words a student reads: "global name 'a'", "item 0 of a list",
 * "attribute b of an A object". The raw material of `trace` and of explanations.
 */
public final class Referrers {
    /** One counted reference: its kind, its role in words, and the object holding it (null for a frame or the parse tree). */
    record Ref(Kind kind, String role, PyObject holder) {}

    private final PyRuntime rt;
    private final Map<PyObject, List<Ref>> holders = new IdentityHashMap<>();
    /** co_consts tuples and the code they belong to. */
    private final Map<PyObject, String> constants = new IdentityHashMap<>();
    /** Namespaces and the class, module or instance whose attributes they hold; defaults tuples and their function. */
    private final Map<PyObject, PyObject> namespaces = new IdentityHashMap<>(), defaults = new IdentityHashMap<>();
    /** The first name found bound to each object, quoted, to call a holder by. */
    private final Map<PyObject, String> names = new IdentityHashMap<>();

    private Referrers(PyRuntime rt) {
        this.rt = rt;
    }

    /** Every counted reference to every live object, as `trace` words it (holders with their addresses). */
    public static Map<PyObject, List<String>> scan(PyRuntime rt, PyDict globals) {
        Referrers r = walk(rt, globals);
        Map<PyObject, String> described = new IdentityHashMap<>();
        Map<PyObject, List<String>> out = new IdentityHashMap<>();
        r.holders.forEach((o, refs) -> out.put(o, refs.stream().map(ref -> ref.holder == null ? ref.role
                : ref.role + " of " + described.computeIfAbsent(ref.holder, h -> Trace.describe(rt, h))).toList()));
        return out;
    }

    /** Walks the frames and the heap for every counted reference to every live object. */
    public static Referrers walk(PyRuntime rt, PyDict globals) {
        Referrers r = new Referrers(rt);
        for (Frame f = rt.interp.currentFrame(); f != null; f = f.back) {
            String where = f.code.kind == SymbolScope.Kind.FUNCTION ? " of " + f.code.qualname + "()" : "";
            for (int i = 0; i < f.fast.length; i++) {
                if (f.fast[i] == null) continue;
                // '.0' is the iterator a comprehension's function is called with, not a name of the program's.
                String local = f.code.localNames[i];
                r.name(f.fast[i], local.startsWith(".") ? "the iterator argument" : "local name", "'" + local + "'", where);
            }
            for (PyCell c : f.cells) if (c != null) r.add(c, Kind.OTHER, "a cell" + where, null);
            if (f.func != null) r.add(f.func, Kind.OTHER, "the call running it", null);
        }
        List<PyObject> all = rt.heap.addresses.inAddressOrder();
        for (PyObject o : all) r.owners(o);
        for (PyObject holder : all) r.describe(holder, holder == globals);
        for (PyObject literal : rt.interp.arena) r.add(literal, Kind.CONSTANT, "the parse tree (kept while the file runs)", null);
        return r;
    }

    /** The references to {@code o} in a student's words: a holder is called by a name bound to it, if there is one. */
    public List<Held.Referrer> of(PyObject o) {
        List<Held.Referrer> out = new ArrayList<>();
        for (Ref ref : holders.getOrDefault(o, List.of())) {
            out.add(new Held.Referrer(ref.kind, ref.holder == null ? ref.role : ref.role + " of " + phrase(ref.holder)));
        }
        return out;
    }

    private String phrase(PyObject h) {
        String what = Held.typeWords(h), name = names.get(h), value = Held.valueWords(rt, h);
        if (name != null) return "the " + what + " named " + name;
        return ("aeiouAEIOU".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what + (value == null ? "" : " " + value);
    }

    private void add(PyObject target, Kind kind, String role, PyObject holder) {
        holders.computeIfAbsent(target, k -> new ArrayList<>()).add(new Ref(kind, role, holder));
    }

    private void name(PyObject target, String kind, String quoted, String where) {
        add(target, Kind.NAME, kind + " " + quoted + where, null);
        names.putIfAbsent(target, quoted);
    }

    /** Notes what {@code o} owns that is better told by its owner than as a plain tuple or dict. */
    private void owners(PyObject o) {
        switch (o) {
            case PyCode c when c.consts != null -> constants.put(c.consts, c.qualname);
            case PyType t when t.dict != null -> namespaces.put(t.dict, t);
            case PyModule m -> namespaces.put(m.dict, m);
            case PyInstance inst when inst.attrs != null && !inst.attrs.inlineValues -> namespaces.put(inst.attrs, inst);
            case PyFunction f when f.defaults != null -> defaults.put(f.defaults, f);
            default -> {}
        }
    }

    private void describe(PyObject h, boolean isGlobals) {
        switch (h) {
            case PyDict d when namespaces.containsKey(d) && !isGlobals -> {
                PyObject owner = namespaces.get(d);
                for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
                    String name = d.keys[i] instanceof PyStr k ? k.value : Trace.shortRepr(rt, d.keys[i]);
                    add(d.values[i], Kind.ATTRIBUTE, "attribute " + name, owner);
                    add(d.keys[i], Kind.OTHER, "the name of attribute " + name, owner);
                }
            }
            case PyTuple t when defaults.containsKey(t) -> {
                for (PyObject item : t.items) add(item, Kind.OTHER, "a default value of " + ((PyFunction) defaults.get(t)).qualname + "()", null);
            }
            case PyList l -> {
                for (int i = 0; i < l.size; i++) add(l.items[i], Kind.SLOT, "item " + i, h);
            }
            case PyTuple t when constants.containsKey(t) -> {
                for (PyObject item : t.items) add(item, Kind.CONSTANT, "a constant of the code of " + constants.get(t), null);
            }
            case PyTuple t -> {
                for (int i = 0; i < t.items.length; i++) add(t.items[i], Kind.SLOT, "item " + i, h);
            }
            case PyDict d -> {
                for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
                    String key = Trace.shortRepr(rt, d.keys[i]);
                    if (isGlobals) name(d.values[i], "global name", key, "");
                    else add(d.values[i], Kind.SLOT, "value for key " + key, h);
                    if (!isGlobals) add(d.keys[i], Kind.SLOT, "key " + key, h);
                }
                if (d instanceof PyDefaultDict dd && dd.factory != null) add(dd.factory, Kind.ATTRIBUTE, "default_factory", h);
            }
            case PySet s -> {
                for (int i = s.nextSlot(0); i < s.table.length; i = s.nextSlot(i + 1)) add(s.table[i], Kind.SLOT, "member", h);
            }
            case PyInstance inst -> {
                if (inst.attrs != null && inst.attrs.inlineValues) {
                    PyDict d = inst.attrs;
                    for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
                        add(d.values[i], Kind.ATTRIBUTE, "attribute " + ((PyStr) d.keys[i]).value, h);
                    }
                } else if (inst.attrs != null) {
                    add(inst.attrs, Kind.OTHER, "__dict__", h);
                }
                if (inst.slotValues != null) {
                    for (int i = 0; i < inst.slotValues.length; i++) {
                        if (inst.slotValues[i] != null) add(inst.slotValues[i], Kind.ATTRIBUTE, "slot " + inst.cls.slotLayout()[i].value, h);
                    }
                }
                add(inst.cls, Kind.OTHER, "the class", h);
            }
            case PyCode c -> {
                if (c.consts != null) add(c.consts, Kind.OTHER, "co_consts of " + c.qualname, null);
            }
            case PyCell c -> {
                if (c.contents != null) add(c.contents, Kind.OTHER, "a closure cell", null);
            }
            case PyType t when t.isHeapType() -> {
                // type_traverse's references by their names, and the qualname it does not visit (a str is in no cycle).
                t.traverse(o -> add(o, Kind.OTHER, o == t.dict ? "__dict__" : o == t.mroTuple ? "__mro__" : o == t.bases() ? "__bases__"
                        : o == t.base() ? "__base__" : "a reference", h));
                if (t.qualname != null) add(t.qualname, Kind.OTHER, "__qualname__", h);
            }
            case PyMethod m -> {
                add(m.func, Kind.OTHER, "__func__", h);
                add(m.self, Kind.OTHER, "__self__", h);
            }
            default -> h.traverse(o -> add(o, Kind.OTHER, "a reference", h));
        }
    }
}
