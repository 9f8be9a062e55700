package dev.refgrade.python;

import dev.refgrade.python.Expr.Attribute;
import dev.refgrade.python.Expr.BinOp;
import dev.refgrade.python.Expr.BoolOp;
import dev.refgrade.python.Expr.Call;
import dev.refgrade.python.Expr.Compare;
import dev.refgrade.python.Expr.DictExpr;
import dev.refgrade.python.Expr.FString;
import dev.refgrade.python.Expr.FormattedValue;
import dev.refgrade.python.Expr.IfExp;
import dev.refgrade.python.Expr.Keyword;
import dev.refgrade.python.Expr.ListExpr;
import dev.refgrade.python.Expr.Name;
import dev.refgrade.python.Expr.SetExpr;
import dev.refgrade.python.Expr.Slice;
import dev.refgrade.python.Expr.Subscript;
import dev.refgrade.python.Expr.TupleExpr;
import dev.refgrade.python.Expr.UnaryOp;
import dev.refgrade.python.ParseError.Found;
import dev.refgrade.python.ParseError.Kind;
import dev.refgrade.python.ParseError.Phase;
import dev.refgrade.python.ParseError.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbol-table pass (CPython's Python/symtable.c), run once over a module that parsed: it builds
 * the {@link SymbolScope} tree the compiler reads (local, global, nonlocal, cell and free names;
 * generators) and raises the SyntaxErrors of that pass and of the compiler's checks on where a
 * statement may stand: global and nonlocal declared too late or with nothing to bind, duplicate
 * parameters, import * and := out of place, break and continue outside a loop, return, yield and
 * await outside a function. Before them comes the compiler's limit on how deeply the tree nests
 * (see {@link #MAX_DEPTH}).
 */
final class Symtable {
    private static final int PARAM = SymbolScope.PARAM, LOCAL = SymbolScope.LOCAL, USE = SymbolScope.USE,
            GLOBAL = SymbolScope.GLOBAL, NONLOCAL = SymbolScope.NONLOCAL, IMPORT = SymbolScope.IMPORT,
            ANNOT = SymbolScope.ANNOT, ITER = SymbolScope.ITER;
    private static final SymbolScope.Kind MODULE = SymbolScope.Kind.MODULE, FUNCTION = SymbolScope.Kind.FUNCTION,
            CLASS = SymbolScope.Kind.CLASS;

    /**
     * ast_opt.c and then symtable.c count every statement and expression they enter and give up
     * past the recursion limit times COMPILER_STACK_FRAME_SCALE (1000 x 3) with RecursionError,
     * before any symtable error. Left-associative chains (1 + 1 + ..., a.b.b...) are the way to get
     * there, since brackets stop at 200 levels and indentation at 100. Stopping at the same depth
     * also bounds how deep every later pass over the tree recurses.
     */
    static final int MAX_DEPTH = 3 * 1000;

    private final String file;
    private final String source;
    private final List<Found> found = new ArrayList<>();
    private int depth;
    /** Where the statement being walked starts. */
    private Span statement;

    /** Unwinds the walk at the first node too deep, as VISIT_QUIT does. */
    private static final class TooDeep extends RuntimeException {
        final Span where;

        TooDeep(Span where) {
            super(null, null, false, false);
            this.where = where;
        }
    }

    /** Where the walk stands: inside how many loops (of this function), a function, comprehensions. */
    private int loops;
    private boolean inFunction;
    private int comprehensions;

    private Symtable(String file, String source) {
        this.file = file;
        this.source = source;
    }

    /** The module's scope tree, and the problems found building it. */
    record Result(SymbolScope top, List<Found> found) {}

    /**
     * Builds the symbol table of a module; without {@code complete} (the parser refused a construct
     * and left it out) no nonlocal is reported unbound. With {@code parsed} false (the parser reported errors and
     * left failed statements out) only the compiler's placement checks are kept, as the parser
     * reported them beside its own errors; the symbol table itself is then incomplete.
     */
    static Result build(String file, String source, List<Stmt> module, boolean parsed, boolean complete) {
        var checker = new Symtable(file, source);
        var top = new SymbolScope(null, MODULE, "<module>", false, null);
        try {
            checker.block(module, top);
        } catch (TooDeep d) {
            var problem = new Problem(Kind.SYNTAX, "RecursionError",
                    new Diagnostic(file, d.where.line(), d.where.col(), "maximum recursion depth exceeded during compilation"));
            return new Result(top, parsed ? List.of(new Found(problem, Phase.OPTIMIZER, 0, d.where.line())) : List.of());
        } catch (StackOverflowError e) {
            // A thread with a small stack runs out before MAX_DEPTH: refused, as the parser refuses
            // expressions nested past its own limit, rather than a RecursionError CPython would not raise.
            Span at = checker.statement;
            var problem = new Problem(Kind.UNSUPPORTED, null, new Diagnostic(file, at.line(), at.col(), "expression nested too deeply"));
            return new Result(top, List.of(new Found(problem, Phase.UNSUPPORTED, 0, at.line())));
        }
        if (!parsed) {
            checker.found.removeIf(f -> f.phase() != Phase.COMPILER);
            return new Result(top, checker.found);
        }
        if (checker.found.stream().noneMatch(f -> f.phase() == Phase.SYMTABLE)) checker.analyze(top, complete);
        top.resolve();
        return new Result(top, checker.found);
    }

    private void enter(Span where) {
        if (++depth > MAX_DEPTH) throw new TooDeep(where);
    }

    // ---- first pass: record what each scope does with each name

    private void block(List<Stmt> body, SymbolScope scope) {
        for (Stmt s : body) statement(s, scope);
    }

    private void statement(Stmt s, SymbolScope scope) {
        enter(s.span());
        statement = s.span();
        switch (s) {
            case Stmt.FunctionDef f -> {
                scope.add(f.name(), LOCAL);
                f.decorators().forEach(d -> load(d, scope));
                for (Stmt.Param p : f.params()) if (p.defaultValue() != null) load(p.defaultValue(), scope);
                for (Stmt.Param p : f.params()) if (p.annotation() != null) load(p.annotation(), scope);
                if (f.returns() != null) load(f.returns(), scope);
                SymbolScope function = parameters(f, f.name(), f.params(), scope);
                body(true, () -> block(f.body(), function));
            }
            case Stmt.ClassDef c -> {
                scope.add(c.name(), LOCAL);
                c.decorators().forEach(d -> load(d, scope));
                for (Expr base : c.bases()) load(base, scope);
                for (Keyword k : c.keywords()) load(k.value(), scope);
                var body = new SymbolScope(scope, CLASS, c.name(), false, c);
                body(false, () -> block(c.body(), body));
            }
            case Stmt.Return r -> {
                if (!inFunction) compileError("'return' outside function", r.span());
                if (r.value() != null) load(r.value(), scope);
            }
            case Stmt.Break b -> {
                if (loops == 0) compileError("'break' outside loop", b.span());
            }
            case Stmt.Continue c -> {
                if (loops == 0) compileError("'continue' not properly in loop", c.span());
            }
            case Stmt.AnnAssign a -> annotated(a, scope);
            case Stmt.Raise r -> {
                if (r.exc() != null) load(r.exc(), scope);
                if (r.cause() != null) load(r.cause(), scope);
            }
            case Stmt.Assert a -> {
                load(a.test(), scope);
                if (a.msg() != null) load(a.msg(), scope);
            }
            case Stmt.Try t -> tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody(), scope);
            case Stmt.TryStar t -> tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody(), scope);
            case Stmt.With w -> {
                for (Stmt.WithItem item : w.items()) {
                    load(item.contextExpr(), scope);
                    if (item.target() != null) store(item.target(), scope);
                }
                block(w.body(), scope);
            }
            case Stmt.ImportFrom im -> {
                for (Stmt.Alias alias : im.names()) {
                    if (!alias.name().equals("*")) scope.add(alias.asName() != null ? alias.asName() : alias.name(), IMPORT);
                    else if (scope.kind != MODULE) error("import * only allowed at module level", alias.span());
                }
            }
            case Stmt.Delete d -> d.targets().forEach(target -> store(target, scope));
            case Stmt.Assign a -> {
                a.targets().forEach(target -> store(target, scope));
                load(a.value(), scope);
            }
            case Stmt.AugAssign a -> {
                store(a.target(), scope);
                load(a.value(), scope);
            }
            case Stmt.For f -> {
                store(f.target(), scope);
                load(f.iter(), scope);
                loop(() -> block(f.body(), scope));
                block(f.orelse(), scope);
            }
            case Stmt.While w -> {
                load(w.test(), scope);
                loop(() -> block(w.body(), scope));
                block(w.orelse(), scope);
            }
            case Stmt.If i -> {
                load(i.test(), scope);
                block(i.body(), scope);
                block(i.orelse(), scope);
            }
            case Stmt.Import im -> {
                for (Stmt.Alias alias : im.names()) {
                    int dot = alias.name().indexOf('.');
                    String bound = alias.asName() != null ? alias.asName() : dot < 0 ? alias.name() : alias.name().substring(0, dot);
                    scope.add(bound, IMPORT);
                }
            }
            case Stmt.Global g -> declare(g.names(), GLOBAL, g, scope);
            case Stmt.Nonlocal n -> declare(n.names(), NONLOCAL, n, scope);
            case Stmt.ExprStmt e -> load(e.value(), scope);
            case Stmt.Pass p -> { }
        }
        depth--;
    }

    private void loop(Runnable body) {
        loops++;
        try {
            body.run();
        } finally {
            loops--;
        }
    }

    /** A function's or class's body: a new frame, where no enclosing loop counts. */
    private void body(boolean function, Runnable body) {
        int savedLoops = loops;
        boolean savedFunction = inFunction;
        loops = 0;
        inFunction = function;
        try {
            body.run();
        } finally {
            loops = savedLoops;
            inFunction = savedFunction;
        }
    }

    private void tryStatement(List<Stmt> body, List<Stmt.ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody,
            SymbolScope scope) {
        block(body, scope);
        for (Stmt.ExceptHandler h : handlers) {
            if (h.type() != null) load(h.type(), scope);
            if (h.name() != null) scope.add(h.name(), LOCAL);
            block(h.body(), scope);
        }
        block(orelse, scope);
        block(finalbody, scope);
    }

    /** symtable.c's AnnAssign: a simple name is an annotated local, and can then be neither global nor nonlocal. */
    private void annotated(Stmt.AnnAssign a, SymbolScope scope) {
        if (a.target() instanceof Name n) {
            int current = scope.flags(n.id());
            if ((current & (GLOBAL | NONLOCAL)) != 0 && scope.kind != MODULE && a.simple()) {
                error("annotated name '" + n.id() + "' can't be " + ((current & GLOBAL) != 0 ? "global" : "nonlocal"), a.span());
            }
            if (a.simple()) scope.add(n.id(), ANNOT | LOCAL);
            else if (a.value() != null) scope.add(n.id(), LOCAL);
        } else {
            load(a.target(), scope);
        }
        load(a.annotation(), scope);
        if (a.value() != null) load(a.value(), scope);
    }

    /** A function's (or lambda's) scope with its parameters, each named once. */
    private SymbolScope parameters(Object node, String name, List<Stmt.Param> params, SymbolScope scope) {
        var function = new SymbolScope(scope, FUNCTION, name, false, node);
        for (Stmt.Param p : params) {
            if ((function.flags(p.name()) & PARAM) != 0) {
                error("duplicate argument '" + p.name() + "' in function definition", p.span());
            }
            function.add(p.name(), PARAM);
        }
        return function;
    }

    /**
     * A comprehension: its first iterable is evaluated where it stands; the rest is a function scope
     * of its own whose parameter is that iterable's iterator ('.0'), as symtable.c makes it.
     */
    private void comprehension(Expr node, String name, List<Expr> elements, List<Expr.Comprehension> generators, SymbolScope scope) {
        comprehensions++;
        try {
            load(generators.get(0).iter(), scope);
            var comp = new SymbolScope(scope, FUNCTION, name, true, node);
            body(true, () -> comprehensionBody(comp, elements, generators));
            // compiler_comprehension: only a generator expression may await outside an async function,
            // and the simulator's tree holds no async function (the parser refuses them).
            if (comp.coroutine && !(node instanceof Expr.GeneratorExp)) {
                compileError("asynchronous comprehension outside of an asynchronous function", node.span());
            }
        } finally {
            comprehensions--;
        }
    }

    private void comprehensionBody(SymbolScope comp, List<Expr> elements, List<Expr.Comprehension> generators) {
        comp.add(".0", PARAM);
        for (int i = 0; i < generators.size(); i++) {
            Expr.Comprehension g = generators.get(i);
            iterationTargets(g.target(), comp);
            store(g.target(), comp);
            if (i > 0) load(g.iter(), comp);
            for (Expr test : g.ifs()) load(test, comp);
        }
        for (Expr e : elements) load(e, comp);
    }

    private void iterationTargets(Expr target, SymbolScope comp) {
        switch (target) {
            case Name n -> comp.add(n.id(), ITER);
            case TupleExpr tuple -> tuple.elts().forEach(e -> iterationTargets(e, comp));
            case ListExpr list -> list.elts().forEach(e -> iterationTargets(e, comp));
            case Expr.Starred st -> iterationTargets(st.value(), comp);
            default -> { }
        }
    }

    /**
     * symtable_extend_namedexpr_scope: in a comprehension, {@code x := v} binds x in the nearest
     * enclosing function or module, and may not rebind an iteration variable or reach a class body.
     */
    private void namedTarget(Name target, SymbolScope scope) {
        if (!scope.comprehension) {
            scope.add(target.id(), LOCAL);
            return;
        }
        for (SymbolScope s = scope; s.comprehension; s = s.parent) {
            if ((s.flags(target.id()) & ITER) != 0) {
                error("assignment expression cannot rebind comprehension iteration variable '" + target.id() + "'", target.span());
                return;
            }
        }
        SymbolScope outer = scope;
        while (outer.comprehension) outer = outer.parent;
        if (outer.kind == CLASS) {
            error("assignment expression within a comprehension cannot be used in a class body", target.span());
            return;
        }
        scope.add(target.id(), USE);
        outer.add(target.id(), LOCAL);
    }

    private void declare(List<String> names, int flag, Stmt statement, SymbolScope scope) {
        String word = flag == GLOBAL ? "global" : "nonlocal";
        for (String name : names) {
            int current = scope.flags(name);
            String problem = (current & PARAM) != 0 ? "name '" + name + "' is parameter and " + word
                    : (current & USE) != 0 ? "name '" + name + "' is used prior to " + word + " declaration"
                    : (current & ANNOT) != 0 ? "annotated name '" + name + "' can't be " + word
                    : (current & LOCAL) != 0 ? "name '" + name + "' is assigned to before " + word + " declaration"
                    : null;
            if (problem != null) error(problem, statement.span());
            scope.add(name, flag);
            scope.directives.putIfAbsent(scope.mangle(name), statement);
        }
    }

    private void store(Expr target, SymbolScope scope) {
        enter(target.span());
        switch (target) {
            case Name n -> scope.add(n.id(), LOCAL);
            case TupleExpr tuple -> tuple.elts().forEach(e -> store(e, scope));
            case ListExpr list -> list.elts().forEach(e -> store(e, scope));
            case Expr.Starred st -> store(st.value(), scope);
            default -> visit(target, scope);
        }
        depth--;
    }

    private void load(Expr e, SymbolScope scope) {
        enter(e.span());
        visit(e, scope);
        depth--;
    }

    /** The names an expression uses; entering it was counted by the caller. */
    private void visit(Expr e, SymbolScope scope) {
        switch (e) {
            case Name n -> {
                scope.add(n.id(), USE);
                // symtable.c: inside a function, loading 'super' counts as a use of __class__.
                if (n.id().equals("super") && scope.kind == SymbolScope.Kind.FUNCTION) scope.add("__class__", USE);
            }
            case BinOp b -> {
                load(b.left(), scope);
                load(b.right(), scope);
            }
            case UnaryOp u -> load(u.operand(), scope);
            case BoolOp b -> b.values().forEach(v -> load(v, scope));
            case Compare c -> {
                load(c.left(), scope);
                c.comparators().forEach(v -> load(v, scope));
            }
            case Call c -> {
                load(c.func(), scope);
                c.args().forEach(v -> load(v, scope));
                for (Keyword k : c.keywords()) load(k.value(), scope);
            }
            case Attribute a -> load(a.value(), scope);
            case Subscript s -> {
                load(s.value(), scope);
                load(s.index(), scope);
            }
            case Slice s -> {
                for (Expr part : new Expr[] {s.lower(), s.upper(), s.step()}) if (part != null) load(part, scope);
            }
            case ListExpr l -> l.elts().forEach(v -> load(v, scope));
            case TupleExpr tuple -> tuple.elts().forEach(v -> load(v, scope));
            case SetExpr set -> set.elts().forEach(v -> load(v, scope));
            case DictExpr d -> {
                d.keys().forEach(v -> {
                    if (v != null) load(v, scope);
                });
                d.values().forEach(v -> load(v, scope));
            }
            case IfExp i -> {
                load(i.body(), scope);
                load(i.test(), scope);
                load(i.orelse(), scope);
            }
            case FString f -> f.parts().forEach(v -> load(v, scope));
            case FormattedValue f -> {
                load(f.value(), scope);
                if (f.formatSpec() != null) load(f.formatSpec(), scope);
            }
            case Expr.Lambda l -> {
                for (Stmt.Param p : l.params()) if (p.defaultValue() != null) load(p.defaultValue(), scope);
                SymbolScope function = parameters(l, "<lambda>", l.params(), scope);
                body(true, () -> load(l.body(), function));
            }
            case Expr.ListComp c -> comprehension(c, "<listcomp>", List.of(c.elt()), c.generators(), scope);
            case Expr.SetComp c -> comprehension(c, "<setcomp>", List.of(c.elt()), c.generators(), scope);
            case Expr.DictComp c -> comprehension(c, "<dictcomp>", List.of(c.key(), c.value()), c.generators(), scope);
            case Expr.GeneratorExp g -> comprehension(g, "<genexpr>", List.of(g.elt()), g.generators(), scope);
            case Expr.Starred st -> load(st.value(), scope);
            case Expr.NamedExpr n -> {
                load(n.value(), scope);
                namedTarget(n.target(), scope);
            }
            case Expr.Yield y -> {
                yielding(y, scope);
                if (y.value() != null) load(y.value(), scope);
            }
            case Expr.YieldFrom y -> {
                yielding(y, scope);
                load(y.value(), scope);
            }
            case Expr.Await a -> {
                if (comprehensions > 0) scope.coroutine = true;
                else if (!inFunction) compileError("'await' outside function", a.span());
                else compileError("'await' outside async function", a.span());
                load(a.value(), scope);
            }
            default -> { } // literals
        }
    }

    /** A yield makes its function a generator; in a comprehension it is symtable.c's error. */
    private void yielding(Expr e, SymbolScope scope) {
        if (!inFunction) {
            compileError("'yield' outside function", e.span());
        } else if (scope.comprehension) {
            String what = switch (scope.name) {
                case "<listcomp>" -> "list comprehension";
                case "<setcomp>" -> "set comprehension";
                case "<dictcomp>" -> "dict comprehension";
                default -> "generator expression";
            };
            error("'yield' inside " + what, e.span());
        } else {
            scope.generator = true;
        }
    }

    // ---- second pass: resolve nonlocal names, scope by scope from the top

    private void analyze(SymbolScope scope, boolean complete) {
        for (var entry : scope.names.entrySet()) {
            String name = entry.getKey();
            int flags = entry.getValue();
            if ((flags & NONLOCAL) == 0) continue;
            Stmt directive = scope.directives.get(name);
            if ((flags & GLOBAL) != 0) {
                error("name '" + name + "' is nonlocal and global", directive.span());
            } else if (scope.kind == MODULE) {
                error("nonlocal declaration not allowed at module level", directive.span());
            } else if (complete && !boundOutside(scope, name)) {
                error("no binding for nonlocal '" + name + "' found", directive.span());
            }
        }
        for (SymbolScope child : scope.children) analyze(child, complete);
    }

    /** Is name bound in an enclosing function? Class bodies are not enclosing scopes for this. */
    private static boolean boundOutside(SymbolScope scope, String name) {
        for (SymbolScope s = scope.parent; s != null && s.kind != MODULE; s = s.parent) {
            if (s.kind == CLASS) continue;
            int flags = s.flags(name);
            if ((flags & GLOBAL) != 0) return false;
            if ((flags & (PARAM | LOCAL | IMPORT)) != 0) return true;
        }
        return false;
    }

    private void compileError(String message, Span s) {
        problem(message, s, Phase.COMPILER);
    }

    private void error(String message, Span s) {
        problem(message, s, Phase.SYMTABLE);
    }

    private void problem(String message, Span s, Phase phase) {
        int col = ParseError.byteColumn(source, s.line(), s.col()); // CPython counts UTF-8 bytes
        int endCol = ParseError.byteColumn(source, s.endLine(), s.endCol());
        var problem = new Problem(Kind.SYNTAX, "SyntaxError", new Diagnostic(file, s.line(), col, message), s.endLine(), endCol);
        found.add(new Found(problem, phase, 0, s.line()));
    }
}
