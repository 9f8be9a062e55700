package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyLruCache;
import dev.refgrade.runtime.objects.PyKeyWrapper;
import dev.refgrade.runtime.objects.PyPartial;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * functools: reduce and partial (C in _functools), update_wrapper and wraps (Python in
 * Lib/functools.py, whose steps are followed here: wraps returns a partial of update_wrapper),
 * lru_cache and cache (LruCache), cached_property (CachedProperty), total_ordering (TotalOrdering).
 * The rest stays refused by name.
 */
final class FunctoolsModule {
    private FunctoolsModule() {}

    private static PyStr str(String s) {
        return StaticObjects.place(new PyStr(s));
    }

    static final PyTuple WRAPPER_ASSIGNMENTS = StaticObjects.place(new PyTuple(new PyObject[] {
        str("__module__"), str("__name__"), str("__qualname__"), str("__doc__"), str("__annotations__")}));
    static final PyTuple WRAPPER_UPDATES = StaticObjects.place(new PyTuple(new PyObject[] {str("__dict__")}));

    static Map<String, PyObject> contents() {
        Registry reg = Registry.module("functools");
        reg.function("reduce", Signature.parse("function, iterable, initial=<unrepresentable>, /")
                .as(Signature.Convention.POSITIONAL), FunctoolsModule::reduce);
        PyBuiltin updateWrapper = reg.function("update_wrapper", Signature.parse(
                "wrapper, wrapped, assigned=<unrepresentable>, updated=<unrepresentable>").as(Signature.Convention.PYTHON),
                FunctoolsModule::updateWrapper);
        reg.function("wraps", Signature.parse("wrapped, assigned=<unrepresentable>, updated=<unrepresentable>")
                .as(Signature.Convention.PYTHON), (rt, a) -> wraps(rt, a, updateWrapper));
        reg.put("WRAPPER_ASSIGNMENTS", WRAPPER_ASSIGNMENTS);
        reg.put("WRAPPER_UPDATES", WRAPPER_UPDATES);
        LruCache.register(reg);
        CachedProperty.install(reg);
        TotalOrdering.install(reg);
        reg.function("cmp_to_key", "mycmp", (rt, a) -> rt.heap.alloc(new PyKeyWrapper(rt.heap.newRef(a.get("mycmp")), null)));
        // keyobject_call ("O:K"): a new KeyWrapper of the same function around the object.
        reg.method(PyKeyWrapper.TYPE, "__call__", Signature.parse("obj").named("K", "K"), (PyRuntime rt, PyKeyWrapper k, Args a) ->
                rt.heap.alloc(new PyKeyWrapper(rt.heap.newRef(k.cmp), rt.heap.newRef(a.get("obj")))));
        // A T_OBJECT member: None while unset, and deleting it leaves it unset.
        PyKeyWrapper.TYPE.install("obj", StaticObjects.place(new BuiltinGetter(
                (rt, k) -> rt.heap.newRef(((PyKeyWrapper) k).object == null ? PyRuntime.NONE : ((PyKeyWrapper) k).object),
                (rt, k, value) -> {
                    PyKeyWrapper w = (PyKeyWrapper) k;
                    PyObject old = w.object;
                    w.object = value == null ? null : rt.heap.newRef(value);
                    rt.heap.xdecref(old);
                })));
        reg.put("partial", PyPartial.TYPE);
        reg.constructor(PyPartial.TYPE, Signature.parse("*args, **keywords"), FunctoolsModule::partial);
        PyPartial.TYPE.install("func", StaticObjects.place(new BuiltinGetter((rt, p) -> rt.heap.newRef(((PyPartial) p).fn))));
        PyPartial.TYPE.install("args", StaticObjects.place(new BuiltinGetter((rt, p) -> rt.heap.newRef(((PyPartial) p).args))));
        PyPartial.TYPE.install("keywords", StaticObjects.place(new BuiltinGetter((rt, p) -> rt.heap.newRef(((PyPartial) p).kw))));
        return reg.contents();
    }

    /**
     * functools_reduce: one (function's) argument tuple, reused while the call kept no reference to
     * it; the function gets each pair through it, so each argument carries one more reference.
     */
    private static PyObject reduce(PyRuntime rt, Args a) {
        Heap heap = rt.heap;
        PyObject func = a.get("function"), initial = a.get("initial");
        PyObject it;
        try {
            it = rt.ops.iter(a.get("iterable"));
        } catch (dev.refgrade.runtime.objects.PyException e) {
            if (!e.matches(PyExc.TYPE_ERROR)) throw e;
            e.discard(heap);
            throw rt.typeError("reduce() arg 2 must support iteration");
        }
        PyObject result = initial == null ? null : heap.newRef(initial);
        PyTuple args = heap.alloc(new PyTuple(new PyObject[2]));
        try {
            while (true) {
                if (args.refcnt > 1) {
                    heap.decref(args);
                    args = heap.alloc(new PyTuple(new PyObject[2]));
                }
                PyObject op2 = rt.ops.next(it);
                if (op2 == null) break;
                if (result == null) {
                    result = op2;
                    continue;
                }
                PyObject old0 = args.items[0], old1 = args.items[1];
                args.items[0] = result;
                args.items[1] = op2;
                result = null;
                heap.xdecref(old0);
                heap.xdecref(old1);
                result = rt.interp.callPrepended(func, null, args.items, null);
            }
        } catch (RuntimeException e) {
            heap.xdecref(result);
            throw e;
        } finally {
            heap.decref(args);
            heap.decref(it);
        }
        if (result == null) throw rt.typeError("reduce() of empty iterable with no initial value");
        return result;
    }

