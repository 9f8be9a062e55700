package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyOperatorGetter;
import dev.refgrade.runtime.objects.PyOperatorGetter.Kind;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import java.util.ArrayList;
import java.util.List;

/** operator.itemgetter, attrgetter and methodcaller as _operator.c makes and calls them. */
final class OperatorGetters {
    private OperatorGetters() {}

    static void install(Registry reg) {
        for (Kind k : Kind.values()) {
            reg.put(k.name, k.type);
            reg.constructor(k.type, Signature.parse("*args, **kwargs"), (rt, t, a) -> make(rt, k, a.rest(), a.extra()));
            reg.method(k.type, "__call__", "*args, **kwargs", (PyRuntime rt, PyOperatorGetter g, Args a) -> call(rt, g, a.rest(), a.extra()));
        }
    }

    private static PyObject make(PyRuntime rt, Kind k, PyObject[] args, Kwargs kw) {
        Heap heap = rt.heap;
        if (k == Kind.METHOD) {
            if (rt.rules.version.atLeast(PythonVersion.V3_13)) {
                throw new Unsupported("operator.methodcaller on Python " + rt.rules.version + " (it keeps its arguments again in a"
                        + " vectorcall cache, which holds references of its own; not modelled)", 0);
            }
            // methodcaller_new: the name first, then what each call passes on.
            if (args.length < 1) throw rt.typeError("methodcaller needs at least one argument, the method name");
            if (!(args[0] instanceof PyStr s)) throw rt.typeError("method name must be a string");
            PyDict kwargs = rt.newDict();
            for (int i = 0; i < kw.names().size(); i++) kwargs.put(rt, kw.names().get(i), kw.values().get(i));
            PyObject[] rest = new PyObject[args.length - 1];
            for (int i = 1; i < args.length; i++) rest[i - 1] = heap.newRef(args[i]);
            return heap.alloc(new PyOperatorGetter(k, rt.name(s.value), 1, rt.newTuple(rest), kwargs));
        }
        if (!kw.isEmpty()) throw rt.typeError(k.name + "() takes no keyword arguments");
        if (args.length == 0) throw rt.typeError(k.name + " expected 1 argument, got 0");
        if (k == Kind.ITEM) {
            // One item is kept as it is; several as the argument tuple.
            PyObject held = args.length == 1 ? heap.newRef(args[0]) : rt.newTuple(heap.newRefs(args));
            return heap.alloc(new PyOperatorGetter(k, held, args.length, null, null));
        }
        // attrgetter_new: every name a str, interned; a dotted one split into the tuple of its parts.
        PyObject[] names = new PyObject[args.length];
        try {
            for (int i = 0; i < args.length; i++) {
                if (!(args[i] instanceof PyStr s)) throw rt.typeError("attribute name must be a string");
                if (s.value.indexOf('.') < 0) {
                    names[i] = rt.name(s.value);
                } else {
                    String[] parts = s.value.split("\\.", -1);
                    PyObject[] interned = new PyObject[parts.length];
                    for (int j = 0; j < parts.length; j++) interned[j] = rt.name(parts[j]);
                    names[i] = rt.newTuple(interned);
                }
            }
        } catch (RuntimeException e) {
            for (PyObject n : names) heap.xdecref(n);
            throw e;
        }
        return heap.alloc(new PyOperatorGetter(k, rt.newTuple(names), args.length, null, null));
    }

    private static PyObject call(PyRuntime rt, PyOperatorGetter g, PyObject[] args, Kwargs kw) {
        if (!kw.isEmpty()) throw rt.typeError(g.kind.name + "() takes no keyword arguments");
        if (args.length != 1) throw rt.typeError(g.kind.name + " expected 1 argument, got " + args.length);
        PyObject obj = args[0];
        return switch (g.kind) {
            case ITEM -> g.nitems == 1 ? rt.ops.getItem(obj, g.held) : each(rt, ((PyTuple) g.held).items, i -> rt.ops.getItem(obj, i));
            case ATTR -> {
                PyObject[] names = ((PyTuple) g.held).items;
                yield g.nitems == 1 ? dotted(rt, obj, names[0]) : each(rt, names, n -> dotted(rt, obj, n));
            }
            case METHOD -> {
                PyObject method = rt.ops.getAttr(obj, (PyStr) g.held);
                List<PyStr> names = new ArrayList<>();
                List<PyObject> values = new ArrayList<>();
                for (int i = g.kwargs.nextEntry(0); i < g.kwargs.entries; i = g.kwargs.nextEntry(i + 1)) {
                    names.add((PyStr) g.kwargs.keyAt(i));
                    values.add(g.kwargs.valueAt(i));
                }
                try {
                    yield rt.ops.call(method, g.args.items, new Kwargs(names, values));
                } finally {
                    rt.heap.decref(method);
                }
            }
        };
    }

    /** dotted_getattr: each part of a dotted name in turn. */
    private static PyObject dotted(PyRuntime rt, PyObject obj, PyObject name) {
        if (name instanceof PyStr s) return rt.ops.getAttr(obj, s);
        PyObject at = rt.heap.newRef(obj);
        for (PyObject part : ((PyTuple) name).items) {
            PyObject next;
            try {
                next = rt.ops.getAttr(at, (PyStr) part);
            } finally {
                rt.heap.decref(at);
            }
            at = next;
        }
        return at;
    }

    /** A new tuple of what {@code get} gives for each of {@code items}, in order. */
    private static PyObject each(PyRuntime rt, PyObject[] items, java.util.function.Function<PyObject, PyObject> get) {
        PyObject[] out = new PyObject[items.length];
        try {
            for (int i = 0; i < items.length; i++) out[i] = get.apply(items[i]);
        } catch (RuntimeException e) {
            for (PyObject o : out) rt.heap.xdecref(o);
            throw e;
        }
        return rt.newTuple(out);
    }
}
