package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.eval.TypeCall;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBareObject;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Attributes;
import java.util.List;

/**
 * How copy.copy and copy.deepcopy copy what their dispatch tables do not name: x.__reduce_ex__(4),
 * then copy._reconstruct. For an instance or object(), object.__reduce_ex__'s reduce_newobj gives
 * (copyreg.__newobj__, (cls,), state), state being the instance's __dict__ (made a dict object now)
 * or None when it has no attributes; for a set or frozenset, set.__reduce__ gives (cls, (list(x),), None).
 */
final class Reconstruct {
    /** Hooks whose results the simulator would have to follow; a class defining one is refused. */
    private static final List<String> REDUCE_HOOKS =
            List.of("__reduce_ex__", "__reduce__", "__getstate__", "__getnewargs_ex__", "__getnewargs__");

    private final PyRuntime rt;
    private final Heap heap;
    private final PyObject x;
    /** set.__reduce__'s list(x), owned; null for __newobj__. */
    private final PyObject keys;
    /** The instance's __dict__, owned; null for None. */
    private final PyObject state;

    private Reconstruct(PyRuntime rt, PyObject x, PyObject keys, PyObject state) {
        this.rt = rt;
        this.heap = rt.heap;
        this.x = x;
        this.keys = keys;
        this.state = state;
    }

    /** x.__reduce_ex__(4) for the objects modelled; anything else is refused, naming copy's function. */
    static Reconstruct of(PyRuntime rt, PyObject x, String function) {
        PyType cls = x.type();
        if (x instanceof PySet && (cls == PyType.SET || cls == PyType.FROZENSET)) {
            return new Reconstruct(rt, x, rt.ops.call(PyType.LIST, new PyObject[] {x}, Kwargs.NONE), null);
        }
        if (x instanceof PyBareObject) return new Reconstruct(rt, x, null, null);
        if (!(x instanceof PyInstance inst) || !cls.heapType || cls.solidBase() != PyType.OBJECT) {
            throw refuse(rt, "copy." + function + "() of a '" + cls.name + "' object");
        }
        if (cls.slots != null) throw refuse(rt, "copy." + function + "() of an instance of a class with __slots__");
        for (String hook : REDUCE_HOOKS) {
            if (cls.defines(rt, hook)) throw refuse(rt, "copy." + function + "() of an object whose class defines " + hook);
        }
        slotNames(rt, cls);
        PyDict state = inst.attrs.used > 0 ? rt.heap.newRef(Attributes.materialize(rt, inst)) : null;
        return new Reconstruct(rt, x, null, state);
    }

    private static Unsupported refuse(PyRuntime rt, String what) {
        return rt.refusal(what);
    }

    /** copyreg._slotnames: the class's own __slotnames__, stored in its dict ([] without __slots__) on first use. */
    private static void slotNames(PyRuntime rt, PyType cls) {
        PyStr name = rt.name("__slotnames__");
        try {
            if (cls.own(rt, name) == null) {
                PyObject names = rt.newList().allocatedExactly();
                rt.ops.setAttr(cls, name, names);
                rt.heap.decref(names);
            }
        } finally {
            rt.heap.decref(name);
        }
    }

    /** _reconstruct(x, None, *rv): the new object, its __dict__ updated from the original's own. */
    PyObject shallow() {
        try {
            PyObject y = keys != null ? rt.ops.call(x.type(), new PyObject[] {keys}, Kwargs.NONE) : newObject();
            if (state != null) restore(y, state);
            return y;
        } finally {
            release();
        }
    }

    /**
     * _reconstruct(x, memo, *rv): the arguments deep-copied one by one, the new object memoized before
     * the state (a copy of the __dict__, memoized too) is copied and restored. While that runs, the
     * bound reductor and _reconstruct's parameter hold x, the rv tuple and the local hold the state.
     */
    PyObject deep(DeepCopy dc) {
        heap.incref(x);
        heap.incref(x);
        if (state != null) {
            heap.incref(state);
            heap.incref(state);
        }
        try {
            PyObject y;
            if (keys != null) {
                PyObject copied = dc.copyArgument(keys, 1); // the generator's loop variable holds it too
                try {
                    y = rt.ops.call(x.type(), new PyObject[] {copied}, Kwargs.NONE);
                } finally {
                    heap.decref(copied);
                }
            } else {
                y = newObject();
            }
            dc.remember(x, y);
            if (state != null) {
                PyObject copied = dc.copyArgument(state, 0);
                try {
                    restore(y, copied);
                } finally {
                    heap.decref(copied);
                }
            }
            return y;
        } finally {
            heap.decref(x);
            heap.decref(x);
            if (state != null) {
                heap.decref(state);
                heap.decref(state);
            }
            release();
        }
    }

    private PyObject newObject() {
        if (x instanceof PyBareObject) return heap.alloc(new PyBareObject());
        return TypeCall.newObject(rt, x.type());
    }

    /** y.__setstate__(state) if y has one, else y.__dict__.update(state). */
    private void restore(PyObject y, PyObject st) {
        PyStr setstateName = rt.name("__setstate__");
        PyObject setstate = rt.ops.getAttrOrNull(y, setstateName);
        heap.decref(setstateName);
        if (setstate != null) {
            try {
                heap.decref(rt.interp.callBorrowed(setstate, new PyObject[] {st}, Kwargs.NONE));
            } finally {
                heap.decref(setstate);
            }
            return;
        }
        PyStr dictName = rt.name("__dict__");
        PyObject target = rt.ops.getAttr(y, dictName);
        heap.decref(dictName);
        try {
            if (!(target instanceof PyDict d) || !(st instanceof PyDict s)) {
                throw refuse(rt, "copy of an object whose __dict__ or state is not a dict");
            }
            Builtins.dictUpdate(rt, d, s);
        } finally {
            heap.decref(target);
        }
    }

    private void release() {
        heap.xdecref(keys);
        heap.xdecref(state);
    }
}
