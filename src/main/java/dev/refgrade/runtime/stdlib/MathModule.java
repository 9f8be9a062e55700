package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.BinOperator;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.Arith;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * math (Modules/mathmodule.c): the functions whose results IEEE arithmetic fixes exactly (sqrt,
 * floor, fmod, frexp, fsum...) and the integer ones. The transcendental functions (sin, exp,
 * log...) come from the platform's libm, whose last bit Java's does not promise to match: they
 * stay refused by name rather than risk a different digit.
 */
final class MathModule {
    private MathModule() {}

    static Map<String, PyObject> contents() {
        Registry reg = Registry.module("math");
        reg.put("pi", StaticObjects.place(new PyFloat(Math.PI)));
        reg.put("e", StaticObjects.place(new PyFloat(Math.E)));
        reg.put("tau", StaticObjects.place(new PyFloat(2 * Math.PI)));
        reg.put("inf", StaticObjects.place(new PyFloat(Double.POSITIVE_INFINITY)));
        reg.put("nan", StaticObjects.place(new PyFloat(Double.NaN)));
        reg.function("sqrt", "x, /", (rt, a) -> {
            double x = real(rt, a.get("x"));
            if (x < 0) throw domain(rt);
            return rt.newFloat(Math.sqrt(x));
        });
        reg.function("floor", "x, /", (rt, a) -> rounded(rt, a.get("x"), "__floor__", RoundingMode.FLOOR));
        reg.function("ceil", "x, /", (rt, a) -> rounded(rt, a.get("x"), "__ceil__", RoundingMode.CEILING));
        reg.function("trunc", "x, /", (rt, a) -> rounded(rt, a.get("x"), "__trunc__", RoundingMode.DOWN));
        reg.function("fabs", "x, /", (rt, a) -> rt.newFloat(Math.abs(real(rt, a.get("x")))));
        reg.function("copysign", "x, y, /", (rt, a) -> rt.newFloat(Math.copySign(real(rt, a.get("x")), real(rt, a.get("y")))));
        reg.function("fmod", "x, y, /", MathModule::fmod);
        reg.function("remainder", "x, y, /", (rt, a) -> {
            double x = real(rt, a.get("x")), y = real(rt, a.get("y"));
            if (Double.isNaN(x) || Double.isNaN(y)) return rt.newFloat(Double.NaN);
            if (Double.isInfinite(x) || y == 0) throw domain(rt);
            return rt.newFloat(Double.isInfinite(y) ? x : Math.IEEEremainder(x, y));
        });
        reg.function("modf", "x, /", (rt, a) -> {
            double x = real(rt, a.get("x"));
            if (Double.isInfinite(x)) return rt.newTuple(rt.newFloat(Math.copySign(0.0, x)), rt.newFloat(x));
            double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
            return rt.newTuple(rt.newFloat(Math.copySign(x - whole, x)), rt.newFloat(whole));
        });
        reg.function("frexp", "x, /", (rt, a) -> {
            double x = real(rt, a.get("x"));
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) return rt.newTuple(rt.newFloat(x), rt.newInt(0));
            int exp = Math.getExponent(x) + 1;
            double m = x / Math.scalb(1.0, exp);
            if (Math.abs(m) < 0.5) { // subnormal
                m *= 1L << 54;
                exp -= 54;
                int adjust = Math.getExponent(m) + 1;
                m /= Math.scalb(1.0, adjust);
                exp += adjust;
            }
            return rt.newTuple(rt.newFloat(m), rt.newInt(exp));
        });
        reg.function("ldexp", "x, i, /", (rt, a) -> {
            double x = real(rt, a.get("x"));
            PyObject i = a.get("i");
            if (!(i instanceof PyInt n)) throw rt.typeError("Expected an int as second argument to ldexp.");
            BigInteger e = n.bigValue();
            int exp = e.bitLength() > 31 ? (e.signum() < 0 ? -100000 : 100000) : e.intValue();
            double r = Math.scalb(x, Math.max(-100000, Math.min(100000, exp)));
            if (Double.isInfinite(r) && !Double.isInfinite(x)) throw rt.error(PyExc.OVERFLOW_ERROR, "math range error");
            return rt.newFloat(r);
        });
        reg.function("degrees", "x, /", (rt, a) -> rt.newFloat(real(rt, a.get("x")) * (180.0 / Math.PI)));
        reg.function("radians", "x, /", (rt, a) -> rt.newFloat(real(rt, a.get("x")) * (Math.PI / 180.0)));
        reg.function("isfinite", "x, /", (rt, a) -> PyRuntime.bool(Double.isFinite(real(rt, a.get("x")))));
        reg.function("isinf", "x, /", (rt, a) -> PyRuntime.bool(Double.isInfinite(real(rt, a.get("x")))));
        reg.function("isnan", "x, /", (rt, a) -> PyRuntime.bool(Double.isNaN(real(rt, a.get("x")))));
        reg.function("isclose", "a, b, *, rel_tol=<unrepresentable>, abs_tol=<unrepresentable>", MathModule::isclose);
        reg.function("fsum", "seq, /", MathModule::fsum);
        reg.function("prod", "iterable, /, *, start=1", MathModule::prod);
        reg.function("factorial", "n, /", MathModule::factorial);
        reg.function("isqrt", "n, /", (rt, a) -> {
            BigInteger n = Arith.index(rt, a.get("n"));
            if (n.signum() < 0) throw rt.error(PyExc.VALUE_ERROR, "isqrt() argument must be nonnegative");
            return rt.newInt(n.sqrt());
        });
        Signature integers = Signature.parse("*integers").as(Signature.Convention.POSITIONAL);
        reg.function("gcd", integers, (rt, a) -> {
            BigInteger g = BigInteger.ZERO;
            for (PyObject o : a.rest()) g = g.gcd(Arith.index(rt, o));
            return rt.newInt(g);
        });
        reg.function("lcm", integers, (rt, a) -> {
            BigInteger l = BigInteger.ONE;
            for (PyObject o : a.rest()) {
                BigInteger v = Arith.index(rt, o).abs();
                l = l.signum() == 0 || v.signum() == 0 ? BigInteger.ZERO : l.divide(l.gcd(v)).multiply(v);
            }
            return rt.newInt(l);
        });
        reg.function("comb", "n, k, /", (rt, a) -> combinations(rt, a, true));
        reg.function("perm", "n, k=None, /", (rt, a) -> combinations(rt, a, false));
        return reg.contents();
    }

    private static RuntimeException domain(PyRuntime rt) {
        return rt.error(PyExc.VALUE_ERROR, "math domain error");
    }

    /** PyFloat_AsDouble for math's arguments: int, bool or float; a class's __float__ is not modelled. */
    static double real(PyRuntime rt, PyObject o) {
        if (o instanceof PyFloat f) return f.value;
        if (o instanceof PyInt i) {
            if (i.bigValue().bitLength() > 1024) throw rt.error(PyExc.OVERFLOW_ERROR, "int too large to convert to float");
            return Arith.toDouble(rt, i);
        }
        if (o instanceof PyInstance) throw new dev.refgrade.runtime.Unsupported("a math function of an instance (its __float__ or __index__)",
                rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line);
        throw rt.typeError("must be real number, not " + o.type().name);
    }

    /** floor, ceil, trunc: an int as it is; a float rounded to an int; a class's own method. */
    private static PyObject rounded(PyRuntime rt, PyObject x, String dunder, RoundingMode mode) {
        if (x instanceof PyBool b) return rt.newInt(b.small);
        if (x instanceof PyInt) return rt.heap.newRef(x);
        if (x instanceof PyInstance) {
            PyObject r = rt.rules.specialCallsUnbound ? rt.ops.callDunder(x, dunder) : rt.ops.callSpecial(x, dunder);
            if (r != null) return r;
        }
        // math_trunc looks only for __trunc__; floor and ceil fall back on the float value.
        if (dunder.equals("__trunc__") && !(x instanceof PyFloat)) throw rt.typeError("type " + x.type().name + " doesn't define __trunc__ method");
        double v = real(rt, x);
        if (Double.isNaN(v)) throw rt.error(PyExc.VALUE_ERROR, "cannot convert float NaN to integer");
        if (Double.isInfinite(v)) throw rt.error(PyExc.OVERFLOW_ERROR, "cannot convert float infinity to integer");
        return rt.newInt(new BigDecimal(v).setScale(0, mode).toBigIntegerExact());
    }

    static PyObject fmod(PyRuntime rt, Args a) {
        double x = real(rt, a.get("x")), y = real(rt, a.get("y"));
        if (Double.isInfinite(y) && Double.isFinite(x)) return rt.newFloat(x);
        if (Double.isNaN(x) || Double.isNaN(y)) return rt.newFloat(Double.NaN);
        if (Double.isInfinite(x) || y == 0) throw domain(rt);
        return rt.newFloat(x % y); // Java's % on doubles is C's fmod
    }

    static PyObject isclose(PyRuntime rt, Args a) {
        double x = real(rt, a.get("a")), y = real(rt, a.get("b"));
        double rel = a.given("rel_tol") ? real(rt, a.get("rel_tol")) : 1e-09, abs = a.given("abs_tol") ? real(rt, a.get("abs_tol")) : 0.0;
        if (rel < 0 || abs < 0) throw rt.error(PyExc.VALUE_ERROR, "tolerances must be non-negative");
        if (x == y) return PyRuntime.TRUE;
        if (Double.isInfinite(x) || Double.isInfinite(y)) return PyRuntime.FALSE;
        double diff = Math.abs(y - x);
        return PyRuntime.bool(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
    }

    /** fsum: the exact sum of the floats, rounded once (msum's result), with its special values. */
    static PyObject fsum(PyRuntime rt, Args a) {
        BigDecimal sum = BigDecimal.ZERO;
        double special = 0;
        boolean anySpecial = false;
        for (PyObject o : Builtins.toArray(rt, a.get("seq"))) {
            double v;
            try {
                v = real(rt, o);
            } finally {
                rt.heap.decref(o);
            }
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                special = anySpecial ? special + v : v;
                anySpecial = true;
            } else sum = sum.add(new BigDecimal(v));
        }
        if (anySpecial) {
            if (Double.isNaN(special)) throw rt.error(PyExc.VALUE_ERROR, "-inf + inf in fsum");
            return rt.newFloat(special);
        }
        double r = sum.doubleValue();
        if (Double.isInfinite(r)) throw rt.error(PyExc.OVERFLOW_ERROR, "intermediate overflow in fsum");
        return rt.newFloat(r);
    }

    static PyObject prod(PyRuntime rt, Args a) {
        PyObject start = a.get("start");
        PyObject acc = start != null ? rt.heap.newRef(start) : rt.newInt(1);
        for (PyObject x : Builtins.toArray(rt, a.get("iterable"))) {
            PyObject next;
            try {
                next = Arith.binary(rt, BinOperator.MUL, acc, x);
            } finally {
                rt.heap.decref(acc);
                rt.heap.decref(x);
            }
            acc = next;
        }
        return acc;
    }

    static PyObject factorial(PyRuntime rt, Args a) {
        PyObject n = a.get("n");
        if (n instanceof PyFloat) throw rt.typeError("'float' object cannot be interpreted as an integer");
        BigInteger v = Arith.index(rt, n);
        if (v.signum() < 0) throw rt.error(PyExc.VALUE_ERROR, "factorial() not defined for negative values");
        if (v.bitLength() > 31) throw rt.error(PyExc.OVERFLOW_ERROR, "factorial() argument should not exceed 2147483647");
        int k = v.intValue();
        rt.charge((long) k * Math.max(1, k / 64) / 64 + 1);
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= k; i++) {
            r = r.multiply(BigInteger.valueOf(i));
            if (r.bitLength() > 1 << 20) throw new dev.refgrade.runtime.LimitExceeded("the program computed an int of more than "
                    + (1 << 20) + " bits");
        }
        return rt.newInt(r);
    }

    /** comb(n, k) and perm(n, k): non-negative ints; k past n gives 0. */
    private static PyObject combinations(PyRuntime rt, Args a, boolean comb) {
        BigInteger n = Arith.index(rt, a.get("n"));
        PyObject kArg = comb ? a.get("k") : a.orNone("k");
        BigInteger k = kArg == PyRuntime.NONE ? n : Arith.index(rt, kArg);
        if (n.signum() < 0) throw rt.error(PyExc.VALUE_ERROR, "n must be a non-negative integer");
        if (k.signum() < 0) throw rt.error(PyExc.VALUE_ERROR, "k must be a non-negative integer");
        if (k.compareTo(n) > 0) return rt.newInt(0);
        if (comb && k.compareTo(n.subtract(k)) > 0) k = n.subtract(k);
        if (k.bitLength() > 20) throw new dev.refgrade.runtime.LimitExceeded("the program asked for a product of more than 2^20 factors");
        BigInteger r = BigInteger.ONE;
        int kk = k.intValue();
        rt.charge(kk / 16 + 1);
        for (int i = 0; i < kk; i++) {
            r = r.multiply(n.subtract(BigInteger.valueOf(i)));
            if (comb) r = r.divide(BigInteger.valueOf(i + 1));
        }
        return rt.newInt(r);
    }
}
