package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.ExceptionMethods;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;

/** The builtin exception classes' constructor, methods and extra fields, declared with their signatures. */
public final class ExceptionTypes {
    private ExceptionTypes() {}

    public static void install() {
        Registry reg = Registry.module("builtins");
        reg.constructor(PyExc.BASE_EXCEPTION, "*args, **kwargs", (rt, type, a) -> construct(rt, type, a.rest(), a.extra()));
        reg.method(PyExc.BASE_EXCEPTION, "__init__", "*args, **kwargs", (PyRuntime rt, PyBaseExc self, Args a) -> {
            if (!a.extra().isEmpty()) throw rt.typeError(self.type().name + "() takes no keyword arguments");
            ExceptionMethods.setArgs(rt, self, rt.newTuple(rt.heap.newRefs(a.rest())));
            return PyRuntime.NONE;
        });
        reg.method(PyExc.BASE_EXCEPTION, "__str__", "", (PyRuntime rt, PyBaseExc self, Args a) -> rt.newStr(ExceptionMethods.str(rt, self)));
        reg.method(PyExc.BASE_EXCEPTION, "__repr__", "", (PyRuntime rt, PyBaseExc self, Args a) -> rt.newStr(ExceptionMethods.repr(rt, self)));
        reg.method(PyExc.BASE_EXCEPTION, "with_traceback", "tb, /", (PyRuntime rt, PyBaseExc self, Args a) -> {
            ExceptionMethods.setTraceback(rt, self, a.get("tb"));
            return rt.heap.newRef(self);
        });
        // KeyError_str: a single argument shows as its repr, so that KeyError('') is not blank.
        reg.method(PyExc.KEY_ERROR, "__str__", "", (PyRuntime rt, PyBaseExc x, Args a) ->
                rt.newStr(x.args.size() == 1 ? rt.ops.repr(x.args.get(0)) : ExceptionMethods.str(rt, x)));
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
        PyExc.NAME_ERROR.install("name", new BuiltinGetter((rt, self) -> fieldOrNone(rt, ((PyBaseExc) self).name)));
        PyExc.ATTRIBUTE_ERROR.install("name", new BuiltinGetter((rt, self) -> fieldOrNone(rt, ((PyBaseExc) self).name)));
        PyExc.ATTRIBUTE_ERROR.install("obj", new BuiltinGetter((rt, self) -> fieldOrNone(rt, ((PyBaseExc) self).obj)));
        // 3.11's notes (PEP 678) are not modelled.
        refusedField(PyExc.BASE_EXCEPTION, "add_note");
        refusedField(PyExc.BASE_EXCEPTION, "__notes__");
        PyExc.STOP_ITERATION.install("value", new BuiltinGetter((rt, self) ->
                rt.heap.newRef(((PyBaseExc) self).args.size() > 0 ? ((PyBaseExc) self).args.get(0) : PyRuntime.NONE)));
        PyExc.SYSTEM_EXIT.install("code", new BuiltinGetter((rt, self) -> {
            PyTuple a = ((PyBaseExc) self).args;
            return a.size() == 0 ? PyRuntime.NONE : rt.heap.newRef(a.size() == 1 ? a.get(0) : a);
        }));
    }

    private static PyObject fieldOrNone(PyRuntime rt, PyObject field) {
        return rt.heap.newRef(field == null ? PyRuntime.NONE : field);
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

    /** type_call for an exception class: BaseException_new keeps the arguments, then __init__ runs. */
    private static PyObject construct(PyRuntime rt, PyType type, PyObject[] args, Kwargs kw) {
        for (PyType special : PyExc.SPECIAL_CONSTRUCTORS) {
            boolean always = special == PyExc.BASE_EXCEPTION_GROUP || special.isSubtypeOf(PyExc.UNICODE_ERROR);
            if (type.isSubtypeOf(special) && (always || args.length > 1 || !kw.isEmpty())) {
                int line = rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line;
                throw new Unsupported(special.name + "() with these arguments", line);
            }
        }
        PyBaseExc x = ExceptionMethods.instance(rt, type, rt.newTuple(rt.heap.newRefs(args)));
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

}
