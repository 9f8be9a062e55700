package dev.refgrade.runtime.eval;

import dev.refgrade.python.CmpOp;
import dev.refgrade.python.Expr;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.CodePosition;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.protocol.Calls;
import dev.refgrade.runtime.protocol.Compare;
import dev.refgrade.runtime.protocol.Format;
import dev.refgrade.runtime.protocol.Repr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Compiles expressions into closures that leave a new reference, as CPython's value stack holds them. */
public final class Exprs {
    private final Compiler c;
    private final Compiler.Unit u;
    private final PyRuntime rt;
    private final Heap heap;
    /** While an f-string's fields compile, where the f-string stands; null outside one. */
    private CodePosition enclosingFString;

    Exprs(Compiler c, Compiler.Unit u) {
        this.c = c;
        this.u = u;
        this.rt = c.rt;
        this.heap = rt.heap;
    }

    Compiler compiler() {
        return c;
    }

    PyRuntime runtime() {
        return rt;
    }

    public Eval expr(Expr e) {
        PyObject constant = c.constants.fold(e);
        if (constant != null) {
            PyObject k = u.constant(constant);
            return f -> {
                heap.incref(k);
                return k;
            };
        }
        Eval inner = compile(e);
        CodePosition at = switch (e) {
            case Expr.BinOp b -> new CodePosition(e.span(), CodePosition.Kind.BINARY, b.left().span(), b.right().span());
            case Expr.Subscript s -> new CodePosition(e.span(), CodePosition.Kind.SUBSCRIPT, s.value().span(), s.index().span());
            case Expr.Call c -> new CodePosition(e.span(), CodePosition.Kind.CALL, c.func().span(), null);
            default -> CodePosition.of(e.span());
        };
        // The innermost instruction an exception comes out of is where the traceback points.
        return f -> {
            try {
                return inner.eval(f);
            } catch (PyException x) {
                throw x.placedAt(at);
            }
        };
    }

