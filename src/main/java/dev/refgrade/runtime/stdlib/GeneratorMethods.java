package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.Generators;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyGenerator;
import dev.refgrade.runtime.objects.PyGenerator.State;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTraceback;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;

/** The generator type's methods and attributes (gen_methods, gen_getsetlist in Objects/genobject.c). */
final class GeneratorMethods {
    private GeneratorMethods() {}

    static void install(Registry reg) {
        PyType t = PyGenerator.TYPE;
        reg.method(t, "send", "value, /", GeneratorMethods::send);
        // gen_throw checks its arguments as _PyArg_CheckPositional("throw", nargs, 1, 3) does.
        reg.method(t, "throw", Signature.parse("typ, val=<unrepresentable>, tb=<unrepresentable>, /")
                .as(Convention.POSITIONAL), GeneratorMethods::throwIn);
        reg.method(t, "close", "", (PyRuntime rt, PyGenerator g, Args a) -> {
            Generators.close(rt, g);
            return PyRuntime.NONE;
        });
        reg.method(t, "__next__", "", GeneratorMethods::next);
        reg.method(t, "__iter__", "", (PyRuntime rt, PyGenerator g, Args a) -> rt.heap.newRef(g));
        t.install("gi_frame", new BuiltinGetter((rt, self) -> {
            PyGenerator g = (PyGenerator) self;
            if (g.state == State.CLEARED) return PyRuntime.NONE;
            return rt.heap.newRef(rt.interp.exc.frameObject(g.frame));
        }));
        t.install("gi_running", new BuiltinGetter((rt, self) -> PyRuntime.bool(((PyGenerator) self).state == State.RUNNING)));
        t.install("gi_suspended", new BuiltinGetter((rt, self) -> PyRuntime.bool(((PyGenerator) self).state == State.SUSPENDED)));
        t.install("gi_code", new BuiltinGetter((rt, self) -> rt.heap.newRef(((PyGenerator) self).code)));
        t.install("gi_yieldfrom", new BuiltinGetter((rt, self) -> {
            PyObject yf = ((PyGenerator) self).yieldFrom;
            return yf == null ? PyRuntime.NONE : rt.heap.newRef(yf);
        }));
        t.install("__name__", new BuiltinGetter((rt, self) -> rt.heap.newRef(((PyGenerator) self).name)));
        t.install("__qualname__", new BuiltinGetter((rt, self) -> rt.heap.newRef(((PyGenerator) self).qualnameObject)));
    }

    static PyObject send(PyRuntime rt, PyGenerator g, Args a) {
        return Generators.send(rt, g, a.get("value"));
    }

    /** gen_iternext through __next__: a return value travels in StopIteration, as next() shows it. */
    static PyObject next(PyRuntime rt, PyGenerator g, Args a) {
        if (g.state == State.CLEARED) throw rt.error(PyExc.STOP_ITERATION, "");
        return Generators.send(rt, g, PyRuntime.NONE);
    }

    /**
     * _gen_throw: a class is instantiated with the value (PyErr_NormalizeException), an instance
     * is raised as it is, with the traceback it holds unless one is given.
     */
    static PyObject throwIn(PyRuntime rt, PyGenerator g, Args a) {
        PyObject typ = a.get("typ"), val = a.get("val"), tb = a.get("tb");
        if (tb == PyRuntime.NONE) tb = null;
        if (tb != null && !(tb instanceof PyTraceback)) throw rt.typeError("throw() third argument must be a traceback object");
        PyBaseExc value;
        if (typ instanceof PyType cls && cls.isSubtypeOf(PyExc.BASE_EXCEPTION)) {
            value = instantiate(rt, cls, val);
        } else if (typ instanceof PyBaseExc inst) {
            if (val != null && val != PyRuntime.NONE) throw rt.typeError("instance exception may not have a separate value");
            value = rt.heap.newRef(inst);
        } else {
            throw rt.typeError("exceptions must be classes or instances deriving from BaseException, not " + typ.type().name);
        }
        PyObject trace = tb != null ? tb : value.traceback;
        PyException e = new PyException(value, trace instanceof PyTraceback t ? rt.heap.newRef(t) : null);
        return Generators.throwInto(rt, g, e);
    }

    /** PyErr_NormalizeException: a value that is already an instance of the class is used; a tuple is the arguments. */
    private static PyBaseExc instantiate(PyRuntime rt, PyType cls, PyObject val) {
        if (val instanceof PyBaseExc inst && inst.cls.isSubtypeOf(cls)) return rt.heap.newRef(inst);
        PyObject[] args = val == null || val == PyRuntime.NONE ? new PyObject[0]
                : val instanceof PyTuple t ? t.items : new PyObject[] {val};
        PyObject made = rt.interp.callBorrowed(cls, args, Kwargs.NONE);
        if (made instanceof PyBaseExc x) return x;
        rt.heap.decref(made);
        throw rt.typeError("calling " + rt.ops.repr(cls) + " should have returned an instance of BaseException");
    }
}
