package dev.refgrade.runtime.eval;

import dev.refgrade.python.Expr;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyCode.Exec;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.CodePosition;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.stdlib.Builtins;
import java.util.List;

/** Assignment, augmented assignment and deletion targets: names, attributes, items, unpacking. */
final class Targets {
    private final Exprs exprs;
    private final Compiler.Unit u;
    private final PyRuntime rt;
    private final Heap heap;

    Targets(Exprs exprs, Compiler.Unit u, PyRuntime rt) {
        this.exprs = exprs;
        this.u = u;
        this.rt = rt;
        this.heap = rt.heap;
    }

    Names.Store store(Expr target) {
        return switch (target) {
            case Expr.Name n -> Names.store(u, n.id());
            case Expr.Attribute a -> {
                Eval obj = exprs.expr(a.value());
                PyStr name = u.attribute(a.attr());
                CodePosition at = at(a);
                yield (f, v) -> {
                    PyObject o = exprs.evalOrRelease(obj, f, v);
                    try {
                        rt.ops.setAttr(o, name, v);
                    } catch (PyException x) {
                        throw x.placedAt(at);
                    } finally {
                        heap.decref(v);
                        heap.decref(o);
                    }
                };
            }
            case Expr.Subscript s -> {
                Eval obj = exprs.expr(s.value());
                Eval key = exprs.expr(s.index());
                // STORE_SUBSCR drops the value, the container, then the key; STORE_SLICE the slice first.
                boolean sliceFirst = exprs.binarySlice(s.index());
                CodePosition at = at(s);
                yield (f, v) -> {
                    PyObject o = exprs.evalOrRelease(obj, f, v);
                    PyObject k;
                    try {
                        k = key.eval(f);
                    } catch (RuntimeException err) {
                        heap.decref(o);
                        heap.decref(v);
                        throw err;
                    }
                    try {
                        rt.ops.setItem(o, k, v);
                    } catch (PyException x) {
                        throw x.placedAt(at);
                    } finally {
                        if (sliceFirst) heap.decref(k);
                        heap.decref(v);
                        heap.decref(o);
                        if (!sliceFirst) heap.decref(k);
                    }
                };
            }
            case Expr.TupleExpr t -> positioned(unpack(t.elts()), at(t));
            case Expr.ListExpr l -> positioned(unpack(l.elts()), at(l));
            default -> throw new Unsupported("assignment to " + target.getClass().getSimpleName(), target.span().line());
        };
    }

    /** Where a traceback puts the instruction a target compiles to: the target, a subscript's parts told apart. */
    private static CodePosition at(Expr target) {
        return target instanceof Expr.Subscript s
                ? new CodePosition(s.span(), CodePosition.Kind.SUBSCRIPT, s.value().span(), s.index().span())
                : CodePosition.of(target.span());
    }

    /** UNPACK_SEQUENCE's errors are positioned at the target it unpacks into. */
    private static Names.Store positioned(Names.Store unpack, CodePosition at) {
        return (f, v) -> {
            try {
                unpack.store(f, v);
            } catch (PyException x) {
                throw x.placedAt(at);
            }
        };
    }

    /** UNPACK_SEQUENCE: the items, each a new reference, then the targets left to right. */
    private Names.Store unpack(List<Expr> elts) {
        for (int i = 0; i < elts.size(); i++) if (elts.get(i) instanceof Expr.Starred) return unpackStarred(elts, i);
        Names.Store[] stores = elts.stream().map(this::store).toArray(Names.Store[]::new);
        return (f, v) -> {
            PyObject[] items;
            try {
                items = Builtins.toArray(rt, v);
            } catch (PyException e) {
                throw nonIterable(e, v);
            } finally {
                heap.decref(v);
            }
            if (items.length != stores.length) {
                for (PyObject o : items) heap.decref(o);
                throw rt.error(PyExc.VALUE_ERROR, items.length > stores.length
                        ? "too many values to unpack (expected " + stores.length + ")"
                        : "not enough values to unpack (expected " + stores.length + ", got " + items.length + ")");
            }
            for (int i = 0; i < stores.length; i++) stores[i].store(f, items[i]);
        };
    }

    /**
     * UNPACK_EX (ceval's unpack_iterable with a starred target): the items before the star from the
     * iterator one by one, then the rest as PySequence_List(iterator) (list_extend, sized by the
     * iterator's length hint), whose last items go to the targets after the star and leave the list
     * (its size is cut, its capacity kept); the iterator is released, then the value, then the
     * targets are stored left to right.
     */
    private Names.Store unpackStarred(List<Expr> elts, int star) {
        Names.Store[] stores = elts.stream().map(e -> store(e instanceof Expr.Starred st ? st.value() : e)).toArray(Names.Store[]::new);
        int before = star, after = elts.size() - star - 1;
        return (f, v) -> {
            PyObject[] out = new PyObject[stores.length];
            int got = 0;
            PyObject it = null;
            try {
                try {
                    it = rt.ops.iter(v);
                } catch (PyException e) {
                    throw nonIterable(e, v);
                }
                for (; got < before; got++) {
                    PyObject w = rt.ops.next(it);
                    if (w == null) throw rt.error(PyExc.VALUE_ERROR, "not enough values to unpack (expected at least " + (before + after) + ", got " + got + ")");
                    out[got] = w;
                }
                dev.refgrade.runtime.objects.PyList rest = rt.newList().allocatedExactly(); // PyList_New(0): no items array yet
                out[star] = rest;
                got++;
                dev.refgrade.runtime.stdlib.ListGrowth.extend(rt, rest, it);
                int ll = rest.size;
                if (ll < after) {
                    throw rt.error(PyExc.VALUE_ERROR, "not enough values to unpack (expected at least " + (before + after) + ", got " + (before + ll) + ")");
                }
                for (int j = after; j > 0; j--) out[star + 1 + after - j] = rest.items[ll - j];
                rest.size = ll - after; // Py_SET_SIZE: the moved references now belong to the targets
                got = stores.length;
            } catch (RuntimeException e) {
                for (int i = got - 1; i >= 0; i--) heap.xdecref(out[i]);
                if (it != null) heap.decref(it);
                heap.decref(v);
                throw e;
            }
            heap.decref(it);
            heap.decref(v);
            for (int i = 0; i < stores.length; i++) stores[i].store(f, out[i]);
        };
    }