    private Eval compile(Expr e) {
        return switch (e) {
            case Expr.Name n -> Names.load(u, n.id());
            case Expr.FString s -> fstring(s);
            case Expr.FormattedValue v -> formatted(v);
            case Expr.BinOp b -> {
                Eval l = expr(b.left()), r = expr(b.right());
                var op = b.op();
                yield f -> {
                    PyObject a = l.eval(f);
                    PyObject x = evalOrRelease(r, f, a);
                    try {
                        return Arith.binary(rt, op, a, x);
                    } finally {
                        heap.decref(a);
                        heap.decref(x);
                    }
                };
            }
            case Expr.UnaryOp un -> {
                Eval v = expr(un.operand());
                var op = un.op();
                yield f -> {
                    PyObject a = v.eval(f);
                    try {
                        return Arith.unary(rt, op, a);
                    } finally {
                        heap.decref(a);
                    }
                };
            }
            case Expr.BoolOp b -> boolOp(b);
            case Expr.Compare cmp -> compare(cmp);
            case Expr.Call call -> new Calls(this, c, u).call(call);
            case Expr.Attribute a -> {
                Eval v = expr(a.value());
                PyStr name = u.attribute(a.attr());
                yield f -> {
                    PyObject o = v.eval(f);
                    try {
                        return rt.ops.getAttr(o, name);
                    } finally {
                        heap.decref(o);
                    }
                };
            }
            case Expr.Subscript s -> {
                c.checkSubscript(s);
                Eval v = expr(s.value());
                Eval i = expr(s.index());
                // BINARY_SUBSCR drops the container, then the key; BINARY_SLICE the slice first.
                boolean sliceFirst = binarySlice(s.index());
                yield f -> {
                    PyObject o = v.eval(f);
                    PyObject k = evalOrRelease(i, f, o);
                    try {
                        return rt.ops.getItem(o, k);
                    } finally {
                        heap.decref(sliceFirst ? k : o);
                        heap.decref(sliceFirst ? o : k);
                    }
                };
            }
            case Expr.Slice s -> slice(s);
            case Expr.ListExpr l when UnpackingDisplays.starred(l.elts()) -> new UnpackingDisplays(this, rt).list(l.elts());
            case Expr.TupleExpr t when UnpackingDisplays.starred(t.elts()) || t.elts().size() > UnpackingDisplays.STACK_USE_GUIDELINE ->
                    new UnpackingDisplays(this, rt).tuple(t.elts());
            case Expr.SetExpr s when UnpackingDisplays.starred(s.elts()) -> new UnpackingDisplays(this, rt).set(s.elts());
            case Expr.DictExpr d when UnpackingDicts.needed(d) -> new UnpackingDicts(this, rt).dict(d);
            case Expr.ListExpr l -> {
                Eval[] items = all(l.elts());
                int n = items.length;
                // starunpack_helper: more than two constants are BUILD_LIST 0 + LIST_EXTEND of the
                // constant tuple (an even preallocation); more than 30 items, BUILD_LIST 0 + LIST_APPEND
                // each; otherwise BUILD_LIST n, exactly n slots.
                if (n > 2 && c.constants.allConstant(l.elts())) {
                    yield f -> {
                        PyList list = rt.newList(evalAll(items, f), n);
                        list.preallocate(n);
                        return list;
                    };
                }
                if (n > 30) yield f -> PyList.grownByAppends(rt.newList(evalAll(items, f), n));
                yield f -> rt.newList(evalAll(items, f), n).allocatedExactly();
            }
            case Expr.TupleExpr t -> {
                Eval[] items = all(t.elts());
                yield f -> rt.newTuple(evalAll(items, f));
            }
            case Expr.SetExpr s when s.elts().size() >= 3 && c.constants.frozenSetOf(s.elts(), false) instanceof PySet frozen -> {
                // starunpack_helper: BUILD_SET 0, LOAD_CONST frozenset(...), SET_UPDATE.
                PyObject k = u.constant(frozen);
                yield f -> {
                    PySet set = rt.newSet(false);
                    set.merge(rt, (PySet) k);
                    return set;
                };
            }
            case Expr.SetExpr s -> {
                Eval[] items = all(s.elts());
                yield f -> {
                    PyObject[] vals = evalAll(items, f);
                    PySet set = rt.newSet(false);
                    try {
                        for (PyObject v : vals) set.add(rt, v);
                    } finally {
                        for (PyObject v : vals) heap.decref(v);
                    }
                    return set;
                };
            }
            case Expr.DictExpr d -> {
                Eval[] ks = all(d.keys()), vs = all(d.values());
                yield f -> {
                    PyObject[] kv = new PyObject[ks.length * 2];
                    try {
                        for (int i = 0; i < ks.length; i++) {
                            kv[2 * i] = ks[i].eval(f);
                            kv[2 * i + 1] = vs[i].eval(f);
                        }
                    } catch (RuntimeException err) {
                        for (PyObject o : kv) heap.xdecref(o);
                        throw err;
                    }
                    // BUILD_MAP n / BUILD_CONST_KEY_MAP n: _PyDict_FromItems presizes for n keys, of the
                    // str kind if every key is an exact str (longer displays are UnpackingDicts' chunks).
                    boolean allStr = true;
                    for (int i = 0; i < ks.length; i++) allStr &= kv[2 * i].type() == PyType.STR;
                    PyDict dict = rt.newDict().presized(ks.length, allStr);
                    try {
                        for (int i = 0; i < ks.length; i++) dict.putOwned(rt, kv[2 * i], kv[2 * i + 1]);
                    } finally {
                        for (int i = 0; i < ks.length; i++) heap.decref(kv[2 * i]);
                    }
                    return dict;
                };
            }
            case Expr.NamedExpr n -> {
                // value; COPY 1; STORE_*: the name takes one reference and the expression's value keeps the other.
                Eval v = expr(n.value());
                Names.Store store = Names.store(u, n.target().id());
                yield f -> {
                    PyObject value = v.eval(f);
                    heap.incref(value);
                    store.store(f, value);
                    return value;
                };
            }
            case Expr.IfExp i -> {
                Eval t = expr(i.test()), b = expr(i.body()), o = expr(i.orelse());
                yield f -> truth(t, f) ? b.eval(f) : o.eval(f);
            }
            case Expr.Lambda l -> new MakeFunction(c, u, this).make(l.params(), null, () -> c.compileLambda(u, l), code -> code.nameObject);
            case Expr.ListComp lc -> new Comprehensions(c, u, this).compile(lc);
            case Expr.SetComp sc -> new Comprehensions(c, u, this).compile(sc);
            case Expr.DictComp dc -> new Comprehensions(c, u, this).compile(dc);
            case Expr.GeneratorExp ge -> new Comprehensions(c, u, this).compile(ge);
            case Expr.Yield y -> {
                Eval v = y.value() == null ? null : expr(y.value());
                yield f -> Generators.yieldValue(rt, f, v == null ? PyRuntime.NONE : v.eval(f));
            }
            case Expr.YieldFrom y -> {
                Eval v = expr(y.value());
                yield f -> Generators.yieldFrom(rt, f, v.eval(f));
            }
            default -> throw dev.refgrade.runtime.compile.Refusals.unexpected(e, e.span());
        };
    }

