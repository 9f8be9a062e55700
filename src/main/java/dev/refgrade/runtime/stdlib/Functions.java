package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.eval.Generators;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyGenerator;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.protocol.Repr;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import dev.refgrade.runtime.protocol.Complexes;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.protocol.WeakProxies;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** The builtin functions (Python/bltinmodule.c), each a named method with its CPython signature. */
final class Functions {
    private Functions() {}

    static void install(Registry reg) {
        reg.function("print", "*args, sep=' ', end='\\n', file=None, flush=False", Functions::print);
        reg.function("id", "obj, /", Functions::id);
        reg.function("hash", "obj, /", HashFunction::hash);
        reg.function("len", "obj, /", Functions::len);
        reg.function("repr", "obj, /", (rt, a) -> Repr.reprObject(rt, a.get("obj")));
        reg.function("isinstance", "obj, class_or_tuple, /", Functions::isinstance);
        reg.function("issubclass", "cls, class_or_tuple, /", Functions::issubclass);
        reg.function("callable", "obj, /", Functions::callable);
        reg.function("globals", "", Functions::globals);
        reg.function("hasattr", "obj, name, /", Functions::hasattr);
        reg.function("getattr", "object, name, default=<unrepresentable>, /", Functions::getattr);
        reg.function("setattr", "obj, name, value, /", Functions::setattr);
        reg.function("delattr", "obj, name, /", Functions::delattr);
        reg.function("vars", "object=<unrepresentable>, /", Functions::vars);
        reg.function("next", "iterator, default=<unrepresentable>, /", Functions::next);
        // builtin_sorted unpacks its one positional argument, then hands the keywords to list.sort.
        reg.function("sorted", Signature.parse("iterable, /, *, key=None, reverse=False")
                .as(Convention.POSITIONAL_THEN_KEYWORDS).keywordsOf("sort"), Functions::sorted);
        reg.function("abs", "x, /", Functions::abs);
        reg.function("round", "number, ndigits=None", Functions::round);
        reg.function("chr", "i, /", Functions::chr);
        reg.function("ord", "c, /", Functions::ord);
    }

    /** sep and end must be str or None; file is not modelled; flush has nothing to flush in a simulated stdout. */
    static PyObject print(PyRuntime rt, Args a) {
        String sep = text(rt, a.orNone("sep"), "sep", " "), end = text(rt, a.orNone("end"), "end", "\n");
        a.refuseUnlessNone("file");
        a.truth("flush");
        PyObject[] args = a.rest();
        StringBuilder b = new StringBuilder();
        // builtin_print before 3.14 is METH_VARARGS: a tuple holds each argument while its __str__ runs.
        PyObject tuple = !rt.rules.printFastcall && args.length > 0 ? rt.argumentTuple(args) : null;
        // Each piece is written as it is made (PyFile_WriteObject, then the separator), so what a
        // __str__ prints lands between the arguments before it and those after.
        try {
            for (int i = 0; i < args.length; i++) {
                if (i > 0) write(rt, b, sep);
                write(rt, b, rt.ops.str(args[i]));
            }
        } finally {
            if (tuple != null) rt.heap.decref(tuple);
        }
        write(rt, b, end);
        String text = b.toString();
        // One note per kind of value a print shows, however many of them it holds.
        java.util.Set<PyInt.Taint> taints = java.util.EnumSet.noneOf(PyInt.Taint.class);
        for (PyObject o : args) noteTaints(o, 0, taints);
        if (rt.heap.showsAddress(text)) taints.add(PyInt.Taint.ADDRESS);
        for (PyInt.Taint t : taints) rt.interp.noteUnknowable(t);
        return PyRuntime.NONE;
    }

    private static void write(PyRuntime rt, StringBuilder printed, String piece) {
        printed.append(piece);
        rt.out.write(piece);
    }

