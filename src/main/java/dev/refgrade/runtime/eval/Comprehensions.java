package dev.refgrade.runtime.eval;

import dev.refgrade.python.Expr;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyCode.Exec;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import java.util.List;

/**
 * List, set and dict comprehensions as CPython 3.11 compiles them (compiler_comprehension): a code
 * object of their own, a constant of the enclosing code, run by a function made for the occasion.
 * The enclosing frame makes that function (MAKE_FUNCTION, with a closure when the comprehension
 * uses the frame's variables), evaluates the first iterable, calls iter() on it (GET_ITER) and calls
 * the function with that iterator as its one argument, '.0'; the call's result is the container,
 * and the function goes when the call returns. In the comprehension's frame the loop variables are
 * locals, each further 'for' is a loop nested in the one before, and each element is added to the
 * container the frame built first (LIST_APPEND, SET_ADD, MAP_ADD). From 3.12 (PEP 709) no function
 * is made: the same loops run inlined in the enclosing frame ({@link Interpreter#runInlined}).
 */
final class Comprehensions {
    private enum Kind { LIST, SET, DICT, GENERATOR }

    private final Compiler c;
    private final Compiler.Unit outer;
    private final Exprs outerExprs;
    private final PyRuntime rt;
    private final Heap heap;

    Comprehensions(Compiler c, Compiler.Unit outer, Exprs outerExprs) {
        this.c = c;
        this.outer = outer;
        this.outerExprs = outerExprs;
        this.rt = c.rt;
        this.heap = rt.heap;
    }

    Eval compile(Expr.ListComp lc) {
        return compile(lc, "<listcomp>", Kind.LIST, List.of(lc.elt()), lc.generators());
    }

    Eval compile(Expr.SetComp sc) {
        return compile(sc, "<setcomp>", Kind.SET, List.of(sc.elt()), sc.generators());
    }

    Eval compile(Expr.DictComp dc) {
        return compile(dc, "<dictcomp>", Kind.DICT, List.of(dc.key(), dc.value()), dc.generators());
    }

    /**
     * A generator expression: the same code object and call, but the code is a generator's
     * (CO_GENERATOR), so the call returns a generator whose body yields each element in turn;
     * only the first iterable is evaluated before it starts.
     */
    Eval compile(Expr.GeneratorExp ge) {
        return compile(ge, "<genexpr>", Kind.GENERATOR, List.of(ge.elt()), ge.generators());
    }

    /** One compiled 'for ... in ... if ...' clause; the first one's iter is null: it loops over '.0'. */
    private record Clause(Eval iter, int iterLine, Names.Store target, int targetLine, Eval[] ifs, int[] ifLines) {}

    private Eval compile(Expr node, String name, Kind kind, List<Expr> elements, List<Expr.Comprehension> generators) {
        int line = node.span().line();
        PyCode code = c.compileComprehension(outer, node, name, u -> body(u, line, kind, elements, generators));
        code.generator = kind == Kind.GENERATOR;
        int[] closureCells = outerExprs.closureCells(code);
        Eval iterable = outerExprs.foldedIter(generators.get(0).iter());
        Interpreter interp = rt.interp;
        if (code.inlined) {
            // PEP 709 (3.12): GET_ITER on the first iterable, then the loops run right here.
            return f -> interp.runInlined(code, f, rt.ops.iterTaking(iterable.eval(f)), closureCells);
        }
        outer.constant(code);
        // The function is made before the first iterable is evaluated, in the enclosing scope.
        return f -> {
            PyFunction fn = outerExprs.newFunction(f, code, code.nameObject, null, closureCells);
            PyObject seq = outerExprs.evalOrRelease(iterable, f, fn);
            PyObject it;
            try {
                it = rt.ops.iterTaking(seq);
            } catch (RuntimeException e) {
                heap.decref(fn);
                throw e;
            }
            return interp.callOwned(fn, new PyObject[] {it}, Kwargs.NONE);
        };
    }