    /** unpack_iterable: a value that cannot be iterated at all is "cannot unpack non-iterable X object". */
    private PyException nonIterable(PyException e, PyObject v) {
        if (e.excType != PyExc.TYPE_ERROR || !("'" + v.type().name + "' object is not iterable").equals(e.pyMessage)) return e;
        e.discard(heap);
        return rt.typeError("cannot unpack non-iterable " + v.type().name + " object");
    }

    void deletes(Expr target, List<Names.Delete> out) {
        switch (target) {
            case Expr.Name n -> out.add(Names.delete(u, n.id()));
            case Expr.Attribute a -> {
                Eval obj = exprs.expr(a.value());
                PyStr name = u.attribute(a.attr());
                CodePosition at = at(a);
                out.add(f -> {
                    PyObject o = obj.eval(f);
                    try {
                        rt.ops.delAttr(o, name);
                    } catch (PyException x) {
                        throw x.placedAt(at);
                    } finally {
                        heap.decref(o);
                    }
                });
            }
            case Expr.Subscript s -> {
                Eval obj = exprs.expr(s.value());
                Eval key = exprs.expr(s.index());
                CodePosition at = at(s);
                out.add(f -> {
                    PyObject o = obj.eval(f);
                    PyObject k = exprs.evalOrRelease(key, f, o);
                    try {
                        rt.ops.delItem(o, k);
                    } catch (PyException x) {
                        throw x.placedAt(at);
                    } finally {
                        heap.decref(o);
                        heap.decref(k);
                    }
                });
            }
            case Expr.TupleExpr t -> t.elts().forEach(e -> deletes(e, out));
            case Expr.ListExpr l -> l.elts().forEach(e -> deletes(e, out));
            default -> throw new Unsupported("deletion of " + target.getClass().getSimpleName(), target.span().line());
        }
    }

    Exec augAssign(Stmt.AugAssign a) {
        Eval value = exprs.expr(a.value());
        var op = a.op();
        return switch (a.target()) {
            case Expr.Name n -> {
                Eval load = Names.load(u, n.id());
                Names.Store store = Names.store(u, n.id());
                CodePosition target = CodePosition.of(n.span());
                yield f -> {
                    PyObject old;
                    try {
                        old = load.eval(f);
                    } catch (PyException x) { // the target's load is an instruction of its own, positioned at the name
                        throw x.placedAt(target);
                    }
                    store.store(f, inplace(f, op, old, value));
                    return PyCode.NORMAL;
                };
            }
            case Expr.Attribute at -> {
                Eval obj = exprs.expr(at.value());
                PyStr name = u.attribute(at.attr());
                CodePosition target = CodePosition.of(at.span());
                yield f -> {
                    PyObject o = obj.eval(f);
                    try {
                        PyObject old;
                        try {
                            old = rt.ops.getAttr(o, name);
                        } catch (PyException x) {
                            throw x.placedAt(target);
                        }
                        PyObject result = inplace(f, op, old, value);
                        try {
                            rt.ops.setAttr(o, name, result);
                        } finally {
                            heap.decref(result);
                        }
                    } finally {
                        heap.decref(o);
                    }
                    return PyCode.NORMAL;
                };
            }
            case Expr.Subscript s -> {
                if (exprs.binarySlice(s.index())) {
                    throw new Unsupported("augmented assignment to a[lo:hi] on Python " + rt.rules.version
                            + " (BINARY_SLICE then STORE_SLICE build two slice objects; not modelled)", s.span().line());
                }
                Eval obj = exprs.expr(s.value());
                Eval key = exprs.expr(s.index());
                CodePosition target = at(s);
                yield f -> {
                    PyObject o = obj.eval(f);
                    PyObject k = exprs.evalOrRelease(key, f, o);
                    try {
                        PyObject old;
                        try {
                            old = rt.ops.getItem(o, k);
                        } catch (PyException x) {
                            throw x.placedAt(target);
                        }
                        PyObject result = inplace(f, op, old, value);
                        try {
                            rt.ops.setItem(o, k, result);
                        } catch (PyException x) {
                            throw x.placedAt(target);
                        } finally {
                            heap.decref(result);
                        }
                    } finally {
                        heap.decref(o);
                        heap.decref(k);
                    }
                    return PyCode.NORMAL;
                };
            }
            default -> throw new Unsupported("augmented assignment to this target", a.span().line());
        };
    }

    /** Evaluates the right side and applies the in-place operator, consuming {@code old}. */
    private PyObject inplace(Frame f, dev.refgrade.python.BinOperator op, PyObject old, Eval value) {
        PyObject v = exprs.evalOrRelease(value, f, old);
        try {
            return rt.varies(Variation.INPLACE_REBINDS) ? Arith.binary(rt, op, old, v) : Arith.inplace(rt, op, old, v);
        } finally {
            heap.decref(old);
            heap.decref(v);
        }
    }
}
