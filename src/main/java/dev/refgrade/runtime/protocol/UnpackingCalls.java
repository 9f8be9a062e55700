package dev.refgrade.runtime.protocol;

import dev.refgrade.python.Expr;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.eval.Exprs;
import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.eval.UnpackingDisplays;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.DictMethods;
import java.util.ArrayList;
import java.util.List;

/**
 * A call with {@code *} or {@code **} at its site: compiler_call_helper's ex_call path and
 * CALL_FUNCTION_EX. The positional arguments become one tuple (a list extended and converted when
 * stars mix with plain arguments), the keywords one fresh dict merged from each part; the call
 * then borrows both, so the callee's arguments carry their references for its whole run.
 */
final class UnpackingCalls {
    private final Exprs exprs;
    private final Compiler.Unit u;
    private final Compiler c;
    private final PyRuntime rt;
    private final Heap heap;

    UnpackingCalls(Exprs exprs, Compiler c, Compiler.Unit u) {
        this.exprs = exprs;
        this.c = c;
        this.u = u;
        this.rt = c.rt;
        this.heap = rt.heap;
    }

    static boolean needed(Expr.Call call) {
        // Loops, not streams: every call site asks this when it is compiled, and a cold stream pipeline costs more than the call.
        for (Expr a : call.args()) if (a instanceof Expr.Starred) return true;
        for (var k : call.keywords()) if (k.name() == null) return true;
        return false;
    }

    /** A positional part: the function (for error messages) and the frame give the tuple, owned. */
    private interface Positional {
        PyTuple eval(Frame f, PyObject func);
    }

    Eval call(Expr.Call call) {
        Eval func = exprs.expr(call.func());
        Positional positional = positional(call.args());
        KeywordPart[] keywords = keywords(call.keywords());
        return f -> {
            PyObject fn = func.eval(f);
            PyTuple args;
            PyDict kw = null;
            try {
                args = positional.eval(f, fn);
            } catch (RuntimeException e) {
                heap.decref(fn);
                throw e;
            }
            try {
                if (keywords.length > 0) kw = mergeKeywords(f, fn, keywords);
            } catch (RuntimeException e) {
                heap.decref(fn);
                heap.decref(args);
                throw e;
            }
            try {
                return callEx(fn, args, kw);
            } finally {
                heap.decref(fn);
                heap.decref(args);
                heap.xdecref(kw);
            }
        };
    }

    // ---- the positional tuple --------------------------------------------------------------------

    private Positional positional(List<Expr> args) {
        if (args.size() == 1 && args.get(0) instanceof Expr.Starred only) {
            Eval v = exprs.expr(only.value());
            return (f, fn) -> {
                PyObject x = v.eval(f);
                if (x instanceof PyTuple t && t.type() == PyType.TUPLE) return t;
                // check_args_iterable, then PySequence_Tuple.
                try {
                    return rt.newTuple(itemsOf(x, functionStr(fn) + " argument after * must be an iterable, not "));
                } finally {
                    heap.decref(x);
                }
            };
        }
        if (args.stream().noneMatch(a -> a instanceof Expr.Starred)) {
            PyObject folded = args.isEmpty() ? PyRuntime.EMPTY_TUPLE : c.constants.foldTuple(args);
            if (folded != null) {
                PyObject k = args.isEmpty() ? folded : u.constant(folded);
                return (f, fn) -> heap.newRef((PyTuple) k);
            }
            Eval[] items = exprs.all(args);
            return (f, fn) -> rt.newTuple(exprs.evalAll(items, f));
        }
        // starunpack_helper, as for a tuple display: BUILD_LIST, LIST_APPEND / LIST_EXTEND, LIST_TO_TUPLE.
        Eval tuple = UnpackingDisplays.tuple(exprs, args);
        return (f, fn) -> (PyTuple) tuple.eval(f);
    }

    /** The items of an iterable, owned; a TypeError with {@code notIterable} and the type's name if it is none. */
    private PyObject[] itemsOf(PyObject x, String notIterable) {
        try {
            return Builtins.toArray(rt, x);
        } catch (PyException e) {
            if (e.excType == PyExc.TYPE_ERROR && e.pyMessage != null && e.pyMessage.endsWith("object is not iterable")) {
                throw rt.typeError(notIterable + x.type().name);
            }
            throw e;
        }
    }

    // ---- the keyword dict --------------------------------------------------------------------------

    /** A run of name=value keywords (one dict), or one **mapping. */
    private record KeywordPart(List<PyStr> names, Eval[] values, Eval mapping) {}