    /**
     * LOAD_FAST_BORROW (3.14): {@code e} loaded without a reference of its own when it is one of
     * this function's locals; null when the version loads it strong or it is not a local.
     */
    public Eval borrowed(Expr e) {
        if (!rt.rules.borrowedLoads || !u.normalFlow || !(e instanceof Expr.Name n) || u.checked(n)) return null;
        return Names.loadBorrowed(u, n.id());
    }

    /** Where this frame keeps the cells a nested code's free variables take (LOAD_CLOSURE). */
    int[] closureCells(PyCode code) {
        return code.freeNames.stream().mapToInt(u::cell).toArray();
    }

    /** The function object MAKE_FUNCTION leaves: code, globals, name, defaults (owned, or null) and closure cells. */
    PyFunction newFunction(Frame f, PyCode code, PyStr name, PyTuple defaults, int[] closureCells) {
        PyTuple closure = null;
        if (closureCells.length > 0) {
            PyObject[] cells = new PyObject[closureCells.length];
            for (int i = 0; i < cells.length; i++) cells[i] = heap.newRef(f.cells[closureCells[i]]);
            closure = rt.newTuple(cells);
        }
        heap.incref(code);
        heap.incref(f.globals);
        heap.incref(name);
        PyFunction fn = new PyFunction(code, f.globals, defaults, closure, name, code.qualname);
        // PyFunction_NewWithQualName: __doc__ is the first constant when it is a str; __module__ the globals' __name__.
        PyObject first = code.consts.size() > 0 ? code.consts.get(0) : null;
        fn.doc = heap.newRef(first instanceof PyStr ? first : PyRuntime.NONE);
        PyObject module = f.globals.getBorrowed(rt, new PyStr("__name__"));
        fn.module = module == null ? null : heap.newRef(module);
        return heap.alloc(fn);
    }

    /** Evaluates {@code e}, releasing {@code held} if that fails, so no reference leaks on an exception. */
    PyObject evalOrRelease(Eval e, Frame f, PyObject held) {
        try {
            return e.eval(f);
        } catch (RuntimeException err) {
            heap.decref(held);
            throw err;
        }
    }

    boolean truth(Eval e, Frame f) {
        PyObject v = e.eval(f);
        try {
            return rt.ops.truthy(v);
        } finally {
            heap.decref(v);
        }
    }

    public Eval[] all(List<Expr> es) {
        Eval[] out = new Eval[es.size()];
        for (int i = 0; i < out.length; i++) out[i] = expr(es.get(i));
        return out;
    }

