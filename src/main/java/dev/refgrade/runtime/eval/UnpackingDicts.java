package dev.refgrade.runtime.eval;

import dev.refgrade.python.Expr;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.stdlib.DictMethods;
import java.util.ArrayList;
import java.util.List;

/**
 * Dict displays with {@code **} items or too many pairs for the compiler's stack: compile.c's
 * compiler_dict. The pairs between unpackings are built as their own dicts (compiler_subdict), at
 * most 17 at a time; the first part becomes the result (an empty BUILD_MAP 0 when it is an
 * unpacking), and each later part is merged into it by DICT_UPDATE and released.
 */
final class UnpackingDicts {
    private final Exprs exprs;
    private final PyRuntime rt;
    private final Heap heap;

    UnpackingDicts(Exprs exprs, PyRuntime rt) {
        this.exprs = exprs;
        this.rt = rt;
        this.heap = rt.heap;
    }

    /** A display the plain BUILD_MAP path cannot build: an unpacking, or a part past the stack guideline. */
    static boolean needed(Expr.DictExpr d) {
        return d.keys().stream().anyMatch(k -> k == null) || big(d.keys().size());
    }

    /** compiler_subdict's test: n pairs take 2n stack slots. */
    private static boolean big(int pairs) {
        return pairs * 2 > UnpackingDisplays.STACK_USE_GUIDELINE;
    }

    /** One part of the display: a sub-dict of pairs, or a ** mapping. */
    private record Part(Eval value, boolean mapping) {}

    Eval dict(Expr.DictExpr d) {
        List<Expr> keys = d.keys(), values = d.values();
        List<Part> parts = new ArrayList<>();
        int n = keys.size(), elements = 0;
        for (int i = 0; i < n; i++) {
            if (keys.get(i) == null) {
                if (elements > 0) parts.add(subdict(d, i - elements, i));
                elements = 0;
                parts.add(new Part(exprs.expr(values.get(i)), true));
            } else if (big(elements)) {
                parts.add(subdict(d, i - elements, i + 1));
                elements = 0;
            } else {
                elements++;
            }
        }
        if (elements > 0) parts.add(subdict(d, n - elements, n));
        Part[] all = parts.toArray(new Part[0]);
        return f -> {
            PyDict target = null;
            try {
                for (Part p : all) {
                    // BUILD_MAP 0 when the display starts with an unpacking.
                    if (target == null && p.mapping()) target = rt.newDict().modelled();
                    PyObject v = p.value().eval(f);
                    if (target == null) {
                        target = (PyDict) v;
                        continue;
                    }
                    try {
                        update(target, v);
                    } finally {
                        heap.decref(v);
                    }
                }
            } catch (RuntimeException e) {
                heap.xdecref(target);
                throw e;
            }
            return target;
        };
    }

    /** DICT_UPDATE: PyDict_Update, whose AttributeError (no keys) ceval rewords. */
    private void update(PyDict target, PyObject v) {
        try {
            DictMethods.updateUnpacked(rt, target, v);
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR)) throw e;
            e.discard(heap);
            throw rt.typeError("'" + v.type().name + "' object is not a mapping");
        }
    }

    /**
     * compiler_subdict: a few pairs are one BUILD_MAP / BUILD_CONST_KEY_MAP (the plain display);
     * a big run is BUILD_MAP 0 then MAP_ADD of each pair as it is evaluated.
     */
    private Part subdict(Expr.DictExpr d, int begin, int end) {
        List<Expr> keys = d.keys().subList(begin, end), values = d.values().subList(begin, end);
        if (!big(end - begin)) return new Part(exprs.expr(new Expr.DictExpr(keys, values, d.span())), false);
        Eval[] ks = exprs.all(keys), vs = exprs.all(values);
        return new Part(f -> {
            PyDict dict = rt.newDict().modelled();
            try {
                for (int i = 0; i < ks.length; i++) {
                    PyObject k = ks[i].eval(f);
                    PyObject v = exprs.evalOrRelease(vs[i], f, k);
                    try {
                        dict.putOwned(rt, k, v);
                    } finally {
                        heap.decref(k);
                    }
                }
            } catch (RuntimeException e) {
                heap.decref(dict);
                throw e;
            }
            return dict;
        }, false);
    }
}
