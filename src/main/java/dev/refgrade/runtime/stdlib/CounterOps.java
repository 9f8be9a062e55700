package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.BinOperator;
import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyCounter;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.protocol.Arith;
import java.util.List;

/** Counter's comparisons and operators (Lib/collections/__init__.py, 3.11): results built item by item as its code builds them. */
public final class CounterOps {
    private CounterOps() {}

    /**
     * Counter's rich comparisons with another Counter: every element of either, missing ones 0;
     * == and <= / >= over all of them, < and > as those and !=.
     */
    public static boolean compare(PyRuntime rt, PyCounter x, PyCounter y, CmpOp op) {
        return switch (op) {
            case EQ -> all(rt, x, y, CmpOp.EQ);
            case NE -> !all(rt, x, y, CmpOp.EQ);
            case LE -> all(rt, x, y, CmpOp.LE);
            case GE -> all(rt, x, y, CmpOp.GE);
            case LT -> all(rt, x, y, CmpOp.LE) && !all(rt, x, y, CmpOp.EQ);
            case GT -> all(rt, x, y, CmpOp.GE) && !all(rt, x, y, CmpOp.EQ);
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /** all(self[e] OP other[e] for c in (self, other) for e in c). */
    private static boolean all(PyRuntime rt, PyCounter x, PyCounter y, CmpOp op) {
        for (PyCounter side : List.of(x, y)) {
            for (int i = side.nextEntry(0); i < side.entries; i = side.nextEntry(i + 1)) {
                PyObject e = side.keys[i];
                PyObject a = CounterType.getOrZero(rt, x, e), b = CounterType.getOrZero(rt, y, e);
                try {
                    if (!rt.ops.compareBool(a, b, op)) return false;
                } finally {
                    rt.heap.decref(a);
                    rt.heap.decref(b);
                }
            }
        }
        return true;
    }


    /**
     * The binary operators: a new Counter with self's elements first, then other's; + and - and |
     * and & keep positive results only (- also takes other's negative counts, negated).
     */
    public static PyObject binary(PyRuntime rt, BinOperator op, PyCounter x, PyCounter y) {
        PyCounter result = CounterType.make(rt, PyRuntime.NONE, Kwargs.NONE);
        try {
            CounterType.forEachItem(rt, x, (elem, count) -> {
                PyObject other = CounterType.getOrZero(rt, y, elem);
                PyObject made = switch (op) {
                    case ADD -> CounterType.add(rt, count, other);
                    case SUB -> CounterType.sub(rt, rt.heap.newRef(count), other);
                    default -> {
                        boolean less = rt.ops.compareBool(count, other, CmpOp.LT);
                        PyObject pick = op == BinOperator.BITOR ? (less ? other : count) : (less ? count : other);
                        rt.heap.incref(pick);
                        rt.heap.decref(other);
                        yield pick;
                    }
                };
                keepIfPositive(rt, result, elem, made);
            });
            if (op != BinOperator.BITAND) {
                CounterType.forEachItem(rt, y, (elem, count) -> {
                    if (x.getBorrowed(rt, elem) != null) return;
                    if (op == BinOperator.SUB) {
                        if (rt.ops.compareBool(count, PyRuntime.smallInt(0), CmpOp.LT)) {
                            CounterType.store(rt, result, elem, Arith.binary(rt, BinOperator.SUB, PyRuntime.smallInt(0), count));
                        }
                    } else if (rt.ops.compareBool(count, PyRuntime.smallInt(0), CmpOp.GT)) {
                        rt.ops.setItem(result, elem, count);
                    }
                });
            }
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        return result;
    }

    /** `if newcount > 0: result[elem] = newcount`, taking newcount. */
    private static void keepIfPositive(PyRuntime rt, PyCounter result, PyObject elem, PyObject owned) {
        try {
            if (rt.ops.compareBool(owned, PyRuntime.smallInt(0), CmpOp.GT)) rt.ops.setItem(result, elem, owned);
        } finally {
            rt.heap.decref(owned);
        }
    }

    /** +c (only positive counts) and -c (negative counts negated). */
    public static PyObject unary(PyRuntime rt, PyCounter c, boolean negate) {
        PyCounter result = CounterType.make(rt, PyRuntime.NONE, Kwargs.NONE);
        try {
            CounterType.forEachItem(rt, c, (elem, count) -> {
                if (!negate && rt.ops.compareBool(count, PyRuntime.smallInt(0), CmpOp.GT)) rt.ops.setItem(result, elem, count);
                if (negate && rt.ops.compareBool(count, PyRuntime.smallInt(0), CmpOp.LT)) {
                    CounterType.store(rt, result, elem, Arith.binary(rt, BinOperator.SUB, PyRuntime.smallInt(0), count));
                }
            });
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        return result;
    }

    /**
     * The in-place operators on self's own entries, then _keep_positive: a list of the elements whose
     * count is not > 0, each then deleted. Returns self.
     */
    public static PyObject inplace(PyRuntime rt, BinOperator op, PyCounter c, PyObject other) {
        if (!(other instanceof PyDict o)) throw rt.error(PyExc.ATTRIBUTE_ERROR, "'" + other.type().name + "' object has no attribute 'items'");
        switch (op) {
            case ADD, SUB -> CounterType.forEachItem(rt, o, (elem, count) -> {
                PyObject old = rt.ops.getItem(c, elem);
                CounterType.store(rt, c, elem, op == BinOperator.ADD ? CounterType.add(rt, old, rt.heap.newRef(count)) : CounterType.sub(rt, old, count));
            });
            case BITOR -> CounterType.forEachItem(rt, o, (elem, otherCount) -> {
                PyObject count = rt.ops.getItem(c, elem);
                try {
                    if (rt.ops.compareBool(otherCount, count, CmpOp.GT)) rt.ops.setItem(c, elem, otherCount);
                } finally {
                    rt.heap.decref(count);
                }
            });
            default -> CounterType.forEachItem(rt, c, (elem, count) -> {
                PyObject otherCount = rt.ops.getItem(o, elem);
                try {
                    if (rt.ops.compareBool(otherCount, count, CmpOp.LT)) rt.ops.setItem(c, elem, otherCount);
                } finally {
                    rt.heap.decref(otherCount);
                }
            });
        }
        keepPositive(rt, c);
        return rt.heap.newRef(c);
    }

    private static void keepPositive(PyRuntime rt, PyCounter c) {
        PyList nonpositive = rt.newList();
        try {
            CounterType.forEachItem(rt, c, (elem, count) -> {
                if (!rt.ops.compareBool(count, PyRuntime.smallInt(0), CmpOp.GT)) nonpositive.appendOwned(rt.heap.newRef(elem));
            });
            for (int i = 0; i < nonpositive.size; i++) rt.ops.delItem(c, nonpositive.items[i]);
        } finally {
            rt.heap.decref(nonpositive);
        }
    }
}
