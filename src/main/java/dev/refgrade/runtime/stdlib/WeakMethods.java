package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyLibFunction;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyWeakMethod;
import dev.refgrade.runtime.objects.PyWeakRef;
import dev.refgrade.runtime.objects.Signature;

/**
 * weakref.WeakMethod.__new__ and __call__ as Lib/weakref.py writes them, object for object: the
 * _cb closure (a function whose closure tuple holds the cells of callback and self_wr), the
 * WeakMethod made by ref.__new__(cls, obj, _cb), _func_ref = ref(func, _cb), and self_wr = ref(self).
 */
final class WeakMethods {
    private WeakMethods() {}

    private static final Signature CB = Signature.parse("arg").as(Signature.Convention.PYTHON).named("_cb", "_cb");

    static PyObject create(PyRuntime rt, Args a) {
        Heap heap = rt.heap;
        PyObject meth = a.get("meth"), callback = a.orNone("callback");
        // obj = meth.__self__; func = meth.__func__, an AttributeError of either made a TypeError.
        if (!(meth instanceof PyMethod m)) {
            throw rt.typeError("argument should be a bound method, not " + rt.ops.repr(meth.type()));
        }
        // The frame's cells, made when __new__ starts (MAKE_CELL), then the closure tuple and _cb.
        PyCell callbackCell = heap.alloc(new PyCell());
        callbackCell.contents = heap.newRef(callback);
        PyCell selfWrCell = heap.alloc(new PyCell());
        PyObject obj = heap.newRef(m.self), func = heap.newRef(m.func);
        PyObject closure = rt.newTuple(callbackCell, selfWrCell);
        PyBuiltin body = new PyBuiltin("weakref", "_cb", CB, (r, s, args) -> fire(r, callbackCell, selfWrCell, args.get("arg")), null);
        PyLibFunction cb = heap.alloc(PyLibFunction.made(body, rt.name("_cb"), rt.newStr("WeakMethod.__new__.<locals>._cb"),
                rt.name("weakref"), null, null));
        cb.closure = closure;
        try {
            // self = ref.__new__(cls, obj, _cb): a ref with a callback, after the basic ones in obj's list.
            PyWeakRef.checkReferenceable(rt, obj);
            PyWeakMethod self = PyWeakRef.link(rt, new PyWeakMethod(obj, heap.newRef(cb)));
            self.funcRef = PyWeakRef.newRef(rt, func, cb);
            selfWrCell.contents = PyWeakRef.newRef(rt, self, null);
            return self;
        } finally {
            heap.decref(cb);
            heap.decref(func);
            heap.decref(obj);
        }
    }

    /** _cb(arg): self = self_wr(); if self._alive, it is cleared and callback(self) is called. */
    private static PyObject fire(PyRuntime rt, PyCell callbackCell, PyCell selfWrCell, PyObject arg) {
        PyObject self = selfWrCell.contents instanceof PyWeakRef w ? w.referent() : null;
        if (!(self instanceof PyWeakMethod wm) || !wm.alive) return PyRuntime.NONE;
        wm.alive = false;
        PyObject callback = callbackCell.contents;
        if (callback == PyRuntime.NONE) return PyRuntime.NONE;
        rt.heap.incref(wm);
        try {
            rt.heap.decref(rt.ops.call(callback, wm));
        } catch (PyException e) {
            e.discard(rt.heap);
            throw rt.refusal("an exception raised by a WeakMethod's callback (its traceback passes through Lib/weakref.py's _cb)");
        } finally {
            rt.heap.decref(wm);
        }
        return PyRuntime.NONE;
    }

    /**
     * The members: weakref's READONLY __callback__ (None once called), and WeakMethod's slots, read
     * as stored; assigning to a slot is not modelled.
     */
    static void installMembers() {
        PyType.WEAKREF.install("__callback__", BuiltinGetter.member((rt, self) -> {
            PyObject cb = ((PyWeakRef) self).callback;
            return rt.heap.newRef(cb == null ? PyRuntime.NONE : cb);
        }));
        BuiltinGetter.Setter refuse = (rt, self, value) -> {
            throw rt.refusal("assigning to or deleting a WeakMethod's slots");
        };
        PyWeakMethod.TYPE.install("_alive", new BuiltinGetter((rt, self) -> PyRuntime.bool(((PyWeakMethod) self).alive), refuse));
        PyWeakMethod.TYPE.install("_func_ref", new BuiltinGetter((rt, self) -> rt.heap.newRef(((PyWeakMethod) self).funcRef), refuse));
        PyWeakMethod.TYPE.install("_meth_type", new BuiltinGetter((rt, self) -> PyType.METHOD, refuse));
    }

    /** WeakMethod.__call__: a new bound method of the function and the object while both live, else None. */
    static PyObject call(PyRuntime rt, PyWeakMethod self) {
        PyObject obj = self.referent(), func = self.funcRef == null ? null : self.funcRef.referent();
        if (obj == null || func == null) return PyRuntime.NONE;
        return rt.heap.alloc(new PyMethod(rt.heap.newRef(func), rt.heap.newRef(obj)));
    }
}
