package dev.refgrade.runtime.compile;

import dev.refgrade.python.BinOperator;
import dev.refgrade.python.Expr;
import dev.refgrade.python.UnaryOperator;
import dev.refgrade.runtime.LimitExceeded;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyBareObject;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.protocol.Arith;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Literal constants as CPython 3.11 makes them: the parser creates one object per literal and its
 * AST arena keeps it alive while the file runs; the AST optimizer folds constant expressions
 * (Python/ast_opt.c, within its size limits); the compiler merges equal constants across the whole
 * file (c_const_cache) and interns identifier-like strings (intern_string_constants).
 */
public final class Constants {
    private static final int MAX_INT_SIZE = 128, MAX_STR_SIZE = 4096, MAX_COLLECTION_SIZE = 256;

    private final PyRuntime rt;
    /** The parse tree's arena: one owned reference per literal and per folded result. */
    public final List<PyObject> arena = new ArrayList<>();
    private final Map<Object, PyObject> cache = new HashMap<>();
    /** Identifier-like str constants whose interning gave another, earlier interned object (intern_string_constants' "modified"). */
    private final java.util.Set<PyObject> internedOther = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Folded results only the compilation holds (from 3.14); released when it ends. */
    private final List<PyObject> compilationHeld = new ArrayList<>();
    /** What each AST node folded to, NOT_CONSTANT when nothing: the parser makes one object per literal, once. */
    private final Map<Expr, PyObject> folded = new IdentityHashMap<>();
    /** The constant each slice node is made into (3.14), NOT_CONSTANT when none; apart from what it folds to, which is nothing. */
    private final Map<Expr, PyObject> owned = new IdentityHashMap<>();
    private final Map<Expr.Slice, PyObject> slices = new IdentityHashMap<>();
    private static final PyObject NOT_CONSTANT = new PyBareObject();

    Constants(PyRuntime rt) {
        this.rt = rt;
    }

    /** The canonical constant an expression folds to, or null when it is not constant. */
    public PyObject fold(Expr e) {
        PyObject known = folded.get(e);
        if (known == null) {
            PyObject result = foldOnce(e);
            known = result == null ? NOT_CONSTANT : result;
            folded.put(e, known);
        }
        return known == NOT_CONSTANT ? null : known;
    }

