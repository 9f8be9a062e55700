package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.protocol.Attributes;

/** BaseException's instances and attributes (Objects/exceptions.c); its methods are declared in stdlib.ExceptionTypes. */
public final class ExceptionMethods {
    private ExceptionMethods() {}

    /** A new instance of a builtin exception class with these (owned) args, as the runtime raises it. */
    public static PyBaseExc instance(PyRuntime rt, PyType type, PyTuple args) {
        if (type.heapType) rt.heap.incref(type);
        return rt.heap.alloc(new PyBaseExc(type, args));
    }

    public static void setArgs(PyRuntime rt, PyBaseExc x, PyTuple owned) {
        PyTuple old = x.args;
        x.args = owned;
        rt.heap.xdecref(old);
    }

    /** BaseException_str: '' without args, str of the one arg, else str of the args tuple. */
    public static String str(PyRuntime rt, PyBaseExc x) {
        return switch (x.args.size()) {
            case 0 -> "";
            case 1 -> rt.ops.str(x.args.get(0));
            default -> rt.ops.str(x.args);
        };
    }

    /** BaseException_repr: the class name and the args, one arg without the tuple's comma. */
    public static String repr(PyRuntime rt, PyBaseExc x) {
        String name = x.cls.name;
        if (x.args.size() == 1) return name + "(" + rt.ops.repr(x.args.get(0)) + ")";
        return name + rt.ops.repr(x.args);
    }

    public static void setTraceback(PyRuntime rt, PyBaseExc x, PyObject tb) {
        if (!(tb instanceof PyTraceback) && tb != PyRuntime.NONE) throw rt.typeError("__traceback__ must be a traceback or None");
        PyObject old = x.traceback;
        x.traceback = tb == PyRuntime.NONE ? null : rt.heap.newRef(tb);
        rt.heap.xdecref(old);
    }

    /** PyObject_GenericGetAttr on an exception: its getset fields, then its __dict__, then its class. */
    public static PyObject getAttr(PyRuntime rt, PyBaseExc x, PyStr name) {
        Heap heap = rt.heap;
        switch (name.value) {
            case "args": return heap.newRef(x.args);
            case "__traceback__": return x.traceback == null ? PyRuntime.NONE : heap.newRef(x.traceback);
            case "__context__": return x.context == null ? PyRuntime.NONE : heap.newRef(x.context);
            case "__cause__": return x.cause == null ? PyRuntime.NONE : heap.newRef(x.cause);
            case "__suppress_context__": return PyRuntime.bool(x.suppressContext);
            case "__class__": return heap.newRef(x.cls);
            case "__dict__": return heap.newRef(dict(rt, x));
            default: break;
        }
        PyObject descr = x.cls.lookup(rt, name);
        if (descr instanceof BuiltinGetter g) return g.get(rt, x);
        if (descr instanceof PyProperty) return Attributes.describe(rt, x, name, descr);
        if (x.dict != null) {
            PyObject v = x.dict.getBorrowed(rt, name);
            if (v != null) return heap.newRef(v);
        }
        if (descr != null) return Attributes.describe(rt, x, name, descr);
        throw rt.error(PyExc.ATTRIBUTE_ERROR, "'" + x.cls.name + "' object has no attribute '" + name.value + "'");
    }

    /** The instance dict, made when first needed (BaseException's dict slot starts NULL). */
    private static PyDict dict(PyRuntime rt, PyBaseExc x) {
        if (x.dict == null) x.dict = rt.newDict();
        return x.dict;
    }

    public static void setAttr(PyRuntime rt, PyBaseExc x, PyStr name, PyObject value) {
        Heap heap = rt.heap;
        switch (name.value) {
            case "args" -> {
                if (!(value instanceof PyTuple t)) {
                    int line = rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line;
                    throw new dev.refgrade.runtime.Unsupported("assigning a non-tuple to an exception's args", line);
                }
                setArgs(rt, x, heap.newRef(t));
            }
            case "__traceback__" -> setTraceback(rt, x, value);
            case "__context__", "__cause__" -> {
                if (value != PyRuntime.NONE && !(value instanceof PyBaseExc)) {
                    throw rt.typeError("exception " + name.value.replace("_", "") + " must be None or derive from BaseException");
                }
                PyObject v = value == PyRuntime.NONE ? null : heap.newRef(value);
                PyObject old;
                if (name.value.equals("__cause__")) {
                    old = x.cause;
                    x.cause = v;
                    x.suppressContext = true;
                } else {
                    old = x.context;
                    x.context = v;
                }
                heap.xdecref(old);
            }
            case "__suppress_context__" -> x.suppressContext = rt.ops.truthy(value);
            default -> {
                PyObject descr = x.cls.lookup(rt, name);
                if (descr instanceof PyProperty || descr instanceof BuiltinGetter) {
                    throw rt.error(PyExc.ATTRIBUTE_ERROR, "can't set attribute '" + name.value + "'");
                }
                dict(rt, x).put(rt, name, value);
            }
        }
    }
}
