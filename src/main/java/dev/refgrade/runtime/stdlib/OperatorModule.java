package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.BinOperator;
import dev.refgrade.python.CmpOp;
import dev.refgrade.python.UnaryOperator;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.protocol.Arith;
import java.util.Map;

/**
 * operator (Modules/_operator.c): the operators as functions, each the same abstract operation the
 * interpreter runs for the symbol, and the itemgetter, attrgetter and methodcaller types (OperatorGetters).
 */
final class OperatorModule {
    private OperatorModule() {}

    static Map<String, PyObject> contents() {
        Registry reg = Registry.module("operator");
        binary(reg, BinOperator.ADD, "add");
        binary(reg, BinOperator.SUB, "sub");
        binary(reg, BinOperator.MUL, "mul");
        binary(reg, BinOperator.MATMUL, "matmul");
        binary(reg, BinOperator.DIV, "truediv");
        binary(reg, BinOperator.FLOORDIV, "floordiv");
        binary(reg, BinOperator.MOD, "mod");
        binary(reg, BinOperator.POW, "pow");
        binary(reg, BinOperator.LSHIFT, "lshift");
        binary(reg, BinOperator.RSHIFT, "rshift");
        binary(reg, BinOperator.BITAND, "and_");
        binary(reg, BinOperator.BITOR, "or_");
        binary(reg, BinOperator.BITXOR, "xor");
        for (BinOperator op : BinOperator.values()) inplace(reg, op, "i" + op.method); // iadd ... itruediv ... ixor
        compare(reg, CmpOp.EQ, "eq");
        compare(reg, CmpOp.NE, "ne");
        compare(reg, CmpOp.LT, "lt");
        compare(reg, CmpOp.LE, "le");
        compare(reg, CmpOp.GT, "gt");
        compare(reg, CmpOp.GE, "ge");
        reg.function("neg", "a, /", (rt, a) -> Arith.unary(rt, UnaryOperator.NEG, a.get("a")));
        reg.function("pos", "a, /", (rt, a) -> Arith.unary(rt, UnaryOperator.POS, a.get("a")));
        reg.function("invert", "a, /", (rt, a) -> Arith.unary(rt, UnaryOperator.INVERT, a.get("a")));
        reg.function("inv", "a, /", (rt, a) -> Arith.unary(rt, UnaryOperator.INVERT, a.get("a")));
        reg.function("not_", "a, /", (rt, a) -> PyRuntime.bool(!rt.ops.truthy(a.get("a"))));
        reg.function("truth", "a, /", (rt, a) -> PyRuntime.bool(rt.ops.truthy(a.get("a"))));
        reg.function("is_", "a, b, /", (rt, a) -> PyRuntime.bool(a.get("a") == a.get("b")));
        reg.function("is_not", "a, b, /", (rt, a) -> PyRuntime.bool(a.get("a") != a.get("b")));
        reg.function("contains", "a, b, /", (rt, a) -> PyRuntime.bool(rt.ops.contains(a.get("a"), a.get("b"))));
        reg.function("getitem", "a, b, /", (rt, a) -> rt.ops.getItem(a.get("a"), a.get("b")));
        reg.function("setitem", "a, b, c, /", (rt, a) -> {
            rt.ops.setItem(a.get("a"), a.get("b"), a.get("c"));
            return PyRuntime.NONE;
        });
        reg.function("delitem", "a, b, /", (rt, a) -> {
            rt.ops.delItem(a.get("a"), a.get("b"));
            return PyRuntime.NONE;
        });
        reg.function("index", "a, /", (rt, a) -> Arith.indexObject(rt, a.get("a")));
        // PySequence_Count and PySequence_Index: always by iteration, whatever the sequence.
        reg.function("countOf", "a, b, /", (rt, a) -> rt.newInt(rt.ops.countOf(a.get("a"), a.get("b"))));
        reg.function("indexOf", "a, b, /", (rt, a) -> rt.newInt(rt.ops.indexOf(a.get("a"), a.get("b"))));
        reg.function("abs", "a, /", (rt, a) -> Functions.absolute(rt, a.get("a")));
        OperatorGetters.install(reg);
        return reg.contents();
    }

    private static void binary(Registry reg, BinOperator op, String name) {
        reg.function(name, "a, b, /", (rt, a) -> Arith.binary(rt, op, a.get("a"), a.get("b")));
    }

    private static void inplace(Registry reg, BinOperator op, String name) {
        reg.function(name, "a, b, /", (rt, a) -> Arith.inplace(rt, op, a.get("a"), a.get("b")));
    }

    private static void compare(Registry reg, CmpOp op, String name) {
        reg.function(name, "a, b, /", (rt, a) -> rt.ops.richCompare(a.get("a"), a.get("b"), op));
    }
}
