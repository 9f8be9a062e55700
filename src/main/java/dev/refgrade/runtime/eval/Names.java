package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.python.SymbolScope;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.stdlib.Builtins;

/** Loading, storing and deleting a name, by where the symbol table says it lives. */
final class Names {
    /** Stores a value, taking over the caller's reference. */
    @FunctionalInterface
    interface Store {
        void store(Frame f, PyObject owned);
    }

    @FunctionalInterface
    interface Delete {
        void delete(Frame f);
    }

    private Names() {}

    /**
     * LOAD_FAST_BORROW (3.14): a local's value without a reference of its own, for a consumer
     * that takes it as borrowed; null when {@code id} is not a local of {@code u}'s frame.
     */
    static Eval loadBorrowed(Compiler.Unit u, String written) {
        String id = u.scope.mangle(written);
        if (u.inherits(id)) return inherited(u, id, false);
        if (u.scope.kind != SymbolScope.Kind.FUNCTION || u.binding(id) != SymbolScope.Binding.LOCAL) return null;
        PyRuntime rt = unitRuntime(u);
        int i = u.slot(id);
        return f -> {
            PyObject v = f.fast[i];
            if (v == null) throw unbound(rt, id);
            return v;
        };
    }

    /**
     * PEP 709 (3.12): where an inlined comprehension finds a variable of the code it is inlined
     * into: that code's local slot, in the frame its own frame runs in, as many levels out as it is nested.
     */
    private record Outer(int slot, int levels) {
        static Outer of(Compiler.Unit u, String id) {
            int hops = 0;
            Compiler.Unit w = u;
            while (w.inherits(id)) {
                w = w.inlinedInto;
                hops++;
            }
            return new Outer(w.slot(id), hops);
        }

        Frame frame(Frame f) {
            for (int k = 0; k < levels; k++) f = f.back;
            return f;
        }
    }

    /** An inlined comprehension reads an {@link Outer} variable, with a new reference when {@code strong}. */
    private static Eval inherited(Compiler.Unit u, String id, boolean strong) {
        PyRuntime rt = unitRuntime(u);
        Outer outer = Outer.of(u, id);
        int slot = outer.slot();
        return f -> {
            PyObject v = outer.frame(f).fast[slot];
            if (v == null) throw unbound(rt, id);
            if (strong) rt.heap.incref(v);
            return v;
        };
    }

    /** `x := v` in an inlined comprehension stores into the slot {@link #inherited} reads. */
    private static Store inheritedStore(Compiler.Unit u, String id) {
        Heap heap = unitRuntime(u).heap;
        Outer outer = Outer.of(u, id);
        int slot = outer.slot();
        return (f, v) -> {
            Frame g = outer.frame(f);
            PyObject old = g.fast[slot];
            g.fast[slot] = v;
            g.release(heap, slot, old);
        };
    }

    static Eval load(Compiler.Unit u, String written) {
        String id = u.scope.mangle(written);
        PyRuntime rt = unitRuntime(u);
        Heap heap = rt.heap;
        if (u.inherits(id)) return inherited(u, id, true);
        return switch (u.binding(id)) {
            case LOCAL -> {
                int i = u.slot(id);
                yield f -> {
                    PyObject v = f.fast[i];
                    if (v == null) {
                        throw unbound(rt, id);
                    }
                    heap.incref(v);
                    return v;
                };
            }
            case CELL, FREE -> {
                int i = u.cell(id);
                boolean free = u.binding(id) == SymbolScope.Binding.FREE;
                yield f -> {
                    PyObject v = f.cells[i].contents;
                    if (v == null) {
                        throw free ? rt.error(PyExc.NAME_ERROR, "cannot access free variable '" + id
                                + "' where it is not associated with a value in enclosing scope")
                                : unbound(rt, id);
                    }
                    heap.incref(v);
                    return v;
                };
            }
            case GLOBAL_EXPLICIT, GLOBAL_IMPLICIT -> {
                PyStr key = u.name(id);
                yield f -> global(rt, f.globals, key, id);
            }
            case NAME -> {
                PyStr key = u.name(id);
                yield f -> {
                    if (f.locals != f.globals) {
                        PyObject v = f.locals.getBorrowed(rt, key);
                        if (v != null) {
                            heap.incref(v);
                            return v;
                        }
                    }
                    return global(rt, f.globals, key, id);
                };
            }
        };
    }

