package dev.refgrade.runtime.protocol;

import dev.refgrade.python.BinOperator;
import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;

/** complex numbers' arithmetic, comparison, hash and repr as Objects/complexobject.c computes them. */
public final class Complexes {
    private Complexes() {}

    /** A Py_complex: the two doubles an operation works on. */
    record C(double re, double im) {
        static final C ONE = new C(1, 0);

        C plus(C b) {
            return new C(re + b.re, im + b.im);
        }

        C minus(C b) {
            return new C(re - b.re, im - b.im);
        }

        /** _Py_c_prod. */
        C times(C b) {
            return new C(re * b.re - im * b.im, re * b.im + im * b.re);
        }

        /** _Py_c_quot (Smith's method); null where it sets errno to EDOM (a zero divisor). */
        C over(C b) {
            double absRe = Math.abs(b.re), absIm = Math.abs(b.im);
            if (absRe >= absIm) {
                if (absRe == 0) return null;
                double ratio = b.im / b.re, denom = b.re + b.im * ratio;
                return new C((re + im * ratio) / denom, (im - re * ratio) / denom);
            }
            if (absIm >= absRe) {
                double ratio = b.re / b.im, denom = b.re * ratio + b.im;
                return new C((re * ratio + im) / denom, (im * ratio - re) / denom);
            }
            return new C(Double.NaN, Double.NaN); // a NaN in the divisor
        }
    }

    /** TO_COMPLEX: an int (PyLong_AsDouble), a float or a complex; null for anything else (NotImplemented). */
    static C of(PyRuntime rt, PyObject o) {
        return switch (o) {
            case PyComplex c -> new C(c.real, c.imag);
            case PyFloat f -> new C(f.value, 0);
            case PyInt i -> new C(Arith.toDouble(rt, i), 0);
            default -> null;
        };
    }

    private static PyObject make(PyRuntime rt, C c) {
        return rt.newComplex(c.re, c.im);
    }

    /** complex_add, _sub, _mul, _div and _pow with one complex operand; null when complex has no such slot or the other is no number. */
    static PyObject binary(PyRuntime rt, BinOperator op, PyObject a, PyObject b) {
        if (op != BinOperator.ADD && op != BinOperator.SUB && op != BinOperator.MUL && op != BinOperator.DIV
                && op != BinOperator.POW) {
            return null;
        }
        C x = of(rt, a);
        if (x == null) return null;
        C y = of(rt, b);
        if (y == null) return null;
        if (rt.rules.mixedModeComplex && op != BinOperator.POW && !(a instanceof PyComplex && b instanceof PyComplex)) {
            return mixed(rt, op, x, y, a instanceof PyComplex);
        }
        return switch (op) {
            case ADD -> make(rt, x.plus(y));
            case SUB -> make(rt, x.minus(y));
            case MUL -> make(rt, x.times(y));
            case DIV -> {
                C q = x.over(y);
                if (q == null) throw rt.error(PyExc.ZERO_DIVISION_ERROR, "complex division by zero");
                yield make(rt, q);
            }
            default -> power(rt, x, y);
        };
    }

    /** 3.14's mixed-mode arithmetic: the real operand meets each part alone. */
    private static PyObject mixed(PyRuntime rt, BinOperator op, C x, C y, boolean complexLeft) {
        double r = complexLeft ? y.re : x.re;
        C c = complexLeft ? x : y;
        return switch (op) {
            case ADD -> make(rt, new C(c.re + r, c.im));
            case SUB -> make(rt, complexLeft ? new C(c.re - r, c.im) : new C(r - c.re, -c.im));
            case MUL -> make(rt, new C(c.re * r, c.im * r));
            default -> {
                if (!complexLeft || r == 0) {
                    throw rt.refusal("dividing " + (complexLeft ? "a complex by zero" : "an int or float by a complex")
                            + " on Python " + rt.rules.version + " (gh-69639's _Py_rc_quot and its error are not modelled)");
                }
                yield make(rt, new C(c.re / r, c.im / r)); // _Py_cr_quot
            }
        };
    }

    /** float_pow's way out for a negative base and a fractional exponent: both taken as complex numbers. */
    static PyObject realPower(PyRuntime rt, double a, double b) {
        return power(rt, new C(a, 0), new C(b, 0));
    }