    /** Evaluates left to right into owned references, releasing the earlier ones if a later one raises. */
    public PyObject[] evalAll(Eval[] es, Frame f) {
        PyObject[] out = new PyObject[es.length];
        for (int i = 0; i < es.length; i++) {
            try {
                out[i] = es[i].eval(f);
            } catch (RuntimeException err) {
                for (int j = 0; j < i; j++) heap.decref(out[j]);
                throw err;
            }
        }
        return out;
    }

    /**
     * BUILD_SLICE: the bounds left to right (None where absent), then PySlice_New taking them over.
     * From 3.14 a slice of literals is a constant of the code instead (gh-125063).
     */
    private Eval slice(Expr.Slice s) {
        if (rt.rules.constantSlices && c.constants.sliceOf(s) instanceof PyObject k) {
            PyObject constant = u.constant(k);
            return f -> heap.newRef(constant);
        }
        Eval lo = bound(s.lower()), hi = bound(s.upper()), st = bound(s.step());
        return f -> {
            PyObject a = lo.eval(f);
            PyObject b = evalOrRelease(hi, f, a);
            PyObject d;
            try {
                d = st.eval(f);
            } catch (RuntimeException err) {
                heap.decref(b);
                heap.decref(a);
                throw err;
            }
            return rt.newSlice(a, b, d);
        };
    }

    /** Whether 3.12+ compiles this subscript's index as BINARY_SLICE/STORE_SLICE does: a[lo:hi], not a constant. */
    boolean binarySlice(Expr index) {
        return rt.rules.binarySlice && index instanceof Expr.Slice sl && sl.step() == null
                && !(rt.rules.constantSlices && c.constants.sliceOf(sl) != null);
    }

    private Eval bound(Expr e) {
        return e == null ? f -> PyRuntime.NONE : expr(e);
    }

    private Eval boolOp(Expr.BoolOp b) {
        Eval[] vs = all(b.values());
        boolean isAnd = b.isAnd();
        return f -> {
            for (int i = 0; ; i++) {
                PyObject v = vs[i].eval(f);
                if (i == vs.length - 1 || rt.ops.truthy(v) != isAnd) return v;
                heap.decref(v);
            }
        };
    }

    /**
     * fold_iter, which the AST optimizer applies to what a for statement or a comprehension iterates
     * and to the right of a last 'in' / 'not in': a list display becomes a tuple (a constant one when
     * all its items are constants), a set display of constants a constant frozenset, which is
     * iterated in its own order and holds its items instead of a list or set made each time.
     */
    Eval foldedIter(Expr e) {
        if (e instanceof Expr.ListExpr l && l.elts().stream().noneMatch(x -> x instanceof Expr.Starred)) {
            return expr(new Expr.TupleExpr(l.elts(), l.span()));
        }
        if (e instanceof Expr.SetExpr st && c.constants.frozenSetOf(st.elts(), true) instanceof PySet frozen) {
            PyObject k = u.constant(frozen);
            return f -> heap.newRef(k);
        }
        return expr(e);
    }

    private Eval compare(Expr.Compare cmp) {
        Eval left = expr(cmp.left());
        List<Expr> comparators = cmp.comparators();
        int last = comparators.size() - 1;
        CmpOp lastOp = cmp.ops().get(last);
        boolean in = lastOp == CmpOp.IN || lastOp == CmpOp.NOT_IN;
        Eval[] rights = java.util.Arrays.copyOf(all(in ? comparators.subList(0, last) : comparators), last + 1);
        if (in) rights[last] = foldedIter(comparators.get(last));
        c.checkCompare(cmp);
        CmpOp[] ops = cmp.ops().toArray(new CmpOp[0]);
        if (rt.varies(Variation.IS_COMPARES_VALUES)) {
            for (int i = 0; i < ops.length; i++) ops[i] = ops[i] == CmpOp.IS ? CmpOp.EQ : ops[i] == CmpOp.IS_NOT ? CmpOp.NE : ops[i];
        }
        return f -> {
            PyObject a = left.eval(f);
            for (int i = 0; ; i++) {
                PyObject b = evalOrRelease(rights[i], f, a);
                PyObject r;
                try {
                    r = compareOne(ops[i], a, b);
                } finally {
                    heap.decref(a);
                }
                if (i == ops.length - 1) {
                    heap.decref(b);
                    return r;
                }
                if (!rt.ops.truthy(r)) {
                    heap.decref(b);
                    return r;
                }
                heap.decref(r);
                a = b;
            }
        };
    }