    /** format_exc_check_arg: a NameError that knows its name, for the traceback's suggestion. */
    private static PyException notDefined(PyRuntime rt, String id) {
        PyException e = rt.error(PyExc.NAME_ERROR, "name '" + id + "' is not defined");
        e.name = rt.name(id);
        return e;
    }

    private static PyException unbound(PyRuntime rt, String id) {
        return rt.error(PyExc.UNBOUND_LOCAL_ERROR, "cannot access local variable '" + id + "' where it is not associated with a value");
    }

    private static PyObject global(PyRuntime rt, PyDict globals, PyStr key, String id) {
        PyObject v = globals.getBorrowed(rt, key);
        if (v == null) v = Builtins.get(id);
        if (v == null) v = rt.extraBuiltins.get(id);
        if (v == null && Builtins.refused(rt, id) instanceof RuntimeException refusal) throw refusal;
        // What CPython's __main__ starts with beyond __name__ (the rest are builtins too, refused above).
        if (v == null && globals.holdsInterpreterObjects && PyDict.MAIN_STARTS_WITH.contains(id)) {
            throw rt.refusal("the main module's '" + id + "' (of the names CPython's __main__ starts with, only __name__ is modelled)");
        }
        if (v == null) throw notDefined(rt, id);
        rt.heap.incref(v);
        return v;
    }

    static Store store(Compiler.Unit u, String written) {
        String id = u.scope.mangle(written);
        PyRuntime rt = unitRuntime(u);
        Heap heap = rt.heap;
        if (u.inherits(id)) return inheritedStore(u, id);
        return switch (u.binding(id)) {
            case LOCAL -> {
                int i = u.slot(id);
                yield (f, v) -> {
                    PyObject old = f.fast[i];
                    f.fast[i] = v;
                    f.release(heap, i, old);
                };
            }
            case CELL, FREE -> {
                int i = u.cell(id);
                yield (f, v) -> {
                    PyCell c = f.cells[i];
                    PyObject old = c.contents;
                    c.contents = v;
                    heap.xdecref(old);
                };
            }
            case GLOBAL_EXPLICIT, GLOBAL_IMPLICIT -> {
                PyStr key = u.name(id);
                yield (f, v) -> f.globals.putOwned(rt, key, v);
            }
            case NAME -> {
                PyStr key = u.name(id);
                yield (f, v) -> {
                    if (f.namespaceStore != null) f.namespaceStore.store(key, v);
                    else f.locals.putOwned(rt, key, v);
                };
            }
        };
    }

    static Delete delete(Compiler.Unit u, String written) {
        String id = u.scope.mangle(written);
        PyRuntime rt = unitRuntime(u);
        Heap heap = rt.heap;
        return switch (u.binding(id)) {
            case LOCAL -> {
                int i = u.slot(id);
                yield f -> {
                    PyObject old = f.fast[i];
                    if (old == null) {
                        throw unbound(rt, id);
                    }
                    f.fast[i] = null;
                    f.release(heap, i, old);
                };
            }
            case CELL, FREE -> {
                int i = u.cell(id);
                yield f -> {
                    PyCell c = f.cells[i];
                    PyObject old = c.contents;
                    if (old == null) throw notDefined(rt, id);
                    c.contents = null;
                    heap.decref(old);
                };
            }
            case GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, NAME -> {
                PyStr key = u.name(id);
                boolean global = u.binding(id) != SymbolScope.Binding.NAME;
                yield f -> {
                    PyDict d = global ? f.globals : f.locals;
                    int ix = d.find(rt, key, rt.ops.hash(key));
                    if (ix < 0) throw notDefined(rt, id);
                    d.removeEntry(heap, ix);
                };
            }
        };
    }

    private static PyRuntime unitRuntime(Compiler.Unit u) {
        return u.runtime();
    }
}
