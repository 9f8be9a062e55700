package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.BinOperator;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.protocol.Arith;
import java.math.BigInteger;

/** The numeric builtins of bltinmodule.c: bin, oct, hex, divmod and pow. */
final class NumberFunctions {
    private NumberFunctions() {}

    static void install(Registry reg) {
        reg.function("bin", "number, /", (rt, a) -> rt.newStr(based(rt, a.get("number"), 2, "0b")));
        reg.function("oct", "number, /", (rt, a) -> rt.newStr(based(rt, a.get("number"), 8, "0o")));
        reg.function("hex", "number, /", (rt, a) -> rt.newStr(based(rt, a.get("number"), 16, "0x")));
        reg.function("divmod", "x, y, /", NumberFunctions::divmod);
        reg.function("pow", "base, exp, mod=None", NumberFunctions::pow);
    }

    /** PyNumber_ToBase: the operand's __index__, then sign, prefix and digits (long_to_binary_base). */
    private static String based(PyRuntime rt, PyObject x, int radix, String prefix) {
        BigInteger v = Arith.index(rt, x);
        return (v.signum() < 0 ? "-" : "") + prefix + v.abs().toString(radix);
    }


    /**
     * divmod(x, y): long_divmod and float_divmod word the zero divisor their own way; otherwise the
     * pair is floor division and modulo, which CPython computes together with the same rounding.
     */
    static PyObject divmod(PyRuntime rt, Args a) {
        PyObject x = a.get("x"), y = a.get("y");
        if (Arith.isNumber(x) && Arith.isNumber(y)) {
            if (x instanceof PyInt && y instanceof PyInt yi && yi.bigValue().signum() == 0) {
                throw rt.error(PyExc.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
            }
            if ((x instanceof PyFloat || y instanceof PyFloat) && Arith.toDouble(y) == 0) {
                throw rt.error(PyExc.ZERO_DIVISION_ERROR, "float divmod()");
            }
            PyObject q = Arith.binary(rt, BinOperator.FLOORDIV, x, y);
            return rt.newTuple(q, Arith.binary(rt, BinOperator.MOD, x, y));
        }
        // binary_op1 with nb_divmod: the left operand's __divmod__, then the right's __rdivmod__.
        PyObject r = x instanceof PyInstance ? rt.ops.callDunder(x, "__divmod__", y) : null;
        if (r != null && r != PyRuntime.NOT_IMPLEMENTED) return r;
        r = y instanceof PyInstance ? rt.ops.callDunder(y, "__rdivmod__", x) : null;
        if (r != null && r != PyRuntime.NOT_IMPLEMENTED) return r;
        throw rt.typeError("unsupported operand type(s) for divmod(): '" + x.type().name + "' and '" + y.type().name + "'");
    }

    private static boolean numeric(PyObject o) {
        return Arith.isNumber(o) || o instanceof PyComplex;
    }

    /** pow(base, exp[, mod]): two arguments are base ** exp; three are long_pow's modular power. */
    static PyObject pow(PyRuntime rt, Args a) {
        PyObject base = a.get("base"), exp = a.get("exp"), mod = a.orNone("mod");
        if (mod == PyRuntime.NONE) return Arith.binary(rt, BinOperator.POW, base, exp);
        if (!(base instanceof PyInt b && exp instanceof PyInt e && mod instanceof PyInt m)) {
            if (base instanceof PyInstance || exp instanceof PyInstance || mod instanceof PyInstance) {
                throw a.unsupported("pow() with three arguments of a class");
            }
            // ternary_op: int's slot declines; float's refuses a modulus; complex's refuses any.
            boolean complexIn = base instanceof PyComplex || exp instanceof PyComplex || mod instanceof PyComplex;
            if (complexIn && numeric(base) && numeric(exp) && numeric(mod)
                    && (base instanceof PyComplex || exp instanceof PyComplex || !(base instanceof PyFloat || exp instanceof PyFloat))) {
                throw rt.error(PyExc.VALUE_ERROR, "complex modulo");
            }
            if (numeric(base) && numeric(exp) && numeric(mod)) {
                throw rt.typeError("pow() 3rd argument not allowed unless all arguments are integers");
            }
            throw rt.typeError("unsupported operand type(s) for ** or pow(): '" + base.type().name + "', '"
                    + exp.type().name + "', '" + mod.type().name + "'");
        }
        BigInteger bv = b.bigValue(), ev = e.bigValue(), mv = m.bigValue();
        if (mv.signum() == 0) throw rt.error(PyExc.VALUE_ERROR, "pow() 3rd argument cannot be 0");
        BigInteger am = mv.abs();
        rt.charge(ev.bitLength() * (am.bitLength() / 64 + 1) / 64 + 1);
        BigInteger r;
        if (ev.signum() < 0) {
            // long_pow: a negative exponent takes the inverse of the base modulo |mod| first.
            BigInteger inv;
            try {
                inv = bv.mod(am).modInverse(am);
            } catch (ArithmeticException notInvertible) {
                throw rt.error(PyExc.VALUE_ERROR, "base is not invertible for the given modulus");
            }
            r = inv.modPow(ev.negate(), am);
        } else {
            r = am.equals(BigInteger.ONE) ? BigInteger.ZERO : bv.modPow(ev, am);
        }
        // The result takes the modulus's sign, as Python's % does.
        if (mv.signum() < 0 && r.signum() != 0) r = r.add(mv);
        return rt.newInt(r);
    }
}