    private PyObject compareOne(CmpOp op, PyObject a, PyObject b) {
        return switch (op) {
            case IS -> PyRuntime.bool(a == b);
            case IS_NOT -> PyRuntime.bool(a != b);
            case IN -> PyRuntime.bool(rt.ops.contains(b, a));
            case NOT_IN -> PyRuntime.bool(!rt.ops.contains(b, a));
            default -> rt.ops.richCompare(a, b, op);
        };
    }

    /**
     * An f-string: BUILD_STRING joins its pieces into a new str, but one made of a single
     * replacement field has no BUILD_STRING, so its value is FORMAT_VALUE's result itself.
     */
    private Eval fstring(Expr.FString s) {
        List<Eval> parts = new ArrayList<>();
        CodePosition outer = enclosingFString;
        enclosingFString = CodePosition.of(s.span());
        try {
            for (Expr p : s.parts()) {
                if (p instanceof Expr.StrLit lit) {
                    String text = lit.value();
                    parts.add(f -> rt.newStr(text));
                } else {
                    parts.add(expr(p));
                }
            }
        } finally {
            enclosingFString = outer;
        }
        if (parts.size() == 1 && !(s.parts().get(0) instanceof Expr.StrLit)) return parts.get(0);
        Eval[] ps = parts.toArray(new Eval[0]);
        return f -> {
            StringBuilder b = new StringBuilder();
            for (Eval p : ps) {
                PyObject v = p.eval(f);
                b.append(((PyStr) v).value);
                heap.decref(v);
            }
            return rt.newStrUnshared(b.toString()); // BUILD_STRING: _PyUnicode_JoinArray
        };
    }

    /**
     * FORMAT_VALUE: the value, its spec, then the conversion (PyObject_Str, _Repr, _ASCII); from 3.13
     * CONVERT_VALUE converts before the spec is evaluated. An exact str with no spec is its own
     * result; anything else goes through PyObject_Format.
     */
    private Eval formatted(Expr.FormattedValue v) {
        Eval value = expr(v.value());
        Eval spec = v.formatSpec() == null ? null : expr(v.formatSpec());
        char conv = v.conversion();
        boolean convertFirst = rt.rules.conversionBeforeSpec;
        // Until 3.12 (PEP 701) FORMAT_VALUE stands where the whole f-string does.
        CodePosition at = rt.rules.fstringFieldPositions || enclosingFString == null ? null : enclosingFString;
        return f -> {
            PyObject converted = value.eval(f);
            try {
                if (convertFirst) converted = converted(converted, conv);
                String sp = null;
                if (spec != null) {
                    PyObject s = spec.eval(f);
                    sp = ((PyStr) s).value;
                    heap.decref(s);
                }
                if (!convertFirst) converted = converted(converted, conv);
                if (sp == null && converted.type() == PyType.STR) return heap.newRef(converted);
                return Format.object(rt, converted, sp == null ? "" : sp);
            } catch (PyException x) {
                throw x.placedAt(at);
            } finally {
                heap.decref(converted);
            }
        };
    }

    /** An f-string field's !r, !a or !s conversion of o, whose reference it takes over once it succeeds. */
    private PyObject converted(PyObject o, char conv) {
        if (conv == 0) return o;
        PyObject r = switch (conv) {
            case 'r' -> Repr.reprObject(rt, o);
            case 'a' -> rt.newStr(Repr.ascii(rt.ops.repr(o)));
            default -> Repr.strObject(rt, o);
        };
        heap.decref(o);
        return r;
    }
}
