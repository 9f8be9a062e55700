package dev.refgrade.runtime.objects;

import dev.refgrade.python.SymbolScope;
import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.memory.Heap;
import java.util.List;
import java.util.function.Consumer;

/**
 * A code object: the compiled body of a module, class or function, with the constants it holds
 * (co_consts, which keep literal objects alive) and the layout of its frame.
 */
public final class PyCode extends PyObject {
    /** Statement signals: how a body finished. */
    public static final int NORMAL = 0, BREAK = 1, CONTINUE = 2, RETURN = 3;

    /** A compiled statement. */
    @FunctionalInterface
    public interface Exec {
        int exec(Frame f);
    }

    /** A compiled expression: its value as a new reference. */
    @FunctionalInterface
    public interface Eval {
        PyObject eval(Frame f);
    }

    public final String name;
    public final String qualname;
    public final String file;
    public final int firstLine;
    public final SymbolScope.Kind kind;
    /** co_consts: owned; possibly shared with other code objects holding identical constants. */
    public PyTuple consts;
    /** Names the code uses (co_names, co_varnames...): owned interned strings. */
    final List<PyStr> names;
    public Exec[] body;
    public final List<String> params;
    public int nlocals;
    /** The names of the local slots, in slot order (co_varnames). */
    public String[] localNames = new String[0];
    /** Cell variables then free variables, in the order of their slots. */
    public final List<String> cellNames;
    public final List<String> freeNames;
    /** co_name as an object, one of {@link #names}, for a function named after its code (lambda, comprehension). */
    public PyStr nameObject;
    /** CO_GENERATOR: calling the code's function makes a generator instead of running the body. */
    public boolean generator;
    /** PEP 709 (3.12): an inlined comprehension's frame layout, not a code object the program can reach. */
    public boolean inlined;
    /** For each parameter that is also a cell, its cell slot; -1 otherwise. */
    public int[] paramCells;
    /** co_names, co_varnames, co_cellvars, co_freevars as tuples, made when first asked for; owned. */
    public PyTuple namesTuple, varnames, cellvars, freevars;

    /** How the parameters (the first slots, in {@link #params}' order) take a call's arguments. */
    public Shape shape = Shape.NONE;

    /**
     * co_argcount, co_posonlyargcount, co_kwonlyargcount and the CO_VARARGS/CO_VARKEYWORDS flags:
     * the parameters lie positional first, then keyword-only, then *args, then **kwargs.
     */
    public record Shape(int argcount, int posonly, int kwonly, boolean varargs, boolean varkw) {
        public static final Shape NONE = new Shape(0, 0, 0, false, false);

        /** Positional and keyword-only parameters: those a keyword may name. */
        public int totalArgs() {
            return argcount + kwonly;
        }

        /** Where *args sits, then **kwargs. */
        public int varargsSlot() {
            return totalArgs();
        }

        public int varkwSlot() {
            return totalArgs() + (varargs ? 1 : 0);
        }
    }

    public PyCode(String name, String qualname, String file, int firstLine, SymbolScope.Kind kind, List<PyStr> names,
           List<String> params, List<String> cellNames, List<String> freeNames) {
        this.name = name;
        this.qualname = qualname;
        this.file = file;
        this.firstLine = firstLine;
        this.kind = kind;
        this.names = names;
        this.params = params;
        this.cellNames = cellNames;
        this.freeNames = freeNames;
    }

    public String name() {
        return name;
    }

    /** co_names' strings, in the order the compiler first used them. */
    public List<PyStr> nameObjects() {
        return names;
    }

    @Override
    public PyType type() {
        return PyType.CODE;
    }

    @Override
    public boolean refcountKnowable() {
        return false;
    }

    @Override
    public int allocSize() {
        return 200;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (consts != null) visit.accept(consts);
        for (PyTuple t : new PyTuple[] {namesTuple, varnames, cellvars, freevars}) if (t != null) visit.accept(t);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyTuple c = consts;
        PyTuple[] made = {namesTuple, varnames, cellvars, freevars};
        consts = namesTuple = varnames = cellvars = freevars = null;
        heap.xdecref(c);
        for (PyTuple t : made) heap.xdecref(t);
        for (PyStr n : names) heap.decref(n);
    }
}
