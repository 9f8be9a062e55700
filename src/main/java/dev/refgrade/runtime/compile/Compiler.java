package dev.refgrade.runtime.compile;

import dev.refgrade.python.Expr;
import dev.refgrade.python.Module;
import dev.refgrade.python.Stmt;
import dev.refgrade.python.SymbolScope;
import dev.refgrade.runtime.eval.Annotations;
import dev.refgrade.runtime.eval.MaybeUnbound;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.eval.Stmts;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed module into code objects whose bodies are trees of closures over frames, with the
 * frame layout (slots, cells), constants and names CPython's compiler would give them.
 */
public final class Compiler {
    public final PyRuntime rt;
    final String file;
    public final Constants constants;
    /** The SyntaxWarnings compiling raised, in the order the compiler met them; printed before the file runs. */
    public final StringBuilder warnings = new StringBuilder();
    private Module module;
    private final Map<List<Object>, PyTuple> constsTuples = new HashMap<>();

    public Compiler(PyRuntime rt, String file) {
        this.rt = rt;
        this.file = file;
        this.constants = new Constants(rt);
    }

    /** The state of one code object being compiled. */
    public final class Unit {
        public final SymbolScope scope;
        final String qualname;
        final List<PyObject> consts;
        final Map<String, Integer> slots = new LinkedHashMap<>();
        final List<String> cellOrder = new ArrayList<>();
        final Map<String, PyStr> names;
        /**
         * Whether the code being compiled is reached by the normal flow from the code's entry, not
         * only through an exception handler: 3.14's optimize_load_fast visits only such blocks, so
         * only there are locals loaded borrowed (Exprs.borrowed).
         */
        public boolean normalFlow = true;

        /** PEP 709 (3.12): the unit an inlined comprehension is compiled into; null for any other. */
        public final Unit inlinedInto;
        /** 3.14: the loads of this function's locals CPython makes LOAD_FAST_CHECK (MaybeUnbound); null elsewhere. */
        Set<Expr.Name> checkedLoads;

        Unit(SymbolScope scope, String qualname, List<String> params) {
            this(scope, qualname, params, null);
        }

        /** A unit inlined into {@code into} (when not null) shares its constants and names. */
        private Unit(SymbolScope scope, String qualname, List<String> params, Unit into) {
            this.scope = scope;
            this.qualname = qualname;
            this.inlinedInto = into;
            this.consts = into == null ? new ArrayList<>() : into.consts;
            this.names = into == null ? new LinkedHashMap<>() : into.names;
            for (String p : params) slots.put(p, slots.size());
            // Most units have neither, and a stream pipeline costs a cold start even over nothing.
            if (!scope.cells().isEmpty()) scope.cells().stream().filter(n -> !inlinedAway(n)).sorted().forEach(cellOrder::add);
            if (!scope.frees().isEmpty()) {
                scope.frees().stream().filter(n -> !scope.cells().contains(n) && !inherits(n)).sorted().forEach(cellOrder::add);
            }
        }

        /**
         * Where {@code id} lives, as the symbol table says, except that from 3.12 a cell only inlined
         * comprehensions needed is a plain local (PEP 709).
         */
        public SymbolScope.Binding binding(String id) {
            return inlinedAway(id) ? SymbolScope.Binding.LOCAL : scope.binding(id);
        }

        /** A function's cell that only comprehensions needed, a plain local once they are inlined (3.12+). */
        private boolean inlinedAway(String id) {
            return rt.rules.inlinedComprehensions && scope.binding(id) == SymbolScope.Binding.CELL
                    && scope.cellOnlyForInlinedComprehensions(id);
        }

        /** PEP 709: a variable of the code this comprehension is inlined into, read from that frame's local. */
        public boolean inherits(String id) {
            return inlinedInto != null && scope.frees().contains(id)
                    && (inlinedInto.binding(id) == SymbolScope.Binding.LOCAL || inlinedInto.inherits(id));
        }

        public PyRuntime runtime() {
            return rt;
        }

        /** Whether CPython loads {@code n} with LOAD_FAST_CHECK, which it never makes a borrowed load. */
        public boolean checked(Expr.Name n) {
            Unit w = this;
            while (w.inlinedInto != null) w = w.inlinedInto;
            return w.checkedLoads != null && w.checkedLoads.contains(n);
        }

        public int slot(String id) {
            return slots.computeIfAbsent(id, k -> slots.size());
        }

        public int cell(String id) {
            return cellOrder.indexOf(id);
        }

        public PyStr name(String id) {
            return names.computeIfAbsent(id, rt::name);
        }

        /** An attribute's name as this code spells it (compiler_addop_name mangles a private one). */
        public PyStr attribute(String attr) {
            return name(scope.mangle(attr));
        }

        public PyObject constant(PyObject c) {
            for (PyObject k : consts) if (k == c) return c;
            consts.add(c);
            return c;
        }
    }

    public PyCode compileModule(Module m) {
        return compileModule(m, false);
    }

