package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.protocol.Attributes;
import dev.refgrade.runtime.stdlib.Registry;

/** BaseException's constructor, methods and attributes (Objects/exceptions.c), for every exception class. */
public final class ExceptionMethods {
    private ExceptionMethods() {}

    public static void install() {
        Registry reg = Registry.module("builtins");
        reg.constructor(PyExc.BASE_EXCEPTION, "*args, **kwargs", (rt, type, a) -> construct(rt, type, a.rest(), a.extra()));
        reg.method(PyExc.BASE_EXCEPTION, "__init__", "*args, **kwargs", (PyRuntime rt, PyBaseExc self, Args a) -> {
            if (!a.extra().isEmpty()) throw rt.typeError(self.type().name + "() takes no keyword arguments");
            setArgs(rt, self, rt.newTuple(newRefs(rt, a.rest())));
            return PyRuntime.NONE;
        });
        reg.method(PyExc.BASE_EXCEPTION, "__str__", "", (PyRuntime rt, PyBaseExc self, Args a) -> rt.newStr(str(rt, self)));
        reg.method(PyExc.BASE_EXCEPTION, "__repr__", "", (PyRuntime rt, PyBaseExc self, Args a) -> rt.newStr(repr(rt, self)));
        reg.method(PyExc.BASE_EXCEPTION, "with_traceback", "tb, /", (PyRuntime rt, PyBaseExc self, Args a) -> {
            setTraceback(rt, self, a.get("tb"));
            return rt.heap.newRef(self);
        });
        // KeyError_str: a single argument shows as its repr, so that KeyError('') is not blank.
        reg.method(PyExc.KEY_ERROR, "__str__", "", (PyRuntime rt, PyBaseExc x, Args a) ->
                rt.newStr(x.args.size() == 1 ? rt.ops.repr(x.args.get(0)) : str(rt, x)));
        // The extra fields of OSError, ImportError and SyntaxError, as a one-argument call leaves them.
        noneFields(PyExc.OS_ERROR, "errno", "strerror", "filename", "filename2");
        noneFields(PyExc.IMPORT_ERROR, "name", "path");
        noneFields(PyExc.SYNTAX_ERROR, "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line");
        for (PyType t : java.util.List.of(PyExc.IMPORT_ERROR, PyExc.SYNTAX_ERROR)) {
            t.install("msg", new BuiltinGetter((rt, self) -> {
                PyTuple a = ((PyBaseExc) self).args;
                return a.size() == 1 ? rt.heap.newRef(a.get(0)) : PyRuntime.NONE;
            }));
        }
        // 3.10's name/obj of NameError and AttributeError: set by the interpreter, not modelled.
        refusedField(PyExc.NAME_ERROR, "name");
        refusedField(PyExc.ATTRIBUTE_ERROR, "name");
        refusedField(PyExc.ATTRIBUTE_ERROR, "obj");
        PyExc.STOP_ITERATION.install("value", new BuiltinGetter((rt, self) ->
                rt.heap.newRef(((PyBaseExc) self).args.size() > 0 ? ((PyBaseExc) self).args.get(0) : PyRuntime.NONE)));
        PyExc.SYSTEM_EXIT.install("code", new BuiltinGetter((rt, self) -> {
            PyTuple a = ((PyBaseExc) self).args;
            return a.size() == 0 ? PyRuntime.NONE : rt.heap.newRef(a.size() == 1 ? a.get(0) : a);
        }));
    }

    private static void noneFields(PyType t, String... names) {
        for (String n : names) t.install(n, new BuiltinGetter((rt, self) -> PyRuntime.NONE));
    }

    private static void refusedField(PyType t, String name) {
        t.install(name, new BuiltinGetter((rt, self) -> {
            int line = rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line;
            throw new Unsupported("the " + name + " attribute of " + t.name, line);
        }));
    }

    private static PyObject[] newRefs(PyRuntime rt, PyObject[] args) {
        for (PyObject a : args) rt.heap.incref(a);
        return args.clone();
    }

    /** A new instance of a builtin exception class with these (owned) args, as the runtime raises it. */
    public static PyBaseExc instance(PyRuntime rt, PyType type, PyTuple args) {
        if (type.heapType) rt.heap.incref(type);
        return rt.heap.alloc(new PyBaseExc(type, args));
    }

    /** type_call for an exception class: BaseException_new keeps the arguments, then __init__ runs. */
    private static PyObject construct(PyRuntime rt, PyType type, PyObject[] args, Kwargs kw) {
        for (PyType special : PyExc.SPECIAL_CONSTRUCTORS) {
            boolean always = special == PyExc.BASE_EXCEPTION_GROUP || special.isSubtypeOf(PyExc.UNICODE_ERROR);
            if (type.isSubtypeOf(special) && (always || args.length > 1 || !kw.isEmpty())) {
                int line = rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line;
                throw new Unsupported(special.name + "() with these arguments", line);
            }
        }
        PyBaseExc x = instance(rt, type, rt.newTuple(newRefs(rt, args)));
        PyObject init = type.lookup(rt, "__init__");
        if (init instanceof PyBuiltin && !kw.isEmpty()) {
            rt.heap.decref(x);
            throw rt.typeError(type.name + "() takes no keyword arguments");
        }
        if (!(init instanceof PyBuiltin)) {
            PyObject[] full = new PyObject[args.length + 1];
            full[0] = x;
            System.arraycopy(args, 0, full, 1, args.length);
            PyObject r;
            try {
                r = rt.interp.callBorrowed(init, full, kw);
            } catch (RuntimeException e) {
                rt.heap.decref(x);
                throw e;
            }
            rt.heap.decref(r);
        }
        return x;
    }

    static void setArgs(PyRuntime rt, PyBaseExc x, PyTuple owned) {
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

    private static void setTraceback(PyRuntime rt, PyBaseExc x, PyObject tb) {
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
            case "args" -> setArgs(rt, x, rt.newTuple(dev.refgrade.runtime.stdlib.Builtins.toArray(rt, value)));
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