    private PyObject foldOnce(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> own(e, keep(rt.newUncachedInt(i.value())));
            case Expr.FloatLit f -> own(e, keep(rt.newFloat(f.value())));
            case Expr.ImagLit j -> own(e, keep(rt.newComplex(0.0, j.value())));
            case Expr.StrLit s -> canonical(keep(rt.newStr(s.value())));
            case Expr.BytesLit b -> canonical(keep(rt.newBytes(b.value().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
            case Expr.BoolLit b -> PyRuntime.bool(b.value());
            case Expr.NoneLit n -> PyRuntime.NONE;
            case Expr.EllipsisLit el -> PyRuntime.ELLIPSIS;
            case Expr.FString f when f.parts().stream().allMatch(p -> p instanceof Expr.StrLit) -> {
                StringBuilder b = new StringBuilder();
                for (Expr p : f.parts()) b.append(((Expr.StrLit) p).value());
                yield canonical(keep(rt.newStr(b.toString())));
            }
            case Expr.UnaryOp u -> foldUnary(u);
            case Expr.BinOp b -> foldBinary(b);
            case Expr.TupleExpr t -> foldTuple(t.elts());
            case Expr.Subscript s when s.index() instanceof Expr.Slice sl -> rt.rules.constantSlices ? foldSubscript(s, sliceOf(sl), true) : null;
            case Expr.Subscript s -> foldSubscript(s, fold(s.index()), false);
            default -> null;
        };
    }

    /**
     * The node's own object, then the canonical constant it stands for. A parent folded from it works
     * on the own object, as the AST optimizer does before the compiler merges equal constants.
     */
    private PyObject own(Expr e, PyObject o) {
        owned.put(e, o);
        return canonical(o);
    }

    private PyObject keep(PyObject o) {
        arena.add(o);
        return o;
    }

    /**
     * A folded tuple, unary or binary operation. gh-126835 (3.14) moved that folding from the AST
     * optimizer into the code generator and flowgraph, so the result is no longer a node of the
     * parse tree: only the compilation holds it, and then the code objects whose constant it is.
     */
    private PyObject keepFolded(PyObject o) {
        if (!rt.rules.foldingAfterParse) return keep(o);
        compilationHeld.add(o);
        return o;
    }

    /** The compilation ends: what only it held goes (CPython's compiler state is freed with it). */
    void compilationEnded() {
        for (PyObject o : compilationHeld) rt.heap.decref(o);
        compilationHeld.clear();
    }

    private PyObject foldUnary(Expr.UnaryOp u) {
        PyObject v = fold(u.operand());
        if (v == null) return null;
        if (u.op() == UnaryOperator.NOT) return PyRuntime.bool(!rt.ops.truthy(v));
        if (!(Arith.isNumber(v) || v instanceof PyComplex)) return null;
        try {
            // +x of an exact number is x itself: the operand node's object, not the constant it was merged into.
            return own(u, keepFolded(Arith.unary(rt, u.op(), owned.getOrDefault(u.operand(), v))));
        } catch (PyException err) {
            return null;
        }
    }

    private PyObject foldBinary(Expr.BinOp b) {
        PyObject l = fold(b.left());
        PyObject r = fold(b.right());
        if (l == null || r == null || !safe(b.op(), l, r)) return null;
        try {
            return own(b, keepFolded(Arith.binary(rt, b.op(), l, r)));
        } catch (PyException | LimitExceeded err) {
            return null;
        }
    }

    /** ast_opt.c's safe_multiply, safe_power, safe_lshift and safe_mod. */
    private boolean safe(BinOperator op, PyObject l, PyObject r) {
        return switch (op) {
            case MUL -> {
                if (l instanceof PyInt a && r instanceof PyInt c) {
                    yield a.bigValue().signum() == 0 || c.bigValue().signum() == 0
                            || a.bigValue().bitLength() + c.bigValue().bitLength() <= MAX_INT_SIZE;
                }
                PyObject seq = l instanceof PyInt ? r : l;
                PyObject n = l instanceof PyInt ? l : r;
                if (!(n instanceof PyInt count) || count.big != null) yield !(seq instanceof PyStr || seq instanceof PyBytes || seq instanceof PyTuple);
                long times = Math.max(0, count.small);
                if (seq instanceof PyStr s) yield s.value.length() * times <= MAX_STR_SIZE;
                if (seq instanceof PyBytes s) yield s.length() * times <= MAX_STR_SIZE;
                if (seq instanceof PyTuple t) yield t.size() * times <= MAX_COLLECTION_SIZE;
                yield true;
            }
            case POW -> {
                if (l instanceof PyInt a && r instanceof PyInt c && a.bigValue().signum() != 0 && c.bigValue().signum() > 0) {
                    long wbits = c.bigValue().bitLength() > 62 ? Long.MAX_VALUE : c.bigValue().longValue();
                    yield a.bigValue().abs().bitLength() <= MAX_INT_SIZE / wbits;
                }
                yield true;
            }
            case LSHIFT -> {
                if (l instanceof PyInt a && r instanceof PyInt c && a.bigValue().signum() != 0) {
                    if (c.bigValue().bitLength() > 31) yield false;
                    long wbits = c.bigValue().longValue();
                    yield wbits <= MAX_INT_SIZE && a.bigValue().abs().bitLength() <= MAX_INT_SIZE - wbits;
                }
                yield true;
            }
            case MOD -> !(l instanceof PyStr || l instanceof PyBytes);
            default -> true;
        };
    }

    public PyObject foldTuple(List<Expr> elts) {
        PyObject[] items = new PyObject[elts.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = fold(elts.get(i));
            if (items[i] == null) return null;
        }
        for (PyObject o : items) rt.heap.incref(o);
        return canonical(keepFolded(rt.newTuple(items)));
    }

    /** Whether every item folds to a constant (are_all_items_const), each folded once as the compiler does anyway. */
    public boolean allConstant(List<Expr> elts) {
        for (Expr e : elts) if (fold(e) == null) return false;
        return true;
    }

    /**
     * gh-125063 (3.14): a slice whose bounds are absent or literals (Constant nodes: not a folded
     * -1) is made by the code generator as a constant, merged with equal ones; null otherwise.
     */
    public PyObject sliceOf(Expr.Slice s) {
        PyObject known = slices.get(s);
        if (known == null) {
            PyObject made = makeSlice(s);
            known = made == null ? NOT_CONSTANT : made;
            slices.put(s, known);
        }
        return known == NOT_CONSTANT ? null : known;
    }

    private PyObject makeSlice(Expr.Slice s) {
        Expr[] bounds = {s.lower(), s.upper(), s.step()};
        PyObject[] items = new PyObject[3];
        for (int i = 0; i < 3; i++) {
            Expr b = bounds[i];
            if (b instanceof Expr.UnaryOp || b instanceof Expr.BinOp || b instanceof Expr.TupleExpr) return null;
            items[i] = b == null ? PyRuntime.NONE : fold(b);
            if (items[i] == null) return null;
        }
        for (PyObject o : items) rt.heap.incref(o);
        return canonical(keepFolded(rt.newSlice(items[0], items[1], items[2])));
    }

    /**
     * The frozenset constant made of a set display whose items are all constant; null otherwise.
     * {@code byAstOptimizer}: made by fold_iter, whose frozenset the parse tree keeps (before 3.14)
     * besides the one the compiler merges; else by the compiler's starunpack_helper, which drops it.
     */
    public PyObject frozenSetOf(List<Expr> elts, boolean byAstOptimizer) {
        PyObject[] items = new PyObject[elts.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = fold(elts.get(i));
            if (items[i] == null) return null;
        }
        // fold_iter makes it of the parse tree's own constants, which merging then replaces by the file's.
        boolean ownItems = byAstOptimizer && !rt.rules.foldingAfterParse;
        PySet set = rt.newSet(true);
        for (int i = 0; i < items.length; i++) set.add(rt, ownItems ? owned.getOrDefault(elts.get(i), items[i]) : items[i]);
        // merge_consts_recursive: the first equal frozenset constant of the file stands for this one.
        Object key = key(set);
        PyObject existing = cache.get(key);
        if (existing != null) {
            if (rt.rules.frozensetConstantsAsBuilt && !sameTable((PySet) existing, set)) {
                rt.heap.decref(set);
                throw new dev.refgrade.runtime.Unsupported("a set display equal to an earlier one of the file but built in another"
                        + " order (which of the two 3.14 keeps for both is not modelled)", elts.get(0).span().line());
            }
            release(set, byAstOptimizer);
            return existing;
        }
        // Registering it, merge_consts_recursive makes it anew from its own iteration order (co_consts
        // shows the result); and makecode's intern_string_constants once more when interning replaced
        // one of its strs by an earlier interned one. 3.14 keeps the frozenset its items were added to.
        if (!rt.rules.frozensetConstantsAsBuilt) {
            PySet again = rebuilt(set, true);
            release(set, byAstOptimizer);
            set = again;
            // Every str internedOther holds is identifier-like: one of them makes the second rebuild certain.
            boolean identifierLike = false, interned = false;
            for (int i = set.nextSlot(0); i < set.table.length; i = set.nextSlot(i + 1)) {
                identifierLike |= set.table[i] instanceof PyStr s && PyStr.allNameChars(s.value);
                interned |= internedOther.contains(set.table[i]);
            }
            if (identifierLike) {
                again = rebuilt(set, false);
                if (!interned && !sameTable(again, set)) {
                    // Whether CPython interned an equal str at start-up (its builtins' and modules' names,
                    // thousands of them) decides whether it is made anew, and here that changes its order.
                    rt.heap.decref(again);
                    rt.heap.decref(set);
                    throw new dev.refgrade.runtime.Unsupported("a set display of constants holding identifier-like strings whose order"
                            + " depends on which strings CPython interned at start-up", elts.get(0).span().line());
                }
                rt.heap.decref(set);
                set = again;
            }
        }
        cache.put(key, set);
        return keep(set);
    }

    /** A frozenset of {@code set}'s members in its iteration order (each the file's canonical constant when {@code merge}). */
    private PySet rebuilt(PySet set, boolean merge) {
        PySet again = rt.newSet(true);
        for (int i = set.nextSlot(0); i < set.table.length; i = set.nextSlot(i + 1)) again.add(rt, merge ? canonical(set.table[i]) : set.table[i]);
        return again;
    }

    /** A frozenset made but not the constant: the parse tree keeps fold_iter's, the compiler drops its own. */
    private void release(PySet made, boolean byAstOptimizer) {
        if (byAstOptimizer) keepFolded(made);
        else rt.heap.decref(made);
    }

    /** Whether two sets of the same members hold them in the same slots, so iterate alike. */
    private static boolean sameTable(PySet a, PySet b) {
        return java.util.Arrays.equals(a.table, b.table);
    }

    /**
     * A subscript of a constant str, bytes or tuple by a constant index. 3.14 also folds a slicing
     * whose slice is a constant (gh-125063), in the flowgraph, so 'xyz'[::2] is a constant too.
     */
    private PyObject foldSubscript(Expr.Subscript s, PyObject index, boolean inFlowgraph) {
        PyObject v = fold(s.value());
        if (v == null || index == null || !(v instanceof PyStr || v instanceof PyBytes || v instanceof PyTuple)) return null;
        try {
            PyObject item = rt.ops.getItem(v, index);
            return canonical(inFlowgraph ? keepFolded(item) : keep(item));
        } catch (PyException err) {
            return null;
        }
    }

    /**
     * merge_consts_recursive: the first constant compiled with a given type and value stands for
     * every later equal one. Identifier-like strings are interned before the code runs.
     */
    PyObject canonical(PyObject o) {
        Object key = key(o);
        if (key == null) return o;
        PyObject existing = cache.get(key);
        if (existing != null) return existing;
        PyObject c = o;
        if (o instanceof PyStr s && PyStr.allNameChars(s.value)) {
            rt.heap.incref(s);
            c = rt.intern(s);
            if (c != s) internedOther.add(c);
        } else if (o instanceof PyTuple t) {
            for (int i = 0; i < t.items.length; i++) {
                PyObject item = canonical(t.items[i]);
                if (item != t.items[i]) {
                    rt.heap.incref(item);
                    rt.heap.decref(t.items[i]);
                    t.items[i] = item;
                }
            }
        }
        cache.put(key, c);
        return c;
    }

    /** _PyCode_ConstantKey: equal values of different types (1, 1.0, True) stay apart; -0.0 apart from 0.0. */
    static Object key(PyObject o) {
        return switch (o) {
            case PyBool b -> List.of("bool", b.value);
            case PyInt i -> List.of("int", i.bigValue());
            case PyFloat f -> List.of("float", Double.doubleToRawLongBits(f.value));
            case PyComplex c -> List.of("complex", Double.doubleToRawLongBits(c.real), Double.doubleToRawLongBits(c.imag));
            case PyStr s -> List.of("str", s.value);
            case PyBytes b -> List.of("bytes", new String(b.value(), java.nio.charset.StandardCharsets.ISO_8859_1));
            case PySingleton s -> List.of("singleton", s.name);
            case PyTuple t -> {
                List<Object> k = new ArrayList<>();
                k.add("tuple");
                for (PyObject item : t.items) {
                    Object ik = key(item);
                    if (ik == null) yield null;
                    k.add(ik);
                }
                yield k;
            }
            case PySet s when s.frozen -> {
                java.util.Set<Object> k = new java.util.HashSet<>();
                for (int i = s.nextSlot(0); i < s.table.length; i = s.nextSlot(i + 1)) {
                    Object ik = key(s.table[i]);
                    if (ik == null) yield null;
                    k.add(ik);
                }
                yield List.of("frozenset", k);
            }
            case PySlice sl -> {
                Object a = key(sl.start), b = key(sl.stop), c = key(sl.step);
                yield a == null || b == null || c == null ? null : List.of("slice", a, b, c);
            }
            default -> null;
        };
    }

}