    /** partial_new: a partial of a partial flattens into one when nothing else was set on it. */
    private static PyObject partial(PyRuntime rt, dev.refgrade.runtime.objects.PyType t, Args a) {
        Heap heap = rt.heap;
        // partial_new takes the function as the first of *args: a func= keyword is one of the partial's keywords.
        PyObject[] all = a.rest();
        if (all.length == 0) throw rt.typeError("type 'partial' takes at least one argument");
        PyObject func = all[0];
        if (!Functions.isCallable(rt, func)) throw rt.typeError("the first argument must be callable");
        PyObject[] rest = java.util.Arrays.copyOfRange(all, 1, all.length);
        Kwargs extra = a.extra();
        List<PyObject> args = new ArrayList<>();
        PyDict kw = rt.newDict();
        if (func instanceof PyPartial inner) {
            func = inner.fn;
            args.addAll(List.of(inner.args.items));
            Builtins.dictUpdate(rt, kw, inner.kw);
        }
        args.addAll(List.of(rest));
        for (int i = 0; i < extra.names().size(); i++) kw.put(rt, extra.names().get(i), extra.values().get(i));
        PyObject[] items = args.toArray(new PyObject[0]);
        for (PyObject o : items) heap.incref(o);
        return heap.alloc(new PyPartial(heap.newRef(func), rt.newTuple(items), kw));
    }

    /** partial_call: the fixed arguments, then the call's; the fixed keywords updated by the call's. */
    static PyObject call(PyRuntime rt, PyPartial p, PyObject[] args, Kwargs kw) {
        Heap heap = rt.heap;
        PyObject[] all = new PyObject[p.args.size() + args.length];
        System.arraycopy(p.args.items, 0, all, 0, p.args.size());
        System.arraycopy(args, 0, all, p.args.size(), args.length);
        if (p.kw.size() == 0) return rt.interp.callBorrowed(p.fn, all, kw);
        PyDict merged = rt.newDict();
        try {
            Builtins.dictUpdate(rt, merged, p.kw);
            for (int i = 0; i < kw.names().size(); i++) merged.put(rt, kw.names().get(i), kw.values().get(i));
            return rt.interp.callPrepended(p.fn, null, all, merged);
        } finally {
            heap.decref(merged);
        }
    }

    /** wraps: partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated). */
    private static PyObject wraps(PyRuntime rt, Args a, PyBuiltin updateWrapper) {
        Heap heap = rt.heap;
        PyDict kw = rt.newDict();
        for (String name : List.of("wrapped", "assigned", "updated")) {
            PyObject v = a.get(name);
            if (v == null) v = name.equals("assigned") ? WRAPPER_ASSIGNMENTS : WRAPPER_UPDATES;
            PyStr key = rt.name(name);
            kw.put(rt, key, v);
            heap.decref(key);
        }
        return heap.alloc(new PyPartial(updateWrapper, PyRuntime.EMPTY_TUPLE, kw));
    }

    /** The items of a tuple of names (the module's own by default), borrowed. */
    private static PyObject[] borrowedItems(PyRuntime rt, PyObject names) {
        if (names instanceof PyTuple t) return t.items;
        throw new dev.refgrade.runtime.Unsupported("update_wrapper() with names that are not a tuple",
                rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line);
    }

    /** update_wrapper(wrapper, wrapped, assigned, updated). */
    private static PyObject updateWrapper(PyRuntime rt, Args a) {
        PyObject assigned = a.get("assigned"), updated = a.get("updated");
        update(rt, a.get("wrapper"), a.get("wrapped"), assigned == null ? WRAPPER_ASSIGNMENTS : assigned,
                updated == null ? WRAPPER_UPDATES : updated);
        return rt.heap.newRef(a.get("wrapper"));
    }

    /** update_wrapper, step by step as Lib/functools.py runs it. */
    static void update(PyRuntime rt, PyObject wrapper, PyObject wrapped, PyObject assigned, PyObject updated) {
        Heap heap = rt.heap;
        for (PyObject attr : borrowedItems(rt, assigned)) {
            PyStr name = Builtins.attrName(rt, attr);
            PyObject value = rt.ops.getAttrOrNull(wrapped, name);
            if (value == null) continue;
            try {
                rt.ops.setAttr(wrapper, name, value);
            } finally {
                heap.decref(value);
            }
        }
        for (PyObject attr : borrowedItems(rt, updated)) {
            PyStr name = Builtins.attrName(rt, attr);
            PyObject empty = rt.newDict();
            // An lru_cache wrapper's __dict__ is refused to the program (LruCache.refuseParameters), not to update_wrapper.
            PyObject target = wrapper instanceof PyLruCache c && name.value.equals("__dict__")
                    ? heap.newRef(LruCache.dict(rt, c)) : rt.ops.getAttr(wrapper, name);
            PyObject source = rt.ops.getAttrOrNull(wrapped, name);
            try {
                if (!(target instanceof PyDict t) || !(source == null || source instanceof PyDict)) {
                    throw new dev.refgrade.runtime.Unsupported("update_wrapper() updating a non-dict " + name.value,
                            rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line);
                }
                Builtins.dictUpdate(rt, t, source == null ? (PyDict) empty : (PyDict) source);
            } finally {
                heap.decref(target);
                heap.xdecref(source);
                heap.decref(empty);
            }
        }
        PyStr key = rt.name("__wrapped__");
        rt.ops.setAttr(wrapper, key, wrapped);
        heap.decref(key);
    }
}