    /** The comprehension's own code: build the container, run the loops, return the container. */
    private Exec body(Compiler.Unit u, int line, Kind kind, List<Expr> elements, List<Expr.Comprehension> generators) {
        Exprs exprs = new Exprs(c, u);
        Targets targets = new Targets(exprs, u, rt);
        Eval dotZero = Names.load(u, ".0");
        Clause[] clauses = new Clause[generators.size()];
        for (int i = 0; i < clauses.length; i++) {
            Expr.Comprehension g = generators.get(i);
            // In the order CPython emits them, which is the order locals get their slots.
            Eval iter = i == 0 ? null : exprs.foldedIter(g.iter());
            Names.Store target = targets.store(g.target());
            Eval[] ifs = exprs.all(g.ifs());
            int[] ifLines = g.ifs().stream().mapToInt(t -> t.span().line()).toArray();
            clauses[i] = new Clause(iter, g.iter().span().line(), target, g.target().span().line(), ifs, ifLines);
        }
        Eval first = exprs.expr(elements.get(0));
        Eval second = elements.size() > 1 ? exprs.expr(elements.get(1)) : null;
        int elementLine = elements.get(0).span().line();
        Interpreter interp = rt.interp;
        Adder add = switch (kind) {
            case LIST -> (f, result) -> ((PyList) result).appendOwned(first.eval(f));
            case SET -> (f, result) -> {
                PyObject v = first.eval(f);
                try {
                    ((PySet) result).add(rt, v);
                } finally {
                    heap.decref(v);
                }
            };
            case GENERATOR -> (f, result) -> heap.decref(Generators.yieldValue(rt, f, first.eval(f)));
            case DICT -> (f, result) -> {
                PyObject k = first.eval(f);
                PyObject v = exprs.evalOrRelease(second, f, k);
                try {
                    ((PyDict) result).putOwned(rt, k, v);
                } catch (RuntimeException e) {
                    heap.decref(v);
                    throw e;
                } finally {
                    heap.decref(k);
                }
            };
        };
        return f -> {
            f.line = line;
            interp.beforeLine(f, line);
            PyObject result = switch (kind) {
                case LIST -> rt.newList(new PyObject[0], 0).allocatedExactly(); // BUILD_LIST 0, then LIST_APPEND
                case SET -> rt.newSet(false);
                case DICT -> rt.newDict().modelled(); // BUILD_MAP 0, then MAP_ADD
                case GENERATOR -> PyRuntime.NONE;
            };
            try {
                loop(clauses, 0, f, result, dotZero, add, line, elementLine, interp);
            } catch (RuntimeException e) {
                heap.decref(result);
                throw e;
            }
            f.retval = result;
            return PyCode.RETURN;
        };
    }

    @FunctionalInterface
    private interface Adder {
        void add(Frame f, PyObject result);
    }

    /**
     * One clause's loop (FOR_ITER over an iterator on the value stack), and inside it the next
     * clause's, or the element. Every jump back to a loop's head is a line event, as in CPython.
     */
    private void loop(Clause[] clauses, int level, Frame f, PyObject result, Eval dotZero, Adder add, int line,
            int elementLine, Interpreter interp) {
        Clause clause = clauses[level];
        PyObject it;
        if (clause.iter == null) {
            it = dotZero.eval(f);
        } else {
            f.line = clause.iterLine;
            it = rt.ops.iterTaking(clause.iter.eval(f));
        }
        f.stack.add(it);
        try {
            while (true) {
                f.line = line;
                PyObject item = rt.ops.next(it);
                if (item == null) break;
                f.line = clause.targetLine;
                clause.target.store(f, item);
                boolean passed = true;
                for (int i = 0; i < clause.ifs.length && passed; i++) {
                    f.line = clause.ifLines[i];
                    passed = truth(clause.ifs[i], f);
                }
                if (passed) {
                    if (level + 1 < clauses.length) {
                        loop(clauses, level + 1, f, result, dotZero, add, line, elementLine, interp);
                    } else {
                        f.line = elementLine;
                        add.add(f, result);
                    }
                }
                f.line = line;
                interp.beforeLine(f, line);
            }
        } finally {
            f.stack.remove(f.stack.size() - 1);
            heap.decref(it);
        }
    }

    private boolean truth(Eval test, Frame f) {
        PyObject v = test.eval(f);
        try {
            return rt.ops.truthy(v);
        } finally {
            heap.decref(v);
        }
    }
}