    private KeywordPart[] keywords(List<Expr.Keyword> keywords) {
        List<KeywordPart> parts = new ArrayList<>();
        List<PyStr> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (Expr.Keyword k : keywords) {
            if (k.name() != null) {
                names.add((PyStr) u.constant(c.constants.fold(new Expr.StrLit(k.name(), k.span()))));
                values.add(k.value());
                continue;
            }
            if (!names.isEmpty()) parts.add(new KeywordPart(List.copyOf(names), exprs.all(values), null));
            names.clear();
            values.clear();
            parts.add(new KeywordPart(null, null, exprs.expr(k.value())));
        }
        if (!names.isEmpty()) parts.add(new KeywordPart(List.copyOf(names), exprs.all(values), null));
        return parts.toArray(new KeywordPart[0]);
    }

    /** BUILD_MAP (or a first run of keywords' own dict), then DICT_MERGE of each part into it. */
    private PyDict mergeKeywords(Frame f, PyObject fn, KeywordPart[] parts) {
        PyDict target = parts[0].mapping() == null ? run(f, parts[0]) : rt.newDict();
        try {
            for (int i = parts[0].mapping() == null ? 1 : 0; i < parts.length; i++) {
                PyObject update = parts[i].mapping() != null ? parts[i].mapping().eval(f) : run(f, parts[i]);
                try {
                    merge(target, update, fn);
                } finally {
                    heap.decref(update);
                }
            }
        } catch (RuntimeException e) {
            heap.decref(target);
            throw e;
        }
        return target;
    }

    private PyDict run(Frame f, KeywordPart part) {
        PyObject[] vs = exprs.evalAll(part.values(), f);
        PyDict d = rt.newDict();
        for (int i = 0; i < vs.length; i++) d.putOwned(rt, part.names().get(i), vs[i]);
        return d;
    }

    /** _PyDict_MergeEx(target, update, 2) with format_kwargs_error's messages. */
    private void merge(PyDict target, PyObject update, PyObject fn) {
        if (!(update instanceof PyDict d)) {
            try {
                DictMethods.mergeMapping(rt, target, update, true);
            } catch (PyException e) {
                throw kwargsError(e, fn, update);
            }
            return;
        }
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
            PyObject key = d.keyAt(i);
            if (target.getBorrowed(rt, key) != null) {
                throw rt.typeError(functionStr(fn) + " got multiple values for keyword argument '" + rt.ops.str(key) + "'");
            }
            target.put(rt, key, d.valueAt(i));
        }
    }

    /**
     * format_kwargs_error: dict_merge's AttributeError (no keys) becomes "must be a mapping", and a
     * KeyError set by C code with its key (a repeated key, or a builtin [] of the mapping's) "multiple values".
     */
    private PyException kwargsError(PyException e, PyObject fn, PyObject update) {
        if (e.matches(PyExc.ATTRIBUTE_ERROR)) {
            e.discard(heap);
            return rt.typeError(functionStr(fn) + " argument after ** must be a mapping, not " + update.type().name);
        }
        // 3.11: only a KeyError still unnormalized, its value the tuple _PyErr_SetKeyError made (a raised
        // instance stands); from 3.12 the args of whatever KeyError was raised.
        PyObject key = !e.matches(PyExc.KEY_ERROR) ? null
                : e.value == null ? e.argument
                : rt.rules.kwargsKeyErrorArgs && e.value.args != null && e.value.args.items.length == 1 ? e.value.args.items[0] : null;
        if (key == null) return e;
        String message = functionStr(fn) + " got multiple values for keyword argument '" + rt.ops.str(key) + "'";
        e.discard(heap);
        return rt.typeError(message);
    }

    // ---- the call ------------------------------------------------------------------------------------

    /** PyObject_Call(func, args, kwargs). */
    private PyObject callEx(PyObject fn, PyTuple args, PyDict kw) {
        return rt.interp.callPrepended(fn, null, args.items, kw);
    }

    /** _PyObject_FunctionStr: "module.qualname()" unless the module is builtins; str() of what has no __qualname__. */
    private String functionStr(PyObject fn) {
        return switch (fn) {
            case PyFunction f -> qualified(f.globals.getBorrowed(rt, new PyStr("__name__")), f.qualname);
            case PyMethod m -> functionStr(m.func);
            case PyBuiltin b -> (b.methodOf != null ? b.methodOf.name + "." : "") + b.name + "()";
            case PyType t when t.heapType -> qualified(t.dict.getBorrowed(rt, new PyStr("__module__")), t.name);
            case PyType t -> t.name + "()";
            default -> rt.ops.str(fn);
        };
    }

    private static String qualified(PyObject module, String qualname) {
        boolean prefixed = module instanceof PyStr m && !m.value.equals("builtins");
        return (prefixed ? ((PyStr) module).value + "." : "") + qualname + "()";
    }
}