    /** With {@code displayLast}, a final expression statement shows its value, as a notebook cell does. */
    public PyCode compileModule(Module m, boolean displayLast) {
        Refusals.check(m.body());
        module = m;
        SymbolScope scope = m.scope();
        Unit u = new Unit(scope, "<module>", List.of());
        Stmts stmts = new Stmts(this, u);
        PyCode.Exec[] body = withAnnotations(m.body(), stmts.block(m.body()));
        if (displayLast && !m.body().isEmpty() && m.body().get(m.body().size() - 1) instanceof Stmt.ExprStmt last) {
            body[body.length - 1] = stmts.displayed(last);
        }
        PyCode code = finish(u, "<module>", 1, body, List.of(), PyCode.Shape.NONE);
        constants.compilationEnded();
        return code;
    }

    /** check_caller, as a call is compiled. */
    public void checkCall(Expr.Call call) {
        if (module != null) LiteralMisuses.call(call, constants, rt.rules, module, warnings);
    }

    /** check_subscripter and check_index, as a subscript being loaded is compiled. */
    public void checkSubscript(Expr.Subscript s) {
        if (module != null) LiteralMisuses.subscript(s, constants, rt.rules, module, warnings);
    }

    /** compiler_assert's warning for a tuple. */
    public void checkAssert(dev.refgrade.python.Stmt.Assert a) {
        if (module != null) LiteralMisuses.assertion(a, constants, rt.rules, module, warnings);
    }

    /** check_compare, once a comparison's operands are compiled. */
    public void checkCompare(Expr.Compare cmp) {
        if (module != null) LiteralComparisons.check(cmp, constants, rt.rules, module, warnings);
    }

    /** makecode: the code object, with its co_consts merged with an identical earlier tuple. */
    PyCode finish(Unit u, String name, int firstLine, PyCode.Exec[] body, List<String> params, PyCode.Shape shape) {
        List<String> cells = new ArrayList<>(), frees = new ArrayList<>();
        for (String c : u.cellOrder) (u.scope.cells().contains(c) ? cells : frees).add(c);
        PyCode code = new PyCode(name, u.qualname, file, firstLine, u.scope.kind, new ArrayList<>(u.names.values()),
                params, cells, frees);
        code.body = body;
        code.generator = u.scope.isGenerator();
        code.nlocals = u.slots.size();
        code.localNames = u.slots.keySet().toArray(new String[0]);
        code.paramCells = new int[params.size()];
        for (int i = 0; i < params.size(); i++) code.paramCells[i] = cells.indexOf(params.get(i));
        code.consts = constsTuple(u.consts);
        code.shape = shape;
        return rt.heap.alloc(code);
    }

    private PyTuple constsTuple(List<PyObject> consts) {
        List<Object> key = new ArrayList<>();
        for (PyObject c : consts) {
            Object k = Constants.key(c);
            key.add(k != null ? k : new IdentityKey(c));
        }
        PyTuple shared = constsTuples.get(key);
        if (shared != null) {
            rt.heap.incref(shared);
            return shared;
        }
        PyObject[] items = consts.toArray(new PyObject[0]);
        for (PyObject c : items) rt.heap.incref(c);
        PyTuple t = rt.newTuple(items);
        constsTuples.put(key, t);
        return t;
    }

    private record IdentityKey(PyObject o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey k && k.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    /** Compiles a function body; the function's co_consts start with its docstring or None. */
    public PyCode compileFunction(Unit outer, Stmt.FunctionDef def) {
        SymbolScope scope = outer.scope.child(def);
        String qual = qualname(outer, def.name());
        List<String> params = localsOrder(def.params(), scope);
        Unit u = new Unit(scope, qual, params);
        List<Stmt> body = def.body();
        if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt e && e.value() instanceof Expr.StrLit) {
            u.constant(constants.fold(e.value()));
            body = body.subList(1, body.size());
        } else {
            u.constant(PyRuntime.NONE);
        }
        if (rt.rules.borrowedLoads) {
            u.checkedLoads = MaybeUnbound.checkedLoads(body, id -> u.binding(id) == SymbolScope.Binding.LOCAL, params, scope::mangle);
        }
        PyCode.Exec[] compiled = new Stmts(this, u).block(body);
        return finish(u, def.name(), def.span().line(), compiled, params, shape(def.params()));
    }

    /** compiler_set_qualname: a name inside a function gets its qualname plus ".<locals>.", inside a class plus ".". */
    private static String qualname(Unit outer, String name) {
        return outer.scope.kind == SymbolScope.Kind.MODULE ? name
                : outer.qualname + (outer.scope.kind == SymbolScope.Kind.FUNCTION ? ".<locals>." : ".") + name;
    }

    /**
     * compiler_lambda: a function whose body returns one expression; None is its first constant,
     * so it can have no docstring. Its co_name is held by the code, as the function's __name__.
     */
    public PyCode compileLambda(Unit outer, Expr.Lambda l) {
        SymbolScope scope = outer.scope.child(l);
        List<String> params = localsOrder(l.params(), scope);
        Unit u = new Unit(scope, qualname(outer, "<lambda>"), params);
        u.name("<lambda>");
        u.constant(PyRuntime.NONE);
        PyCode.Exec[] compiled = new Stmts(this, u).block(List.of(new Stmt.Return(l.body(), l.body().span())));
        PyCode code = finish(u, "<lambda>", l.span().line(), compiled, params, shape(l.params()));
        code.nameObject = u.name("<lambda>");
        return code;
    }

