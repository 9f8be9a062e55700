package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.ListMethods;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyIter;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Arith;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The builtin functions, each installed by its name. */
final class Functions {
    private Functions() {}

    static void install() {
        Builtins.def("print", (rt, self, args, kw) -> {
            PyObject sep = kw.get("sep"), end = kw.get("end");
            String s = sep == null || sep == PyRuntime.NONE ? " " : rt.ops.str(sep);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < args.length; i++) {
                if (i > 0) b.append(s);
                b.append(rt.ops.str(args[i]));
            }
            b.append(end == null || end == PyRuntime.NONE ? "\n" : rt.ops.str(end));
            rt.out.write(b.toString());
            for (PyObject a : args) if (a instanceof PyInt i && i.taint != PyInt.Taint.NONE) rt.interp.noteUnknowable(i.taint);
            return PyRuntime.NONE;
        });
        Builtins.def("id", (rt, self, args, kw) -> {
            Builtins.arity(rt, "id", args, 1, 1);
            PyInt r = rt.newInt(rt.world.address(args[0].addr));
            r.taint = PyInt.Taint.ADDRESS;
            return r;
        });
        Builtins.def("hex", (rt, self, args, kw) -> {
            Builtins.arity(rt, "hex", args, 1, 1);
            if (!(args[0] instanceof PyInt i)) throw rt.typeError("'" + args[0].type().name + "' object cannot be interpreted as an integer");
            BigInteger v = i.bigValue();
            return rt.newStr((v.signum() < 0 ? "-0x" : "0x") + v.abs().toString(16));
        });
        Builtins.def("len", (rt, self, args, kw) -> {
            Builtins.arity(rt, "len", args, 1, 1);
            return rt.newInt(rt.ops.len(args[0]));
        });
        Builtins.def("repr", (rt, self, args, kw) -> {
            Builtins.arity(rt, "repr", args, 1, 1);
            return rt.newStr(rt.ops.repr(args[0]));
        });
        Builtins.def("isinstance", (rt, self, args, kw) -> {
            Builtins.arity(rt, "isinstance", args, 2, 2);
            if (args[1] instanceof PyTuple t) {
                for (PyObject c : t.items) if (c instanceof PyType ty && args[0].type().isSubtypeOf(ty)) return PyRuntime.TRUE;
                return PyRuntime.FALSE;
            }
            if (!(args[1] instanceof PyType t)) throw rt.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
            return PyRuntime.bool(args[0].type().isSubtypeOf(t));
        });
        Builtins.def("callable", (rt, self, args, kw) -> {
            Builtins.arity(rt, "callable", args, 1, 1);
            return PyRuntime.bool(args[0] instanceof PyFunction || args[0] instanceof PyBuiltin || args[0] instanceof PyType
                    || args[0] instanceof PyMethod);
        });
        Builtins.def("hasattr", (rt, self, args, kw) -> {
            Builtins.arity(rt, "hasattr", args, 2, 2);
            PyObject v = rt.ops.getAttrOrNull(args[0], Builtins.attrName(rt, args[1]));
            if (v == null) return PyRuntime.FALSE;
            rt.heap.decref(v);
            return PyRuntime.TRUE;
        });
        Builtins.def("getattr", (rt, self, args, kw) -> {
            Builtins.arity(rt, "getattr", args, 2, 3);
            PyStr name = Builtins.attrName(rt, args[1]);
            PyObject v = args.length == 3 ? rt.ops.getAttrOrNull(args[0], name) : rt.ops.getAttr(args[0], name);
            return v != null ? v : rt.heap.newRef(args[2]);
        });
        Builtins.def("setattr", (rt, self, args, kw) -> {
            Builtins.arity(rt, "setattr", args, 3, 3);
            rt.ops.setAttr(args[0], Builtins.attrName(rt, args[1]), args[2]);
            return PyRuntime.NONE;
        });
        Builtins.def("delattr", (rt, self, args, kw) -> {
            Builtins.arity(rt, "delattr", args, 2, 2);
            rt.ops.delAttr(args[0], Builtins.attrName(rt, args[1]));
            return PyRuntime.NONE;
        });
        Builtins.def("vars", (rt, self, args, kw) -> {
            Builtins.arity(rt, "vars", args, 1, 1);
            PyObject d = rt.ops.getAttrOrNull(args[0], rt.name("__dict__"));
            if (d == null) throw rt.typeError("vars() argument must have __dict__ attribute");
            return d;
        });
        Builtins.def("iter", (rt, self, args, kw) -> rt.ops.iter(Builtins.arg(rt, "iter", args, 0)));
        Builtins.def("next", (rt, self, args, kw) -> {
            PyObject v = rt.ops.next(Builtins.arg(rt, "next", args, 0));
            if (v != null) return v;
            if (args.length > 1) return rt.heap.newRef(args[1]);
            throw rt.error(PyExc.STOP_ITERATION, "");
        });
        Builtins.def("sorted", (rt, self, args, kw) -> {
            Builtins.arity(rt, "sorted", args, 1, 1);
            PyList l = Builtins.listOf(rt, args[0]);
            try {
                ListMethods.sort(rt, l, kw);
            } catch (RuntimeException e) {
                rt.heap.decref(l);
                throw e;
            }
            return l;
        });
        Builtins.def("reversed", (rt, self, args, kw) -> {
            Builtins.arity(rt, "reversed", args, 1, 1);
            if (args[0] instanceof PyList l) {
                return rt.heap.alloc(new PyIter(PyIter.Kind.REVERSED_LIST, rt.heap.newRef(l), 0, 0, 0));
            }
            PyObject[] items = Builtins.toArray(rt, args[0]);
            List<PyObject> rev = new ArrayList<>(Arrays.asList(items));
            java.util.Collections.reverse(rev);
            PyList l = rt.newList(rev.toArray(new PyObject[0]), rev.size());
            return rt.ops.iterTaking(l);
        });
        Builtins.def("abs", (rt, self, args, kw) -> {
            Builtins.arity(rt, "abs", args, 1, 1);
            PyObject x = args[0];
            if (x instanceof PyInt i && !(x instanceof PyBool)) {
                return i.bigValue().signum() >= 0 ? rt.heap.newRef(i) : rt.newInt(i.bigValue().negate());
            }
            if (x instanceof PyFloat f) return rt.newFloat(Math.abs(f.value));
            if (x instanceof PyBool b) return rt.newInt(b.small);
            PyObject r = rt.ops.callDunder(x, "__abs__");
            if (r != null) return r;
            throw rt.typeError("bad operand type for abs(): '" + x.type().name + "'");
        });
        Builtins.def("round", (rt, self, args, kw) -> {
            Builtins.arity(rt, "round", args, 1, 2);
            PyObject x = args[0];
            if (x instanceof PyInt) return rt.heap.newRef(x);
            if (!(x instanceof PyFloat)) throw rt.typeError("type " + x.type().name + " doesn't define __round__ method");
            double v = Arith.toDouble(x);
            if (args.length == 1 || args[1] == PyRuntime.NONE) {
                return rt.newInt(new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
            }
            int nd = (int) Arith.toLong(rt, args[1]);
            return rt.newFloat(new BigDecimal(Double.toString(v)).setScale(nd, RoundingMode.HALF_EVEN).doubleValue());
        });
        Builtins.def("chr", (rt, self, args, kw) -> {
            Builtins.arity(rt, "chr", args, 1, 1);
            long c = Arith.toLong(rt, args[0]);
            if (c < 0 || c > Character.MAX_CODE_POINT) throw rt.error(PyExc.VALUE_ERROR, "chr() arg not in range(0x110000)");
            return rt.newStr(Character.toString((int) c));
        });
        Builtins.def("ord", (rt, self, args, kw) -> {
            Builtins.arity(rt, "ord", args, 1, 1);
            if (!(args[0] instanceof PyStr str)) {
                throw rt.typeError("ord() expected string of length 1, but " + args[0].type().name + " found");
            }
            String s = str.value;
            if (s.codePointCount(0, s.length()) != 1) {
                throw rt.typeError("ord() expected a character, but string of length " + s.length() + " found");
            }
            return rt.newInt(s.codePointAt(0));
        });
        Builtins.def("sum", (rt, self, args, kw) -> {
            if (args.length == 0) throw rt.typeError("sum() takes at least 1 positional argument (0 given)");
            Builtins.arity(rt, "sum", args, 1, 2);
            if (args.length > 1 && args[1] instanceof PyStr) throw rt.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            PyObject acc = args.length > 1 ? rt.heap.newRef(args[1]) : rt.newInt(0);
            for (PyObject x : Builtins.toArray(rt, args[0])) {
                PyObject next = Arith.binary(rt, dev.refgrade.python.BinOperator.ADD, acc, x);
                rt.heap.decref(acc);
                rt.heap.decref(x);
                acc = next;
            }
            return acc;
        });
        Builtins.def("min", (rt, self, args, kw) -> extreme(rt, args, CmpOp.LT, "min"));
        Builtins.def("max", (rt, self, args, kw) -> extreme(rt, args, CmpOp.GT, "max"));
    }

    private static PyObject extreme(PyRuntime rt, PyObject[] args, CmpOp better, String name) {
        PyObject[] items = args.length == 1 ? Builtins.toArray(rt, args[0]) : args.clone();
        if (args.length != 1) for (PyObject o : items) rt.heap.incref(o);
        if (items.length == 0) throw rt.error(PyExc.VALUE_ERROR, name + "() arg is an empty sequence");
        PyObject best = items[0];
        for (int i = 1; i < items.length; i++) if (rt.ops.compareBool(items[i], best, better)) best = items[i];
        rt.heap.incref(best);
        for (PyObject o : items) rt.heap.decref(o);
        return best;
    }
}