    /**
     * Notes each unknowable int printed, alone or inside the tuples, lists and exact dicts whose repr
     * shows it (an address in buffer_info()'s pair, gc.get_stats()' counts).
     */
    private static void noteTaints(PyObject o, int depth, java.util.Set<PyInt.Taint> taints) {
        if (o instanceof PyInt i && i.taint != PyInt.Taint.NONE) taints.add(i.taint);
        if (depth > 8) return; // deeper nesting, or a list that holds itself, prints '...' or is rare
        PyObject[] items = o instanceof dev.refgrade.runtime.objects.PyTuple t ? t.items
                : o instanceof dev.refgrade.runtime.objects.PyList l ? java.util.Arrays.copyOf(l.items, l.size)
                : o instanceof dev.refgrade.runtime.objects.PyDict d && d.type() == dev.refgrade.runtime.objects.PyType.DICT ? entries(d) : null;
        if (items != null) for (PyObject x : items) noteTaints(x, depth + 1, taints);
    }

    /** A dict's keys and values, in order. */
    private static PyObject[] entries(dev.refgrade.runtime.objects.PyDict d) {
        java.util.List<PyObject> out = new java.util.ArrayList<>();
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
            out.add(d.keyAt(i));
            out.add(d.valueAt(i));
        }
        return out.toArray(new PyObject[0]);
    }

    private static String text(PyRuntime rt, PyObject o, String what, String none) {
        if (o == PyRuntime.NONE) return none;
        if (o instanceof PyStr s) return s.value;
        throw rt.typeError(what + " must be None or a string, not " + o.type().name);
    }

    static PyObject len(PyRuntime rt, Args a) {
        PyObject o = a.get("obj");
        long n = rt.ops.len(o);
        return o instanceof PyList l && l.lengthUnknowable ? Modules.unknowable(rt, n) : rt.newInt(n);
    }

    static PyObject id(PyRuntime rt, Args a) {
        return idOf(rt, a.get("obj"));
    }

    /** id(o): its address, an int whose printed value is the simulator's own. */
    static PyInt idOf(PyRuntime rt, PyObject o) {
        PyInt r = rt.newInt(rt.address(o.addr));
        r.taint = PyInt.Taint.ADDRESS;
        return r;
    }

    /** isinstance: object_isinstance over a class or a tuple of them, nested tuples included. */
    static PyObject isinstance(PyRuntime rt, Args a) {
        PyObject obj = a.get("obj"), cls = a.get("class_or_tuple");
        if (WeakProxies.is(obj)) return PyRuntime.bool(proxyIsInstance(rt, obj, cls));
        return PyRuntime.bool(matches(rt, obj.type(), cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"));
    }

    /**
     * object_isinstance of a weakref proxy, class by class: its own type, then its __class__, which
     * the proxy forwards to the referent (ReferenceError once that died).
     */
    private static boolean proxyIsInstance(PyRuntime rt, PyObject proxy, PyObject cls) {
        if (cls instanceof PyTuple tuple) {
            for (PyObject c : tuple.items) if (proxyIsInstance(rt, proxy, c)) return true;
            return false;
        }
        String wrong = "isinstance() arg 2 must be a type, a tuple of types, or a union";
        return matches(rt, proxy.type(), cls, wrong) || WeakProxies.on(rt, proxy, x -> matches(rt, x.type(), cls, wrong));
    }

    /** issubclass: its first argument must be a class; the second as isinstance's, worded for classes. */
    static PyObject issubclass(PyRuntime rt, Args a) {
        PyObject sub = a.get("cls"), cls = a.get("class_or_tuple");
        if (!(sub instanceof PyType t)) {
            if (cls instanceof PyTuple || cls instanceof PyType) throw rt.typeError("issubclass() arg 1 must be a class");
            throw rt.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        return PyRuntime.bool(matches(rt, t, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    }

    /** Whether t is a subtype of cls, or of an item of the tuple cls, searched in order (the first match wins). */
    private static boolean matches(PyRuntime rt, PyType t, PyObject cls, String wrong) {
        if (cls instanceof PyType c) return t.isSubtypeOf(c);
        if (cls instanceof dev.refgrade.runtime.objects.PyGenericAlias) {
            // ga's __instancecheck__ / __subclasscheck__.
            throw rt.typeError(wrong.substring(0, wrong.indexOf('(')) + "() argument 2 cannot be a parameterized generic");
        }
        if (!(cls instanceof PyTuple tuple)) throw rt.typeError(wrong);
        for (PyObject c : tuple.items) if (matches(rt, t, c, wrong)) return true;
        return false;
    }

    /** builtin_globals: the running frame's globals dict itself. */
    static PyObject globals(PyRuntime rt, Args a) {
        return rt.heap.newRef(rt.interp.currentFrame().globals);
    }

    static PyObject callable(PyRuntime rt, Args a) {
        return PyRuntime.bool(isCallable(rt, a.get("obj")));
    }

    /** PyCallable_Check: the type has tp_call. */
    static boolean isCallable(PyRuntime rt, PyObject o) {
        return o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyType || o instanceof PyMethod
                || o instanceof dev.refgrade.runtime.objects.PyPartial || o instanceof dev.refgrade.runtime.objects.PyLibFunction
                || o instanceof dev.refgrade.runtime.objects.PyGenericAlias
                || o instanceof dev.refgrade.runtime.objects.PyFuncWrapper w && w.kind == dev.refgrade.runtime.objects.PyFuncWrapper.Kind.STATIC
                || o.type() == PyType.CALLABLE_WEAKPROXY || o.type().lookup(rt, "__call__") != null;
    }

    static PyObject hasattr(PyRuntime rt, Args a) {
        PyObject v = rt.ops.getAttrOrNull(a.get("obj"), Builtins.attrName(rt, a.get("name")));
        if (v == null) return PyRuntime.FALSE;
        rt.heap.decref(v);
        return PyRuntime.TRUE;
    }

    static PyObject getattr(PyRuntime rt, Args a) {
        PyObject obj = a.get("object"), dflt = a.get("default");
        PyStr name = Builtins.attrName(rt, a.get("name"));
        PyObject v = dflt != null ? rt.ops.getAttrOrNull(obj, name) : rt.ops.getAttr(obj, name);
        return v != null ? v : rt.heap.newRef(dflt);
    }

    static PyObject setattr(PyRuntime rt, Args a) {
        rt.ops.setAttr(a.get("obj"), Builtins.attrName(rt, a.get("name")), a.get("value"));
        return PyRuntime.NONE;
    }

    static PyObject delattr(PyRuntime rt, Args a) {
        rt.ops.delAttr(a.get("obj"), Builtins.attrName(rt, a.get("name")));
        return PyRuntime.NONE;
    }

    /** vars(object); vars() alone is locals(), which the simulator does not model. */
    static PyObject vars(PyRuntime rt, Args a) {
        PyObject o = a.get("object");
        if (o == null) return Introspection.locals(rt); // builtin_vars: without an argument, locals()
        PyObject d = rt.ops.getAttrOrNull(o, rt.name("__dict__"));
        if (d == null) throw rt.typeError("vars() argument must have __dict__ attribute");
        return d;
    }

    /**
     * builtin_next: tp_iternext, whose StopIteration (a generator's carries its return value, a
     * class's __next__ raises its own) propagates as it is, or gives way to the default.
     */
    static PyObject next(PyRuntime rt, Args a) {
        PyObject it = a.get("iterator"), dflt = a.get("default");
        PyObject v;
        try {
            if (it instanceof PyGenerator g) v = g.state == PyGenerator.State.CLEARED ? null : Generators.send(rt, g, PyRuntime.NONE);
            else if (it instanceof PyInstance inst && inst.cls.lookup(rt, "__next__") != null) v = rt.ops.callDunder(inst, "__next__");
            else v = rt.ops.next(it);
        } catch (PyException e) {
            if (dflt == null || !e.matches(PyExc.STOP_ITERATION)) throw e;
            e.discard(rt.heap);
            v = null;
        }
        if (v != null) return v;
        if (dflt != null) return rt.heap.newRef(dflt);
        throw rt.error(PyExc.STOP_ITERATION, "");
    }

    static PyObject sorted(PyRuntime rt, Args a) {
        PyList l = ListGrowth.sequenceList(rt, a.get("iterable"));
        try {
            ListMethods.sort(rt, l, a);
        } catch (RuntimeException e) {
            rt.heap.decref(l);
            throw e;
        }
        return l;
    }

    static PyObject abs(PyRuntime rt, Args a) {
        return absolute(rt, a.get("x"));
    }

    /** PyNumber_Absolute, which abs() and operator.abs both are. */
    static PyObject absolute(PyRuntime rt, PyObject x) {
        if (x instanceof PyBool b) return rt.newInt(b.small);
        if (x instanceof PyInt i) return i.bigValue().signum() >= 0 ? rt.heap.newRef(i) : rt.newInt(i.bigValue().negate());
        if (x instanceof PyFloat f) return rt.newFloat(Math.abs(f.value));
        if (x instanceof PyComplex c) return Complexes.abs(rt, c);
        PyObject r = rt.ops.callDunder(x, "__abs__");
        if (r != null) return r;
        throw rt.typeError("bad operand type for abs(): '" + x.type().name + "'");
    }

    /** round(number, ndigits): int.__round__ rounds to a power of ten half-to-even; float's as before. */
    static PyObject round(PyRuntime rt, Args a) {
        PyObject x = a.get("number"), nd = a.orNone("ndigits");
        if (x instanceof PyInt i) {
            if (nd == PyRuntime.NONE) return x instanceof PyBool b ? rt.newInt(b.small) : rt.heap.newRef(x);
            long digits = Arith.toIndex(rt, nd);
            if (digits >= 0) return x instanceof PyBool b ? rt.newInt(b.small) : rt.heap.newRef(x);
            if (digits < -4000) return rt.newInt(0);
            BigInteger r = new BigDecimal(i.bigValue()).setScale((int) digits, RoundingMode.HALF_EVEN).toBigInteger();
            return rt.newInt(r);
        }
        if (!(x instanceof PyFloat)) {
            PyObject[] args = nd == PyRuntime.NONE ? new PyObject[0] : new PyObject[] {nd};
            PyObject r = !(x instanceof PyInstance) ? null
                    : rt.rules.specialCallsUnbound ? rt.ops.callDunder(x, "__round__", args) : rt.ops.callSpecial(x, "__round__", args);
            if (r != null) return r;
            throw rt.typeError("type " + x.type().name + " doesn't define __round__ method");
        }
        double v = Arith.toDouble(x);
        if (nd == PyRuntime.NONE) {
            if (Double.isNaN(v)) throw rt.error(PyExc.VALUE_ERROR, "cannot convert float NaN to integer");
            if (Double.isInfinite(v)) throw rt.error(PyExc.OVERFLOW_ERROR, "cannot convert float infinity to integer");
            return rt.newInt(new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
        }
        long digits = Arith.toIndex(rt, nd);
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0 || digits > 323) return rt.heap.newRef(x);
        // double_round: the exact binary value rounded half-even at that decimal place (a tie only
        // when the double is exactly one), so round(2.675, 2) is 2.67; far left of the point it is a signed 0.
        if (digits < -308) return rt.newFloat(0.0 * v);
        double r = new BigDecimal(v).setScale((int) digits, RoundingMode.HALF_EVEN).doubleValue();
        return rt.newFloat(r == 0 ? Math.copySign(0.0, v) : r);
    }

    static PyObject chr(PyRuntime rt, Args a) {
        long c = Arith.toLong(rt, a.get("i"));
        if (c < 0 || c > Character.MAX_CODE_POINT) throw rt.error(PyExc.VALUE_ERROR, "chr() arg not in range(0x110000)");
        return rt.newStr(Character.toString((int) c));
    }

    static PyObject ord(PyRuntime rt, Args a) {
        PyObject c = a.get("c");
        if (!(c instanceof PyStr str)) throw rt.typeError("ord() expected string of length 1, but " + c.type().name + " found");
        String s = str.value;
        if (s.codePointCount(0, s.length()) != 1) {
            throw rt.typeError("ord() expected a character, but string of length " + s.length() + " found");
        }
        return rt.newInt(s.codePointAt(0));
    }
}
