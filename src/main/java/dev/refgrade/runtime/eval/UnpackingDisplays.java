package dev.refgrade.runtime.eval;

import dev.refgrade.python.Expr;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.stdlib.ListGrowth;
import dev.refgrade.runtime.stdlib.SetMethods;
import java.util.ArrayList;
import java.util.List;

/**
 * List, tuple and set displays with {@code *} items, or of more items than the compiler keeps on
 * its stack: compile.c's starunpack_helper. The plain items before the first star are built into
 * the list or set at once (BUILD_LIST i / BUILD_SET i), each later item goes in by LIST_APPEND /
 * SET_ADD and each starred one by LIST_EXTEND / SET_UPDATE; a tuple is such a list then
 * LIST_TO_TUPLE. Dict displays with {@code **} are {@link UnpackingDicts}.
 */
public final class UnpackingDisplays {
    /** compile.c's STACK_USE_GUIDELINE: a display of more items is built incrementally. */
    static final int STACK_USE_GUIDELINE = 30;

    private final Exprs exprs;
    private final PyRuntime rt;
    private final Heap heap;

    UnpackingDisplays(Exprs exprs, PyRuntime rt) {
        this.exprs = exprs;
        this.rt = rt;
        this.heap = rt.heap;
    }

    static boolean starred(List<Expr> elts) {
        for (Expr e : elts) if (e instanceof Expr.Starred) return true; // a loop: every display asks this when compiled
        return false;
    }

    /** What a list or a set does with its items: the three instructions of its kind. */
    private interface Collector<T extends PyObject> {
        /** BUILD_LIST i / BUILD_SET i of owned items. */
        T build(PyObject[] owned);

        /** LIST_APPEND / SET_ADD, taking the item's reference. */
        void add(T target, PyObject owned);

        /** LIST_EXTEND / SET_UPDATE of a borrowed iterable. */
        void extend(T target, PyObject iterable);
    }

    private final Collector<PyList> lists = new Collector<>() {
        public PyList build(PyObject[] owned) {
            return rt.newList(owned, owned.length).allocatedExactly();
        }

        public void add(PyList l, PyObject owned) {
            l.appendOwned(owned);
        }

        /** _PyList_Extend; ceval rewords "not iterable" when the value has neither tp_iter nor sq_item. */
        public void extend(PyList l, PyObject iterable) {
            try {
                ListGrowth.extend(rt, l, iterable);
            } catch (PyException e) {
                if (e.excType != PyExc.TYPE_ERROR || !("'" + iterable.type().name + "' object is not iterable").equals(e.pyMessage)) throw e;
                e.discard(heap);
                throw rt.typeError("Value after * must be an iterable, not " + iterable.type().name);
            }
        }
    };

    private final Collector<PySet> sets = new Collector<>() {
        /** BUILD_SET: PySet_New(NULL), then each item added and released in order. */
        public PySet build(PyObject[] owned) {
            PySet s = rt.newSet(false);
            try {
                for (PyObject o : owned) s.add(rt, o);
            } catch (RuntimeException e) {
                heap.decref(s);
                throw e;
            } finally {
                for (PyObject o : owned) heap.decref(o);
            }
            return s;
        }

        public void add(PySet s, PyObject owned) {
            try {
                s.add(rt, owned);
            } finally {
                heap.decref(owned);
            }
        }

        /** _PySet_Update: PyObject_GetIter's own "not iterable" error stands. */
        public void extend(PySet s, PyObject iterable) {
            SetMethods.updateFrom(rt, s, iterable);
        }
    };

    Eval list(List<Expr> elts) {
        return sequence(elts, lists);
    }

    Eval set(List<Expr> elts) {
        return sequence(elts, sets);
    }

    /** A call's positional arguments with stars among them: compiler_call_helper builds them as a tuple display. */
    public static Eval tuple(Exprs exprs, List<Expr> args) {
        return new UnpackingDisplays(exprs, exprs.runtime()).tuple(args);
    }

    /** The list, then LIST_TO_TUPLE: a tuple of its items, the list released. */
    Eval tuple(List<Expr> elts) {
        Eval list = sequence(elts, lists);
        return f -> {
            PyList l = (PyList) list.eval(f);
            try {
                PyObject[] items = new PyObject[l.size];
                for (int i = 0; i < items.length; i++) items[i] = heap.newRef(l.items[i]);
                return rt.newTuple(items);
            } finally {
                heap.decref(l);
            }
        };
    }

    private <T extends PyObject> Eval sequence(List<Expr> elts, Collector<T> kind) {
        int n = elts.size();
        // A big display starts empty; otherwise the items up to the first star are built at once.
        int prefix = 0;
        if (n <= STACK_USE_GUIDELINE) while (prefix < n && !(elts.get(prefix) instanceof Expr.Starred)) prefix++;
        Eval[] first = exprs.all(elts.subList(0, prefix));
        List<Eval> rest = new ArrayList<>();
        List<Boolean> star = new ArrayList<>();
        for (Expr e : elts.subList(prefix, n)) {
            star.add(e instanceof Expr.Starred);
            rest.add(exprs.expr(e instanceof Expr.Starred s ? s.value() : e));
        }
        return f -> {
            T target = kind.build(exprs.evalAll(first, f));
            try {
                for (int i = 0; i < rest.size(); i++) {
                    PyObject v = rest.get(i).eval(f);
                    if (!star.get(i)) {
                        kind.add(target, v);
                        continue;
                    }
                    try {
                        kind.extend(target, v);
                    } finally {
                        heap.decref(v);
                    }
                }
            } catch (RuntimeException e) {
                heap.decref(target);
                throw e;
            }
            return target;
        };
    }
}