    /** complex_pow: an integral exponent up to 100 by repeated squaring (c_powi), any other by _Py_c_pow. */
    private static PyObject power(PyRuntime rt, C a, C b) {
        C p;
        if (b.im == 0 && b.re == Math.floor(b.re) && Math.abs(b.re) <= 100) {
            long n = (long) b.re;
            p = n > 0 ? powu(a, n) : C.ONE.over(powu(a, -n));
        } else {
            p = generalPower(a, b);
        }
        if (p == null) {
            throw rt.error(PyExc.ZERO_DIVISION_ERROR, rt.rules.zeroPowerWording ? "zero to a negative or complex power" : "0.0 to a negative or complex power");
        }
        // _Py_ADJUST_ERANGE2: an infinite part is an overflow.
        if (Double.isInfinite(p.re) || Double.isInfinite(p.im)) throw rt.error(PyExc.OVERFLOW_ERROR, "complex exponentiation");
        return make(rt, p);
    }

    /** c_powu: binary exponentiation, squaring once more after the last multiplication as CPython does. */
    private static C powu(C x, long n) {
        C r = C.ONE, p = x;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
            if ((n & mask) != 0) r = r.times(p);
            p = p.times(p);
        }
        return r;
    }

    /** _Py_c_pow; null where it sets EDOM (zero to a negative or complex power). */
    private static C generalPower(C a, C b) {
        if (b.re == 0 && b.im == 0) return C.ONE;
        if (a.re == 0 && a.im == 0) return b.im != 0 || b.re < 0 ? null : new C(0, 0);
        double vabs = Math.hypot(a.re, a.im);
        double len = Math.pow(vabs, b.re);
        double at = Math.atan2(a.im, a.re);
        double phase = at * b.re;
        if (b.im != 0) {
            len /= Math.exp(at * b.im);
            phase += b.im * Math.log(vabs);
        }
        return new C(len * Math.cos(phase), len * Math.sin(phase));
    }

    /** complex_neg, complex_pos (an exact complex is returned as is). */
    static PyObject negate(PyRuntime rt, PyComplex c) {
        return rt.newComplex(-c.real, -c.imag);
    }

    /** complex_abs (_Py_c_abs): an infinite part wins over a NaN; a finite overflow is an error. */
    public static PyObject abs(PyRuntime rt, PyComplex c) {
        if (Double.isInfinite(c.real)) return rt.newFloat(Math.abs(c.real));
        if (Double.isInfinite(c.imag)) return rt.newFloat(Math.abs(c.imag));
        if (Double.isNaN(c.real) || Double.isNaN(c.imag)) return rt.newFloat(Double.NaN);
        double r = Math.hypot(c.real, c.imag);
        if (Double.isInfinite(r)) throw rt.error(PyExc.OVERFLOW_ERROR, "absolute value too large");
        return rt.newFloat(r);
    }

    /**
     * complex_richcompare: only == and != (null otherwise, and for a non-number). An int is
     * compared through a float made of the real part when the imaginary part is zero.
     */
    static Integer compare(PyRuntime rt, PyObject a, PyObject b, CmpOp op) {
        if (op != CmpOp.EQ && op != CmpOp.NE) return null;
        PyComplex c = a instanceof PyComplex x ? x : (PyComplex) b;
        PyObject other = c == a ? b : a;
        Boolean equal = switch (other) {
            case PyComplex o -> c.real == o.real && c.imag == o.imag;
            case PyFloat f -> c.real == f.value && c.imag == 0;
            case PyInt i -> c.imag == 0 && realEqualsInt(rt, c.real, i);
            default -> null;
        };
        return equal == null ? null : equal ? 0 : 1;
    }

    private static boolean realEqualsInt(PyRuntime rt, double real, PyInt i) {
        PyObject j = rt.newFloat(real);
        try {
            return Arith.compare(j, i) == 0;
        } finally {
            rt.heap.decref(j);
        }
    }

    /** complex_hash: the real part's hash plus 1000003 times the imaginary part's; a NaN part hashes by address. */
    static long hash(PyRuntime rt, PyComplex c) {
        long re = Double.isNaN(c.real) ? Hashing.pointer(rt, c) : Hashing.hashDouble(c.real);
        long im = Double.isNaN(c.imag) ? Hashing.pointer(rt, c) : Hashing.hashDouble(c.imag);
        long combined = re + 1000003L * im;
        return combined == -1 ? -2 : combined;
    }

    /** complex_repr: "(re±imj)", or "imj" alone when the real part is +0.0; each part as repr without ".0". */
    public static String repr(PyComplex c) {
        if (c.real == 0 && Math.copySign(1.0, c.real) == 1.0) return part(c.imag) + "j";
        String im = part(c.imag);
        return "(" + part(c.real) + (im.startsWith("-") ? "" : "+") + im + "j)";
    }

    /** PyOS_double_to_string(x, 'r', 0, 0, NULL): repr's digits without Py_DTSF_ADD_DOT_0. */
    static String part(double x) {
        String s = Format.floatRepr(x);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