    /**
     * compiler_comprehension's code object: '.0', the iterator of the first iterable, is its one
     * parameter; {@code body} compiles what it runs, in the unit it is given.
     */
    public PyCode compileComprehension(Unit outer, Expr node, String name, java.util.function.Function<Unit, PyCode.Exec> body) {
        SymbolScope scope = outer.scope.child(node);
        // PEP 709 inlines list, set and dict comprehensions; a generator expression keeps its code.
        if (rt.rules.inlinedComprehensions && !(node instanceof Expr.GeneratorExp)) return inlinedComprehension(outer, scope, node, name, body);
        Unit u = new Unit(scope, qualname(outer, name), List.of(".0"));
        u.name(name);
        PyCode.Exec compiled = body.apply(u);
        PyCode code = finish(u, name, node.span().line(), new PyCode.Exec[] {compiled}, List.of(".0"),
                new PyCode.Shape(1, 0, 0, false, false));
        code.nameObject = u.name(name);
        return code;
    }

    /**
     * PEP 709 (3.12): the comprehension is compiled into the code that contains it, so its constants
     * and names are that code's and no code object of its own exists. What is returned only lays out
     * the frame its variables live in while it runs (never a heap object, never seen by the program).
     */
    private PyCode inlinedComprehension(Unit outer, SymbolScope scope, Expr node, String name,
            java.util.function.Function<Unit, PyCode.Exec> body) {
        Unit u = new Unit(scope, qualname(outer, name), List.of(".0"), outer);
        PyCode.Exec compiled = body.apply(u);
        List<String> cells = new ArrayList<>(), frees = new ArrayList<>();
        for (String c : u.cellOrder) (scope.cells().contains(c) ? cells : frees).add(c);
        PyCode layout = new PyCode(name, u.qualname, file, node.span().line(), scope.kind, List.of(), List.of(".0"), cells, frees);
        layout.body = new PyCode.Exec[] {compiled};
        layout.nlocals = u.slots.size();
        layout.localNames = u.slots.keySet().toArray(new String[0]);
        layout.paramCells = new int[] {cells.indexOf(".0")};
        layout.inlined = true;
        return layout;
    }

    public PyCode compileClassBody(Unit outer, Stmt.ClassDef def) {
        SymbolScope scope = outer.scope.child(def);
        String qual = qualname(outer, def.name());
        Unit u = new Unit(scope, qual, List.of());
        u.constant(constants.canonical(rt.newStr(qual)));
        List<Stmt> body = def.body();
        if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt e && e.value() instanceof Expr.StrLit doc) {
            // compiler_body: a class's docstring is stored as __doc__ in its namespace.
            List<Stmt> withDoc = new ArrayList<>(body);
            withDoc.set(0, new Stmt.Assign(List.of(new Expr.Name("__doc__", e.span())), doc, e.span()));
            body = withDoc;
        }
        PyCode.Exec[] compiled = withAnnotations(body, new Stmts(this, u).block(body));
        return finish(u, def.name(), def.span().line(), compiled, List.of(), PyCode.Shape.NONE);
    }

    /** A module or class body with annotations starts with SETUP_ANNOTATIONS. */
    private PyCode.Exec[] withAnnotations(List<Stmt> source, PyCode.Exec[] body) {
        if (!Annotations.present(source)) return body;
        PyCode.Exec[] out = new PyCode.Exec[body.length + 1];
        out[0] = Annotations.setup(rt);
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /** The parameters as co_varnames begins, as the function spells them: positional ones, keyword-only ones, *args, **kwargs. */
    static List<String> localsOrder(List<Stmt.Param> params, SymbolScope scope) {
        List<String> out = new ArrayList<>();
        for (Stmt.ParamKind k : List.of(Stmt.ParamKind.POSITIONAL_ONLY, Stmt.ParamKind.POSITIONAL_OR_KEYWORD,
                Stmt.ParamKind.KEYWORD_ONLY, Stmt.ParamKind.VAR_POSITIONAL, Stmt.ParamKind.VAR_KEYWORD)) {
            for (Stmt.Param p : params) if (p.kind() == k) out.add(scope.mangle(p.name()));
        }
        return out;
    }

    static PyCode.Shape shape(List<Stmt.Param> params) {
        int posonly = 0, plain = 0, kwonly = 0;
        boolean varargs = false, varkw = false;
        for (Stmt.Param p : params) {
            switch (p.kind()) {
                case POSITIONAL_ONLY -> posonly++;
                case POSITIONAL_OR_KEYWORD -> plain++;
                case KEYWORD_ONLY -> kwonly++;
                case VAR_POSITIONAL -> varargs = true;
                case VAR_KEYWORD -> varkw = true;
            }
        }
        return new PyCode.Shape(posonly + plain, posonly, kwonly, varargs, varkw);
    }
}
