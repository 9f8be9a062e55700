package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.stdlib.DictViewMethods;
import dev.refgrade.runtime.stdlib.SetMethods;
import dev.refgrade.runtime.stdlib.CounterOps;
import dev.refgrade.runtime.objects.PyCounter;
import dev.refgrade.runtime.stdlib.OrderedDictType;
import dev.refgrade.runtime.objects.PyODict;
import dev.refgrade.python.BinOperator;
import dev.refgrade.python.UnaryOperator;
import dev.refgrade.runtime.LimitExceeded;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyDefaultDict;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.ArraySlices;
import dev.refgrade.runtime.stdlib.ListGrowth;
import dev.refgrade.runtime.stdlib.CopyModule;
import dev.refgrade.runtime.stdlib.DefaultDictType;
import dev.refgrade.runtime.stdlib.DequeType;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Numbers and the binary operators (Objects/abstract.c's PyNumber_*), sequences' + and * included. */
public final class Arith {
    private static final int MAX_BITS = 1 << 20;

    private Arith() {}

    public static boolean isNumber(PyObject o) {
        return o instanceof PyInt || o instanceof PyFloat;
    }

    /** PyLong_AsLong: an int, or since 3.10 what a class's __index__ returns; one beyond 64 bits is an OverflowError. */
    public static long toLong(PyRuntime rt, PyObject o) {
        if (o instanceof PyInt i) {
            if (i.big != null) throw rt.error(PyExc.OVERFLOW_ERROR, "Python int too large to convert to C long");
            return i.small;
        }
        if (!(o instanceof PyInstance)) throw rt.typeError("'" + o.type().name + "' object cannot be interpreted as an integer");
        PyInt v = indexObject(rt, o);
        try {
            return toLong(rt, v);
        } finally {
            rt.heap.decref(v);
        }
    }

    /**
     * PyNumber_AsSsize_t(o, IndexError): an int, or what a class's __index__ returns; one beyond 64
     * bits is an IndexError naming the type of {@code o} itself.
     */
    public static long toIndex(PyRuntime rt, PyObject o) {
        return asSsize(rt, o, PyExc.INDEX_ERROR);
    }

    /** PyNumber_AsSsize_t(o, OverflowError), as a count is read (bytes(n), seq * n): too big is an OverflowError. */
    public static long toSize(PyRuntime rt, PyObject o) {
        return asSsize(rt, o, PyExc.OVERFLOW_ERROR);
    }

    private static long asSsize(PyRuntime rt, PyObject o, PyType tooBig) {
        if (o instanceof PyInt i) {
            if (i.big != null) throw rt.error(tooBig, "cannot fit 'int' into an index-sized integer");
            return i.small;
        }
        if (!(o instanceof PyInstance)) throw rt.typeError("'" + o.type().name + "' object cannot be interpreted as an integer");
        PyInt v = fittingIndex(rt, o, tooBig);
        try {
            return v.small;
        } finally {
            rt.heap.decref(v);
        }
    }

    /** PyNumber_Index of {@code o}, a new reference, within 64 bits: beyond them a {@code tooBig} naming the type of o itself. */
    private static PyInt fittingIndex(PyRuntime rt, PyObject o, PyType tooBig) {
        PyInt v = indexObject(rt, o);
        if (v.big == null) return v;
        rt.heap.decref(v);
        throw rt.error(tooBig, "cannot fit '" + o.type().name + "' into an index-sized integer");
    }

    /**
     * long_true_divide: a / b correctly rounded (round-half-even) to a double: the quotient taken to
     * 55 bits or more with a sticky bit for what remains, then rounded once.
     */
    static double trueDivide(PyRuntime rt, BigInteger a, BigInteger b) {
        if (a.signum() == 0) return b.signum() < 0 ? -0.0 : 0.0;
        BigInteger x = a.abs(), y = b.abs();
        int shift = 55 - (x.bitLength() - y.bitLength());
        BigInteger[] qr = (shift >= 0 ? x.shiftLeft(shift) : x).divideAndRemainder(shift >= 0 ? y : y.shiftLeft(-shift));
        long q = qr[0].longValueExact() << 1 | (qr[1].signum() != 0 ? 1 : 0);
        double r = Math.scalb((double) q, -shift - 1);
        if (Double.isInfinite(r)) throw rt.error(PyExc.OVERFLOW_ERROR, "integer division result too large for a float");
        return a.signum() * b.signum() < 0 ? -r : r;
    }

    /** PyLong_AsDouble: an int too large for a double is an OverflowError, not infinity. */
    public static double toDouble(PyRuntime rt, BigInteger v) {
        double d = v.doubleValue();
        if (Double.isInfinite(d)) throw rt.error(PyExc.OVERFLOW_ERROR, "int too large to convert to float");
        return d;
    }

    /** PyNumber_Index's value: an int's, or that of what a class's __index__ returns (see {@link #indexObject}). */
    public static BigInteger index(PyRuntime rt, PyObject x) {
        if (x instanceof PyInt i) return i.bigValue();
        PyInt i = indexObject(rt, x);
        try {
            return i.bigValue();
        } finally {
            rt.heap.decref(i);
        }
    }

    /**
     * PyNumber_Index, a new reference: an int is returned itself (operator.index(x) is x), a bool as
     * the int it equals (_PyLong_Copy: the cached 0 or 1), anything else as what its class's
     * __index__ returns, which must be an int. 3.11 takes an int subclass from __index__ with a
     * DeprecationWarning, which is refused here.
     */
    public static PyInt indexObject(PyRuntime rt, PyObject x) {
        if (x instanceof PyBool b) return rt.newInt(b.longValue());
        if (x instanceof PyInt i) return rt.heap.newRef(i);
        PyObject r = x instanceof PyInstance ? rt.ops.callDunder(x, "__index__") : null;
        if (r == null) throw rt.typeError("'" + x.type().name + "' object cannot be interpreted as an integer");
        if (r instanceof PyInt i && !(r instanceof PyBool)) return i;
        rt.heap.decref(r);
        if (r instanceof PyBool) throw rt.refusal("__index__ returning a bool (3.11 warns with a DeprecationWarning)");
        throw rt.typeError("__index__ returned non-int (type " + r.type().name + ")");
    }

    /**
     * PyNumber_Long of an instance, a new reference: what its __int__ returns, which must be an int;
     * else its __index__'s. 3.11 also delegates to __trunc__, and takes a bool from __int__, with
     * DeprecationWarnings: both refused.
     */
    public static PyInt numberLong(PyRuntime rt, PyInstance x) {
        PyObject r = rt.ops.callDunder(x, "__int__");
        if (r != null) {
            if (r instanceof PyInt i && !(r instanceof PyBool)) return i;
            rt.heap.decref(r);
            if (r instanceof PyBool) throw rt.refusal("__int__ returning a bool (3.11 warns with a DeprecationWarning)");
            throw rt.typeError("__int__ returned non-int (type " + r.type().name + ")");
        }
        if (x.cls.lookup(rt, "__index__") != null) return indexObject(rt, x);
        if (x.cls.lookup(rt, "__trunc__") != null) throw rt.refusal("int() through __trunc__ (3.11 warns with a DeprecationWarning)");
        throw rt.typeError("int() argument must be a string, a bytes-like object or a real number, not '" + x.type().name + "'");
    }

    /**
     * PyFloat_AsDouble's and PyNumber_Float's conversion of an instance, a new reference: what its
     * __float__ returns, which must be a float (a float subclass, with 3.11's DeprecationWarning,
     * is refused); else a float of its __index__'s int; null when its class has neither.
     */
    public static PyFloat floatObject(PyRuntime rt, PyInstance x) {
        if (x.cls.lookup(rt, "__float__") != null) {
            PyObject r = rt.ops.callDunder(x, "__float__");
            if (r instanceof PyFloat f && r.type() == PyType.FLOAT) return f;
            rt.heap.decref(r);
            if (r instanceof PyFloat) throw rt.refusal("__float__ returning a float subclass (a DeprecationWarning)");
            throw rt.typeError(x.cls.name + ".__float__ returned non-float (type " + r.type().name + ")");
        }
        if (x.cls.lookup(rt, "__index__") == null) return null;
        return rt.newFloat(toDouble(rt, index(rt, x)));
    }

    /** _PyIndex_Check: an int, or an instance whose class has __index__. */
    public static boolean hasIndex(PyRuntime rt, PyObject o) {
        return o instanceof PyInt || o instanceof PyInstance inst && inst.cls.lookup(rt, "__index__") != null;
    }

    /** An int or float as a double; an int beyond the double range is an OverflowError (PyLong_AsDouble). */
    public static double toDouble(PyRuntime rt, PyObject o) {
        return o instanceof PyInt i && i.big != null ? toDouble(rt, i.big) : toDouble(o);
    }

    public static double toDouble(PyObject o) {
        return o instanceof PyFloat f ? f.value : ((PyInt) o).big != null ? ((PyInt) o).big.doubleValue() : ((PyInt) o).small;
    }

    /** What {@link #compare} gives when a NaN is involved: no order holds, only !=. */
    public static final int UNORDERED = 2;

    /** Sign of a - b for two ints or floats, exact across the two types; {@link #UNORDERED} with a NaN. */
    public static int compare(PyObject a, PyObject b) {
        if (a instanceof PyInt x && b instanceof PyInt y) {
            if (x.big == null && y.big == null) return Long.compare(x.small, y.small);
            return x.bigValue().compareTo(y.bigValue());
        }
        double x = toDouble(a), y = toDouble(b);
        if (Double.isNaN(x) || Double.isNaN(y)) return UNORDERED;
        // float_richcompare compares a float with an int exactly, never through the int's rounding to a double.
        if (a instanceof PyInt i) return Double.isInfinite(y) ? (y > 0 ? -1 : 1) : new BigDecimal(i.bigValue()).compareTo(new BigDecimal(y));
        if (b instanceof PyInt i) return Double.isInfinite(x) ? (x > 0 ? 1 : -1) : new BigDecimal(x).compareTo(new BigDecimal(i.bigValue()));
        return Double.compare(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y);
    }

    public static PyObject unary(PyRuntime rt, UnaryOperator op, PyObject a) {
        if (op != UnaryOperator.NOT && WeakProxies.is(a)) return WeakProxies.unary(rt, op, a); // proxy_neg, proxy_pos, proxy_invert
        switch (op) {
            case NOT:
                return PyRuntime.bool(!rt.ops.truthy(a));
            case POS:
                // int_pos / float_pos return the very object for exact ints and floats.
                if (a instanceof PyInt i && !(a instanceof PyBool)) return rt.heap.newRef(a);
                if (a instanceof PyBool b) return rt.newInt(b.small);
                if (a instanceof PyFloat || a instanceof PyComplex) return rt.heap.newRef(a);
                break;
            case NEG:
                if (a instanceof PyInt i) return i.big == null && i.small != Long.MIN_VALUE ? rt.newInt(-i.small) : rt.newInt(i.bigValue().negate());
                if (a instanceof PyFloat f) return rt.newFloat(-f.value);
                if (a instanceof PyComplex c) return Complexes.negate(rt, c);
                break;
            case INVERT:
                if (a instanceof PyInt i) return rt.newInt(i.bigValue().not());
                break;
        }
        // Counter.__pos__ and __neg__ (Lib/collections/__init__.py).
        if (a instanceof PyCounter c && (op == UnaryOperator.POS || op == UnaryOperator.NEG)) return CounterOps.unary(rt, c, op == UnaryOperator.NEG);
        PyObject r = a instanceof PyInstance ? rt.ops.callDunder(a, switch (op) {
            case NEG -> "__neg__";
            case POS -> "__pos__";
            default -> "__invert__";
        }) : null;
        if (r != null) return r;
        throw rt.typeError("bad operand type for unary " + op.symbol + ": '" + a.type().name + "'");
    }

    /** |, &, - and ^: the operators sets and set-like dict views answer. */
    private static boolean setOperator(BinOperator op) {
        return op == BinOperator.BITOR || op == BinOperator.BITAND || op == BinOperator.SUB || op == BinOperator.BITXOR;
    }

    public static PyObject binary(PyRuntime rt, BinOperator op, PyObject a, PyObject b) {
        return binary(rt, op, a, b, false);
    }

    /** binary_op, or for {@code inplace} the fallback of binary_iop, whose complaint names the in-place operator (+=). */
    private static PyObject binary(PyRuntime rt, BinOperator op, PyObject a, PyObject b, boolean inplace) {
        // binary_op1: a proxy on the left answers first; on the right, after a class's own method declined.
        if (op == BinOperator.MOD && (a instanceof PyStr || a instanceof PyBytes)) WeakProxies.checkPercentFormat(rt, b);
        if (WeakProxies.is(a) || WeakProxies.is(b) && !(a instanceof PyInstance)) return WeakProxies.binary(rt, op, a, b);
        // Counter's __add__, __sub__, __or__, __and__ answer only another Counter (NotImplemented otherwise).
        if (a instanceof PyCounter x && b instanceof PyCounter y && (op == BinOperator.ADD || op == BinOperator.SUB || op == BinOperator.BITOR || op == BinOperator.BITAND)) return CounterOps.binary(rt, op, x, y);
        PyObject r = builtinBinary(rt, op, a, b);
        if (r != null) return r;
        // A keys or items view on the left answers before a class's reflected method, which the code below would try first.
        if (b instanceof PyInstance && DictViewMethods.isSetLike(a)
                && setOperator(op)) {
            throw rt.refusal("the set operation " + op.symbol + " of a dict view and an instance of a class");
        }
        if (a instanceof PyInstance || b instanceof PyInstance) {
            // binary_op1 over slot_nb_*: a class's reflected method goes first when it is a subclass of
            // the left operand's that overrides it; operands of one type never try the reflected method.
            String name = op.method;
            String forward = "__" + name + "__", reflected = "__r" + name + "__";
            boolean sameType = a.type() == b.type();
            boolean rightFirst = !sameType && b instanceof PyInstance && b.type().isSubtypeOf(a.type())
                    && overridden(rt, a.type(), b.type(), reflected);
            if (rightFirst) {
                r = rt.ops.callDunder(b, reflected, a);
                if (r != null && r != PyRuntime.NOT_IMPLEMENTED) return r;
            }
            r = a instanceof PyInstance ? rt.ops.callDunder(a, forward, b) : null;
            if (r != null && r != PyRuntime.NOT_IMPLEMENTED) return r;
            if (WeakProxies.is(b)) return WeakProxies.binary(rt, op, a, b);
            r = b instanceof PyInstance && !sameType && !rightFirst ? rt.ops.callDunder(b, reflected, a) : null;
            if (r != null && r != PyRuntime.NOT_IMPLEMENTED) return r;
        }
        if (a instanceof dev.refgrade.runtime.objects.PyMappingProxy || b instanceof dev.refgrade.runtime.objects.PyMappingProxy) {
            throw rt.refusal("the operator " + op.symbol + " of a mappingproxy");
        }
        if (setOperator(op)) {
            PyObject set = DictViewMethods.setOperation(rt, op, a, b);
            if (set != null) return set;
        }
        // PyNumber_Add and PyNumber_Multiply fall back on the sequence slots, whose errors differ.
        boolean seqA = a instanceof PyStr || a instanceof PyList || a instanceof PyTuple || a instanceof PyBytes || a instanceof PyByteArray;
        boolean seqB = b instanceof PyStr || b instanceof PyList || b instanceof PyTuple || b instanceof PyBytes || b instanceof PyByteArray;
        // An array has sq_repeat (its sq_concat raised already, in ArraySlices).
        seqA |= op == BinOperator.MUL && a instanceof PyArray;
        seqB |= op == BinOperator.MUL && b instanceof PyArray;
        if (op == BinOperator.ADD && (a instanceof PyBytes || a instanceof PyByteArray)) throw BytesOps.concatError(rt, a, b);
        if (op == BinOperator.ADD && seqA) {
            throw rt.typeError("can only concatenate " + a.type().name + " (not \"" + b.type().name + "\") to " + a.type().name);
        }
        if (op == BinOperator.MUL && (seqA || seqB)) {
            PyObject n = seqA ? b : a;
            if (!hasIndex(rt, n)) throw rt.typeError("can't multiply sequence by non-int of type '" + n.type().name + "'");
            // sequence_repeat: a count with __index__ is PyNumber_AsSsize_t's (a list on the left of *= repeats in place).
            PyInt count = fittingIndex(rt, n, PyExc.OVERFLOW_ERROR);
            try {
                return seqA ? (inplace ? inplace(rt, op, a, count) : binary(rt, op, a, count)) : binary(rt, op, count, b);
            } finally {
                rt.heap.decref(count);
            }
        }
        String symbol = inplace ? op.symbol + "=" : op == BinOperator.POW ? "** or pow()" : op.symbol;
        throw rt.typeError("unsupported operand type(s) for " + symbol + ": '" + a.type().name + "' and '"
                + b.type().name + "'");
    }

    /** method_is_overloaded: the right operand's class has the method, and not as the left's class has it. */
    private static boolean overridden(PyRuntime rt, PyType left, PyType right, String method) {
        PyObject mine = right.lookup(rt, method);
        return mine != null && mine != left.lookup(rt, method);
    }

    /** a op= b: lists, sets and dicts change in place and return themselves; everything else as binary. */
    public static PyObject inplace(PyRuntime rt, BinOperator op, PyObject a, PyObject b) {
        if (WeakProxies.is(a)) return WeakProxies.inplace(rt, op, a, b); // INPLACE_WRAP_BINARY
        if (a instanceof PyCounter c && (op == BinOperator.ADD || op == BinOperator.SUB || op == BinOperator.BITOR || op == BinOperator.BITAND)) return CounterOps.inplace(rt, op, c, b);
        if (a instanceof PyDeque d && op == BinOperator.ADD) return DequeType.inplaceConcat(rt, d, b);
        if (a instanceof PyDeque && op == BinOperator.MUL) return builtinBinary(rt, op, a, b);
        if (a instanceof PyByteArray ba && op == BinOperator.ADD) return BytesOps.inplaceConcat(rt, ba, b);
        if (a instanceof PyByteArray ba && op == BinOperator.MUL && b instanceof PyInt) return BytesOps.inplaceRepeat(rt, ba, toIndex(rt, b));
        if (a instanceof PyArray arr && (op == BinOperator.ADD || op == BinOperator.MUL && b instanceof PyInt)) {
            return ArraySlices.inplace(rt, op, arr, b);
        }
        if (a instanceof PyList l && op == BinOperator.ADD) {
            ListGrowth.extend(rt, l, b); // list_inplace_concat
            return rt.heap.newRef(l);
        }
        if (a instanceof PyList l && op == BinOperator.MUL && b instanceof PyInt) {
            long n = toSize(rt, b);
            int size = l.size;
            checkLength(rt, times(size, n));
            rt.charge(times(size, n));
            // list_inplace_repeat: an empty list or n == 1 is left alone; n < 1 clears; else one list_resize.
            if (n <= 0 && size > 0) l.releaseReferences(rt.heap);
            if (n > 1 && size > 0) l.resize((int) (size * n));
            for (long k = 1; k < n; k++) for (int i = 0; i < size; i++) l.appendOwned(again(rt, l.items[i]));
            return rt.heap.newRef(l);
        }
        // set_ior, set_iand, set_isub, set_ixor: a set (never a frozenset) changed in place, with a set or frozenset.
        if (a instanceof PySet s && !s.frozen && b instanceof PySet other
                && setOperator(op)) {
            switch (op) {
                case BITOR -> SetMethods.updateFrom(rt, s, other);
                case BITAND -> SetMethods.intersectionUpdate(rt, s, other);
                case SUB -> SetMethods.differenceUpdate(rt, s, other);
                default -> SetMethods.symmetricDifferenceUpdate(rt, s, other);
            }
            return rt.heap.newRef(s);
        }
        if (a instanceof PyODict od && op == BinOperator.BITOR) return OrderedDictType.inplaceOr(rt, od, b);
        if (a instanceof PyDict d && op == BinOperator.BITOR) { // dict_ior: dict_update_arg takes a mapping or pairs
            dev.refgrade.runtime.stdlib.DictMethods.merge(rt, d, b);
            return rt.heap.newRef(d);
        }
        if (a instanceof PyInstance) {
            String name = op.method;
            PyObject r = rt.ops.callDunder(a, "__i" + name + "__", b);
            if (r != null && r != PyRuntime.NOT_IMPLEMENTED) return r;
        }
        return binary(rt, op, a, b, true);
    }

    private static PyObject builtinBinary(PyRuntime rt, BinOperator op, PyObject a, PyObject b) {
        if (a instanceof PyArray || b instanceof PyArray) {
            PyObject r = ArraySlices.binary(rt, op, a, b);
            if (r != null) return r;
        }
        if (a instanceof PyInt x && b instanceof PyInt y) return ints(rt, op, x, y);
        if (a instanceof PyComplex || b instanceof PyComplex) {
            PyObject r = Complexes.binary(rt, op, a, b);
            if (r != null) return r;
        }
        if (isNumber(a) && isNumber(b)) return floats(rt, op, toDouble(rt, a), toDouble(rt, b));
        if (a instanceof PyDeque d && op == BinOperator.ADD) return DequeType.concat(rt, d, b);
        if ((a instanceof PyDeque || b instanceof PyDeque) && op == BinOperator.MUL) {
            throw rt.refusal("repeating a deque with * (deque_repeat is not modelled)");
        }
        return switch (op) {
            case ADD -> concat(rt, a, b);
            case MUL -> a instanceof PyInt n ? repeat(rt, b, n) : b instanceof PyInt n ? repeat(rt, a, n) : null;
            case MOD -> {
                if (a instanceof PyBytes || a instanceof PyByteArray) {
                    throw rt.refusal("% formatting of " + a.type().name);
                }
                yield a instanceof PyStr s ? PercentFormat.format(rt, s, b) : null;
            }
            case BITOR, BITAND, SUB, BITXOR -> setOrDictOp(rt, op, a, b);
            default -> null;
        };
    }

    private static PyObject ints(PyRuntime rt, BinOperator op, PyInt x, PyInt y) {
        // bool_and, bool_or, bool_xor: two bools give a bool.
        if (x instanceof PyBool a && y instanceof PyBool b) {
            switch (op) {
                case BITAND: return PyRuntime.bool(a.value & b.value);
                case BITOR: return PyRuntime.bool(a.value | b.value);
                case BITXOR: return PyRuntime.bool(a.value ^ b.value);
                default: break;
            }
        }
        if (x.big == null && y.big == null) {
            long a = x.small, b = y.small;
            try {
                switch (op) {
                    case ADD: return rt.newInt(Math.addExact(a, b));
                    case SUB: return rt.newInt(Math.subtractExact(a, b));
                    case MUL: return rt.newInt(Math.multiplyExact(a, b));
                    case FLOORDIV: if (b != 0 && !(a == Long.MIN_VALUE && b == -1)) return rt.newInt(Math.floorDiv(a, b)); break;
                    case MOD: if (b != 0) return rt.newInt(Math.floorMod(a, b)); break;
                    case DIV:
                        // Both exactly representable: one correctly rounded division, as CPython's.
                        if (b != 0 && Math.abs(a) < (1L << 53) && Math.abs(b) < (1L << 53)) return rt.newFloat((double) a / b);
                        break;
                    case BITAND: return rt.newInt(a & b);
                    case BITOR: return rt.newInt(a | b);
                    case BITXOR: return rt.newInt(a ^ b);
                    default: break;
                }
            } catch (ArithmeticException overflow) {
                // falls through to arbitrary precision
            }
        }
        BigInteger a = x.bigValue(), b = y.bigValue();
        rt.charge(switch (op) {
            case MUL, DIV, FLOORDIV, MOD -> multiplyCost(words(a), words(b));
            case POW, LSHIFT, RSHIFT -> 1; // charged below, once the result's size is known
            default -> (words(a) + words(b)) / WORDS_PER_STEP + 1;
        });
        return switch (op) {
            case ADD -> rt.newInt(a.add(b));
            case SUB -> rt.newInt(a.subtract(b));
            case MUL -> {
                checkBits(rt, (long) a.bitLength() + b.bitLength());
                yield rt.newInt(a.multiply(b));
            }
            case DIV -> {
                if (b.signum() == 0) throw rt.error(PyExc.ZERO_DIVISION_ERROR, "division by zero");
                yield rt.newFloat(trueDivide(rt, a, b));
            }
            case FLOORDIV, MOD -> {
                if (b.signum() == 0) {
                    throw rt.error(PyExc.ZERO_DIVISION_ERROR, op == BinOperator.MOD ? "integer modulo by zero" : "integer division or modulo by zero");
                }
                BigInteger[] qr = a.divideAndRemainder(b);
                if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
                    qr[0] = qr[0].subtract(BigInteger.ONE);
                    qr[1] = qr[1].add(b);
                }
                yield rt.newInt(op == BinOperator.MOD ? qr[1] : qr[0]);
            }
            case POW -> {
                if (b.signum() < 0) yield floats(rt, op, toDouble(rt, a), toDouble(rt, b));
                if (b.signum() == 0) yield rt.newInt(1); // x ** 0 is 1, 0 ** 0 too
                // 0, 1 and -1 stay small under any power; every other base gains a bit per step at least.
                if (a.abs().compareTo(BigInteger.ONE) <= 0) yield rt.newInt(a.signum() >= 0 || !b.testBit(0) ? a.abs() : a);
                checkBits(rt, b.bitLength() > 31 ? Long.MAX_VALUE : (long) a.bitLength() * b.intValue());
                long w = (long) a.bitLength() * b.intValue() / 64 + 1;
                rt.charge(multiplyCost(w, w));
                yield rt.newInt(a.pow(b.intValue()));
            }
            case LSHIFT -> {
                if (b.signum() < 0) throw rt.error(PyExc.VALUE_ERROR, "negative shift count");
                if (a.signum() == 0) yield rt.newInt(0);
                checkBits(rt, b.bitLength() > 31 ? Long.MAX_VALUE : a.bitLength() + b.longValue());
                rt.charge((a.bitLength() + b.longValue()) / 64 / WORDS_PER_STEP + 1);
                yield rt.newInt(a.shiftLeft(b.intValue()));
            }
            case RSHIFT -> {
                if (b.signum() < 0) throw rt.error(PyExc.VALUE_ERROR, "negative shift count");
                yield rt.newInt(b.bitLength() > 31 ? BigInteger.valueOf(a.signum() < 0 ? -1 : 0) : a.shiftRight(b.intValue()));
            }
            case BITAND -> rt.newInt(a.and(b));
            case BITOR -> rt.newInt(a.or(b));
            case BITXOR -> rt.newInt(a.xor(b));
            case MATMUL -> null;
        };
    }

    /** Big-int work is charged a step per 64 machine-word operations: it counts toward the budgets like a loop. */
    private static final long WORDS_PER_STEP = 64;

    private static long words(BigInteger v) {
        return v.bitLength() / 64 + 1;
    }

    /** Karatsuba's cost, which CPython uses past 70 digits: about min^0.585 * max word products. */
    private static long multiplyCost(long wa, long wb) {
        long lo = Math.min(wa, wb), hi = Math.max(wa, wb);
        return (long) (Math.pow(lo, 0.585) * hi) / WORDS_PER_STEP + 1;
    }

    private static void checkBits(PyRuntime rt, long bits) {
        if (bits > MAX_BITS) throw new LimitExceeded("the program computed an int of more than " + MAX_BITS + " bits");
    }

    private static PyObject floats(PyRuntime rt, BinOperator op, double a, double b) {
        return switch (op) {
            case ADD -> rt.newFloat(a + b);
            case SUB -> rt.newFloat(a - b);
            case MUL -> rt.newFloat(a * b);
            case DIV -> {
                if (b == 0) throw rt.error(PyExc.ZERO_DIVISION_ERROR, "float division by zero");
                yield rt.newFloat(a / b);
            }
            case FLOORDIV -> {
                if (b == 0) throw rt.error(PyExc.ZERO_DIVISION_ERROR, "float floor division by zero");
                yield rt.newFloat(floorDiv(a, b));
            }
            case MOD -> {
                if (b == 0) throw rt.error(PyExc.ZERO_DIVISION_ERROR, "float modulo");
                yield rt.newFloat(floatMod(a, b));
            }
            case POW -> floatPower(rt, a, b);
            default -> null;
        };
    }

    /** float_rem: fmod, moved to the divisor's sign; a zero remainder takes the divisor's sign too. */
    static double floatMod(double a, double b) {
        double mod = a % b; // Java's % is C's fmod
        if (mod != 0) return (b < 0) != (mod < 0) ? mod + b : mod;
        return Math.copySign(0.0, b);
    }

    /** _float_div_mod's quotient: (a - fmod) / b, stepped down with the remainder, snapped to an integral value. */
    static double floorDiv(double a, double b) {
        double mod = a % b, div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1.0;
        if (div == 0) return Math.copySign(0.0, a / b); // a zero quotient takes the true quotient's sign
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    /** float_pow: C99's special cases, a negative base to a fractional power made complex, overflow an error. */
    private static PyObject floatPower(PyRuntime rt, double a, double b) {
        if (b == 0) return rt.newFloat(1.0);
        if (Double.isNaN(a)) return rt.newFloat(a);
        if (Double.isNaN(b)) return rt.newFloat(a == 1.0 ? 1.0 : b);
        if (Double.isInfinite(b)) {
            double m = Math.abs(a);
            return rt.newFloat(m == 1.0 ? 1.0 : (b > 0) == (m > 1.0) ? Math.abs(b) : 0.0);
        }
        boolean odd = Math.abs(b) < 0x1p53 && b == Math.floor(b) && ((long) b & 1) == 1;
        if (Double.isInfinite(a)) return rt.newFloat(b > 0 ? (odd ? a : Math.abs(a)) : (odd ? Math.copySign(0.0, a) : 0.0));
        if (a == 0) {
            if (b < 0) {
                throw rt.error(PyExc.ZERO_DIVISION_ERROR, rt.rules.zeroPowerWording ? "zero to a negative power" : "0.0 cannot be raised to a negative power");
            }
            return rt.newFloat(odd ? a : 0.0);
        }
        boolean negate = false;
        if (a < 0) {
            if (b != Math.floor(b)) return Complexes.realPower(rt, a, b); // negative numbers to fractional powers become complex
            a = -a;
            negate = odd;
        }
        if (a == 1.0) return rt.newFloat(negate ? -1.0 : 1.0);
        double r = Math.pow(a, b);
        if (Double.isInfinite(r)) throw rangeError(rt); // _Py_ADJUST_ERANGE1: ERANGE
        return rt.newFloat(negate ? -r : r);
    }

    /** PyErr_SetFromErrno(PyExc_OverflowError) with errno ERANGE: OverflowError(34, 'Numerical result out of range'). */
    private static PyException rangeError(PyRuntime rt) {
        PyObject code = rt.newInt(34), text = rt.newStr("Numerical result out of range");
        try {
            return new PyException((dev.refgrade.runtime.objects.PyBaseExc) rt.ops.call(PyExc.OVERFLOW_ERROR, code, text), null);
        } finally {
            rt.heap.decref(code);
            rt.heap.decref(text);
        }
    }

    private static PyObject concat(PyRuntime rt, PyObject a, PyObject b) {
        Heap heap = rt.heap;
        if (a instanceof PyBytes || a instanceof PyByteArray) return BytesOps.concat(rt, a, b);
        if (a instanceof PyStr x && b instanceof PyStr y) {
            // unicode_concat returns an operand unchanged when the other is empty.
            if (y.value.isEmpty()) return heap.newRef(x);
            if (x.value.isEmpty()) return heap.newRef(y);
            return rt.newStr(x.value + y.value);
        }
        if (a instanceof PyList x && b instanceof PyList y) {
            PyObject[] out = new PyObject[x.size + y.size];
            for (int i = 0; i < x.size; i++) out[i] = heap.newRef(x.items[i]);
            for (int i = 0; i < y.size; i++) out[x.size + i] = heap.newRef(y.items[i]);
            return rt.newList(out, out.length).allocatedExactly(); // list_concat: list_new_prealloc(n)
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            if (y.items.length == 0) return heap.newRef(x);
            if (x.items.length == 0) return heap.newRef(y);
            PyObject[] out = new PyObject[x.items.length + y.items.length];
            for (int i = 0; i < x.items.length; i++) out[i] = heap.newRef(x.items[i]);
            for (int i = 0; i < y.items.length; i++) out[x.items.length + i] = heap.newRef(y.items[i]);
            return rt.newTuple(out);
        }
        return null;
    }

    /** A list item's second and later repetition: the same object, or a copy under Variation.REPETITION_COPIES. */
    private static PyObject again(PyRuntime rt, PyObject item) {
        rt.heap.incref(item);
        return rt.varies(Variation.REPETITION_COPIES) ? CopyModule.separate(rt, item) : item;
    }

    private static PyObject repeat(PyRuntime rt, PyObject seq, PyInt times) {
        Heap heap = rt.heap;
        long n = Math.max(0, toSize(rt, times));
        return switch (seq) {
            case PyBytes b -> BytesOps.repeat(rt, b, n);
            case PyByteArray b -> BytesOps.repeat(rt, b, n);
            case PyStr s -> {
                if (n == 1) yield heap.newRef(s);
                checkLength(rt, times(s.value.length(), n));
                yield rt.newStr(s.value.repeat((int) n));
            }
            case PyList l -> {
                checkLength(rt, times(l.size, n));
                PyObject[] out = new PyObject[(int) (l.size * n)];
                for (int i = 0; i < out.length; i++) out[i] = i < l.size ? heap.newRef(l.items[i]) : again(rt, l.items[i % l.size]);
                yield rt.newList(out, out.length).allocatedExactly(); // list_repeat: list_new_prealloc(n)
            }
            case PyTuple t -> {
                if (n == 1) yield heap.newRef(t);
                checkLength(rt, times(t.items.length, n));
                PyObject[] out = new PyObject[(int) (t.items.length * n)];
                for (int i = 0; i < out.length; i++) out[i] = heap.newRef(t.items[i % t.items.length]);
                yield rt.newTuple(out);
            }
            default -> null;
        };
    }

    /** The length of {@code n} repetitions, saturating where a long would overflow. */
    private static long times(long length, long n) {
        return n > 0 && length > Long.MAX_VALUE / n ? Long.MAX_VALUE : length * n;
    }

    private static void checkLength(PyRuntime rt, long n) {
        if (n > rt.limits.maxSequenceLength()) {
            throw new LimitExceeded("the program built a sequence of " + n + " items (the limit is "
                    + rt.limits.maxSequenceLength() + ")");
        }
    }

    private static PyObject setOrDictOp(PyRuntime rt, BinOperator op, PyObject a, PyObject b) {
        if (op == BinOperator.BITOR && (a instanceof PyDefaultDict || a instanceof PyODict || b instanceof PyDefaultDict || b instanceof PyODict)) {
            // The left operand's nb_or first; the right one's first only when it is a subclass of the left's type.
            PyObject owner = a instanceof PyDefaultDict || a instanceof PyODict ? a : b;
            PyObject r = owner instanceof PyODict ? OrderedDictType.or(rt, a, b) : DefaultDictType.or(rt, a, b);
            if (r != null) return r;
        }
        if (a instanceof PyDict x && b instanceof PyDict y && op == BinOperator.BITOR) {
            PyDict d = rt.newDict();
            Builtins.dictUpdate(rt, d, x);
            Builtins.dictUpdate(rt, d, y);
            return d;
        }
        if (!(a instanceof PySet x) || !(b instanceof PySet y)) return null;
        if (op == BinOperator.BITAND) return SetMethods.intersect(rt, x, y);
        PySet out = rt.newSet(x.frozen);
        switch (op) {
            case BITOR -> { // set_or: a copy of x, then y merged in
                out.merge(rt, x);
                out.merge(rt, y);
            }
            case SUB -> {
                if ((x.used >> 2) > y.used) { // set_copy_and_difference: a copy, then set_difference_update_internal
                    out.merge(rt, x);
                    SetMethods.differenceUpdate(rt, out, y);
                } else {
                    for (int i = x.nextSlot(0); i < x.table.length; i = x.nextSlot(i + 1)) {
                        if (!y.contains(rt, x.table[i])) out.add(rt, x.table[i]);
                    }
                }
            }
            default -> { // set_symmetric_difference: a copy of y, then each of x's members toggled
                out.merge(rt, y);
                for (int i = x.nextSlot(0); i < x.table.length; i = x.nextSlot(i + 1)) {
                    if (!out.discard(rt, x.table[i])) out.add(rt, x.table[i]);
                }
            }
        }
        return out;
    }
}
