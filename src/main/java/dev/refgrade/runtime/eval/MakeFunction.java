package dev.refgrade.runtime.eval;

import dev.refgrade.python.Expr;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * MAKE_FUNCTION as def and lambda run it (compiler_function, compiler_lambda): the positional
 * defaults (one constant tuple when all are constant: the peephole optimizer folds LOAD_CONSTs +
 * BUILD_TUPLE), the keyword-only defaults (BUILD_MAP of name constants and values), the
 * annotations (a tuple of name, value pairs), all evaluated here and now, then the closure's cells
 * and the function, whose code is a constant of this code.
 */
final class MakeFunction {
    private final Compiler c;
    private final Compiler.Unit u;
    private final PyRuntime rt;
    private final Heap heap;
    private final Exprs exprs;

    MakeFunction(Compiler c, Compiler.Unit u, Exprs exprs) {
        this.c = c;
        this.u = u;
        this.rt = c.rt;
        this.heap = rt.heap;
        this.exprs = exprs;
    }

    /** compiler_visit_annotations' order: plain, positional-only, *args, keyword-only, **kwargs, then return. */
    private static final List<Stmt.ParamKind> ANNOTATION_ORDER = List.of(Stmt.ParamKind.POSITIONAL_OR_KEYWORD,
            Stmt.ParamKind.POSITIONAL_ONLY, Stmt.ParamKind.VAR_POSITIONAL, Stmt.ParamKind.KEYWORD_ONLY,
            Stmt.ParamKind.VAR_KEYWORD);

    Eval make(List<Stmt.Param> params, Expr returns, Supplier<PyCode> compile, Function<PyCode, PyStr> nameOf) {
        List<Expr> defaultExprs = new ArrayList<>();
        List<PyObject> kwNames = new ArrayList<>();
        List<Eval> kwValues = new ArrayList<>();
        for (Stmt.Param p : params) {
            if (p.defaultValue() == null) continue;
            if (p.kind() == Stmt.ParamKind.KEYWORD_ONLY) {
                kwNames.add(nameConstant(u.scope.mangle(p.name()), p));
                kwValues.add(exprs.expr(p.defaultValue()));
            } else {
                defaultExprs.add(p.defaultValue());
            }
        }
        Eval[] defs = exprs.all(defaultExprs);
        PyObject constDefaults = defaultExprs.isEmpty() ? null : c.constants.foldTuple(defaultExprs);
        if (constDefaults != null) u.constant(constDefaults);
        List<PyObject> annNames = new ArrayList<>();
        List<Eval> annValues = new ArrayList<>();
        for (Stmt.ParamKind kind : ANNOTATION_ORDER) {
            for (Stmt.Param p : params) {
                if (p.kind() != kind || p.annotation() == null) continue;
                annNames.add(nameConstant(u.scope.mangle(p.name()), p));
                annValues.add(exprs.expr(p.annotation()));
            }
        }
        if (returns != null) {
            annNames.add(nameConstant("return", returns));
            annValues.add(exprs.expr(returns));
        }
        PyCode code = compile.get();
        u.constant(code);
        PyStr name = nameOf.apply(code);
        int[] closureCells = exprs.closureCells(code);
        Eval[] kws = kwValues.toArray(new Eval[0]);
        Eval[] anns = annValues.toArray(new Eval[0]);
        return f -> {
            PyTuple dflt = null;
            PyDict kwdefaults = null;
            PyTuple annotations = null;
            try {
                if (constDefaults != null) dflt = heap.newRef((PyTuple) constDefaults);
                else if (defs.length > 0) dflt = rt.newTuple(exprs.evalAll(defs, f));
                if (kws.length > 0) kwdefaults = buildMap(f, kwNames, kws);
                if (anns.length > 0) annotations = pairs(f, annNames, anns);
            } catch (RuntimeException e) {
                heap.xdecref(dflt);
                heap.xdecref(kwdefaults);
                throw e;
            }
            PyFunction fn = exprs.newFunction(f, code, name, dflt, closureCells);
            fn.kwdefaults = kwdefaults;
            fn.annotations = annotations;
            return fn;
        };
    }

    /** A parameter's name as LOAD_CONST pushes it: a str constant of this code, interned. */
    private PyObject nameConstant(String name, Object at) {
        var span = at instanceof Stmt.Param p ? p.span() : ((Expr) at).span();
        return u.constant(c.constants.fold(new Expr.StrLit(name, span)));
    }

    /** BUILD_MAP: the values are evaluated in order, then the dict is made. */
    private PyDict buildMap(Frame f, List<PyObject> names, Eval[] values) {
        PyObject[] vs = exprs.evalAll(values, f);
        PyDict d = rt.newDict();
        for (int i = 0; i < vs.length; i++) d.putOwned(rt, names.get(i), vs[i]);
        return d;
    }

    /** BUILD_TUPLE of name, value, name, value... */
    private PyTuple pairs(Frame f, List<PyObject> names, Eval[] values) {
        PyObject[] vs = exprs.evalAll(values, f);
        PyObject[] items = new PyObject[vs.length * 2];
        for (int i = 0; i < vs.length; i++) {
            items[2 * i] = heap.newRef(names.get(i));
            items[2 * i + 1] = vs[i];
        }
        return rt.newTuple(items);
    }
}
