package dev.refgrade.python;

import static dev.refgrade.python.TokenKind.*;

import dev.refgrade.python.Expr.Attribute;
import dev.refgrade.python.Expr.BinOp;
import dev.refgrade.python.Expr.BoolLit;
import dev.refgrade.python.Expr.BoolOp;
import dev.refgrade.python.Expr.BytesLit;
import dev.refgrade.python.Expr.Call;
import dev.refgrade.python.Expr.Compare;
import dev.refgrade.python.Expr.DictComp;
import dev.refgrade.python.Expr.DictExpr;
import dev.refgrade.python.Expr.EllipsisLit;
import dev.refgrade.python.Expr.FString;
import dev.refgrade.python.Expr.FloatLit;
import dev.refgrade.python.Expr.IfExp;
import dev.refgrade.python.Expr.IntLit;
import dev.refgrade.python.Expr.Lambda;
import dev.refgrade.python.Expr.ListComp;
import dev.refgrade.python.Expr.ListExpr;
import dev.refgrade.python.Expr.Name;
import dev.refgrade.python.Expr.NoneLit;
import dev.refgrade.python.Expr.SetComp;
import dev.refgrade.python.Expr.SetExpr;
import dev.refgrade.python.Expr.Slice;
import dev.refgrade.python.Expr.StrLit;
import dev.refgrade.python.Expr.Subscript;
import dev.refgrade.python.Expr.TupleExpr;
import dev.refgrade.python.Expr.UnaryOp;
import dev.refgrade.python.ParseError.Found;
import dev.refgrade.python.ParseError.Kind;
import dev.refgrade.python.ParseError.Phase;
import dev.refgrade.python.ParseError.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CPython's second, error-reporting pass: the {@code invalid_*} rules of its grammar, which turn a
 * failed parse into a specific message ("cannot assign to ...", "Perhaps you forgot a comma?"),
 * and the checks on what may be assigned, deleted or annotated.
 */
abstract sealed class InvalidRules extends TokenCursor permits Displays {
    /** How a target list is checked: CPython words the errors differently for each. */
    enum Targets { ASSIGN, FOR, DEL }

    /** Stand-ins for refused expressions, with the name CPython uses for them in messages. */
    final Map<Expr, String> refused = new IdentityHashMap<>();
    /** Expressions written in parentheses, which CPython's error rules treat apart. */
    final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());

    InvalidRules(String file, String source, List<Token> tokens, boolean byteColumns) {
        super(file, source, tokens, byteColumns);
    }

    List<Expr> checkDeletable(Expr e) {
        List<Expr> targets = e instanceof TupleExpr tuple && !parenthesized.contains(e) ? tuple.elts() : List.of(e);
        for (Expr target : targets) {
            Expr bad = invalidTarget(target, Targets.DEL);
            if (bad != null) throw syntax("cannot delete " + exprName(bad), bad.span());
        }
        return targets;
    }

    static boolean isStarred(Expr e) {
        return e instanceof Expr.Starred;
    }

    /** A starred expression is a target, or an item of a display or call; CPython's compiler rejects it elsewhere. */
    void starredValue(Expr e) {
        if (isStarred(e)) compileError("can't use starred expression here", e.span());
    }

    /**
     * A statement starting "a, b c ...": CPython's invalid_assignment reads star_named_expressions
     * repeatedly, so an expression after the missing comma is checked as a named expression too.
     */
    Failure afterTargetList(int start, int mark, Failure failure) {
        int at = pos;
        boolean afterList = found.size() == mark + 1 && !isSpecific(found.get(mark)) && startsExpression(kind());
        if (!afterList) return failure;
        boolean comma = false;
        for (int i = start; i < at; i++) comma |= t[i].kind() == COMMA && t[i].depth() == t[start].depth();
        if (!comma) return failure;
        Failure raised = checked(at, this::starNamedExpressions).raised();
        if (raised == null) return failure;
        found.remove(mark);
        return raised;
    }

    /** x.y := 1 as a statement: CPython's error pass names what cannot be assigned with ':='. */
    void walrusInStatement(Expr first) {
        Expr last = first instanceof TupleExpr tuple && !parenthesized.contains(first) ? tuple.elts().get(tuple.elts().size() - 1) : first;
        if (!(last instanceof Name) && speculateFrom(pos + 1, this::expression, false) != null) {
            throw syntax("cannot use assignment expressions with " + exprName(last), last.span());
        }
    }

    boolean hasInvalidTarget(List<Expr> targets) {
        for (Expr target : targets) if (invalidTarget(target, Targets.ASSIGN) != null) return true;
        return false;
    }

    /**
     * The error for an assignment with an invalid target, as CPython's invalid_assignment rule words it.
     * The last element of the first target, directly before '=', is first tried as a named_expression,
     * which blames it "here" (suggesting '==') even when it is a valid target.
     */
    Failure invalidAssignment(List<Expr> targets, List<Integer> starts) {
        Expr first = targets.get(0);
        int eq = starts.get(1) - 1;
        Expr last = first;
        int lastStart = starts.get(0);
        if (first instanceof TupleExpr tuple && !parenthesized.contains(first)) {
            last = tuple.elts().get(tuple.elts().size() - 1);
            for (int i = lastStart; i < eq; i++) {
                if (t[i].kind() == COMMA && t[i].depth() == t[starts.get(0)].depth()) lastStart = i + 1;
            }
        }
        if (lastStart < eq) {
            Failure here = assignedHere(last, lastStart, eq);
            if (here != null) return here;
        }
        for (Expr target : targets) {
            Expr bad = invalidTarget(target, Targets.ASSIGN);
            if (bad != null) return syntax("cannot assign to " + exprName(bad), bad.span());
        }
        throw new IllegalStateException("no invalid target");
    }

    /**
     * invalid_named_expression: {@code e = b} where a comparison was probably meant. Null when
     * CPython would not blame e, e.g. when b is itself followed by '=' (a chained assignment).
     */
    Failure assignedHere(Expr e, int eStart, int eq) {
        Expr b = speculateFrom(eq + 1, this::bitwiseOr, false);
        TokenKind after = t[Math.min(speculationEnd, t.length - 1)].kind();
        if (b == null || after == EQUAL || after == COLONEQUAL) return null;
        Token first = t[eStart];
        if (e instanceof Name && eStart == eq - 1 && first.kind() == NAME) {
            return syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    first.line(), first.col(), b.span().endLine(), b.span().endCol());
        }
        if (!startsWithDisplay(eStart) && isBitwiseOrLevel(e)) {
            return syntax("cannot assign to " + exprName(e) + " here. Maybe you meant '==' instead of '='?", e.span());
        }
        return null;
    }

    /** invalid_parameters: def f((a, b)) is Python 2's tuple parameter. */
    Failure parenthesizedParameters() {
        Token open = tok();
        Boolean names = speculate(() -> {
            advance();
            do {
                expectName();
            } while (accept(COMMA) && kind() == NAME);
            expectClosing(RPAR);
            return true;
        });
        if (names == null) return unexpected();
        Token close = t[speculationEnd - 1];
        return syntax("Function parameters cannot be parenthesized", open.line(), open.col(), close.endLine(), close.endCol());
    }

    /**
     * print [0] and print -x are valid, but CPython's error pass reads them as Python 2's print
     * statement; if the file has a syntax error further on, that is what CPython reports.
     */
    void latentLegacyPrint(int name) {
        TokenKind next = kind();
        if (withoutInvalid || !(next == LSQB || next == MINUS || next == PLUS || next == STAR)) return;
        Expr b = speculate(this::starExpressions);
        if (b == null) return;
        Token first = t[name];
        var problem = new Problem(Kind.SYNTAX, "SyntaxError", new Diagnostic(file, first.line(),
                ParseError.byteColumn(source, first.line(), first.col()),
                "Missing parentheses in call to '" + first.text() + "'. Did you mean " + first.text() + "(...)?"),
                b.span().endLine(), ParseError.byteColumn(source, b.span().endLine(), b.span().endCol()));
        found.add(new Found(problem, Phase.LATENT, speculationEnd, t[speculationEnd].line()));
    }

    /**
     * A '{' right after a primary is an error, but CPython's error pass first tries it as a
     * comprehension (invalid_comprehension), parsing the expression inside; errors found there win.
     */
    void comprehensionTargetProbe() {
        Failure raised = checked(pos + 1, this::starNamedExpression).raised();
        if (raised != null) throw raised;
    }

    /**
     * A subscript that does not parse, as in print(t[] == x): CPython's PEG parser then takes the
     * expression to end before the '[' and the bracket to start the next one, a missing comma.
     */
    Failure subscriptAsNextExpression(int aStart, Expr a, int open, int mark, Failure failure) {
        if (withoutInvalid || found.size() != mark + 1 || isSpecific(found.get(mark))) return failure;
        Found generic = found.remove(mark);
        Failure hint = hintAt(aStart, a, open);
        if (hint != null) return hint;
        found.add(generic);
        return failure;
    }

    Expr markParenthesized(Expr e) {
        parenthesized.add(e);
        return e;
    }

    /** invalid_comprehension: a starred element cannot be unpacked into a comprehension's result. */
    Expr comprehensionElement(Expr elt) {
        if (isStarred(elt)) throw syntax("iterable unpacking cannot be used in comprehension", elt.span());
        return elt;
    }

    /** _PyPegen_get_invalid_target: the part of e that cannot be assigned (or deleted), or null. */
    Expr invalidTarget(Expr e, Targets mode) {
        if (refused.containsKey(e)) return e;
        return switch (e) {
            case Expr.Starred st -> mode == Targets.DEL ? e : invalidTarget(st.value(), mode);
            case ListExpr l -> firstInvalid(l.elts(), mode);
            case TupleExpr tuple -> firstInvalid(tuple.elts(), mode);
            case Name n -> null;
            case Attribute a -> null;
            case Subscript s -> null;
            case Compare c when mode == Targets.FOR -> c.ops().get(0) == CmpOp.IN ? invalidTarget(c.left(), mode) : null;
            default -> e;
        };
    }

    Expr firstInvalid(List<Expr> elts, Targets mode) {
        for (Expr e : elts) {
            Expr bad = invalidTarget(e, mode);
            if (bad != null) return bad;
        }
        return null;
    }

    /** _PyPegen_get_expr_name: how CPython names an expression in "cannot assign to ..." messages. */
    String exprName(Expr e) {
        String what = refused.get(e);
        if (what != null) return what;
        return switch (e) {
            case Attribute a -> "attribute";
            case Subscript s -> "subscript";
            case Name n -> "name";
            case ListExpr l -> "list";
            case TupleExpr tuple -> "tuple";
            case Call c -> "function call";
            case BoolOp b -> "expression";
            case BinOp b -> "expression";
            case UnaryOp u -> "expression";
            case DictExpr d -> "dict literal";
            case SetExpr s -> "set display";
            case FString f -> "f-string expression";
            case Expr.FormattedValue f -> "f-string expression";
            case NoneLit n -> "None";
            case BoolLit b -> b.value() ? "True" : "False";
            case EllipsisLit el -> "ellipsis";
            case Compare c -> "comparison";
            case IfExp i -> "conditional expression";
            case Slice s -> "slice";
            case Lambda l -> "lambda";
            case ListComp l -> "list comprehension";
            case SetComp sc -> "set comprehension";
            case DictComp dc -> "dict comprehension";
            case Expr.GeneratorExp g -> "generator expression";
            case Expr.Starred st -> "starred";
            case Expr.NamedExpr n -> "named expression";
            case Expr.Yield y -> "yield expression";
            case Expr.YieldFrom y -> "yield expression";
            case Expr.Await a -> "await expression";
            case IntLit i -> "literal";
            case FloatLit f -> "literal";
            case Expr.ImagLit j -> "literal";
            case StrLit s -> "literal";
            case BytesLit b -> "literal";
        };
    }

    /** Could e be the bitwise_or in front of an '='? Not if it is a comparison or looser, unparenthesized. */
    boolean isBitwiseOrLevel(Expr e) {
        if (parenthesized.contains(e)) return true;
        String what = refused.get(e);
        if (what != null) return what.contains("comprehension") || what.equals("generator expression") || what.equals("await expression");
        if (e instanceof ListComp || e instanceof SetComp || e instanceof DictComp || e instanceof Expr.GeneratorExp
                || e instanceof Expr.Await) return true;
        return !(e instanceof Compare || e instanceof Expr.Starred || e instanceof Expr.NamedExpr || e instanceof Expr.Yield
                || e instanceof Expr.YieldFrom || e instanceof BoolOp || e instanceof IfExp || e instanceof Lambda
                || e instanceof UnaryOp u && u.op() == UnaryOperator.NOT);
    }

    /** CPython's lookahead !(list|tuple|genexp|'True'|'None'|'False') at token i. */
    boolean startsWithDisplay(int i) {
        Token x = t[i];
        switch (x.kind()) {
            case TRUE, FALSE, NONE -> {
                return true;
            }
            case LSQB, LPAR -> {
                boolean comma = false;
                boolean comprehension = false;
                int j = i + 1;
                for (; j < t.length && !(t[j].depth() == x.depth() && t[j].kind() != x.kind()); j++) {
                    if (t[j].depth() == x.depth() + 1) {
                        comma |= t[j].kind() == COMMA;
                        comprehension |= t[j].kind() == FOR;
                    }
                }
                if (x.kind() == LSQB) return !comprehension;
                return comprehension || comma || j == i + 1;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * "invalid syntax" at the current token, unless CPython's error pass would say more: a missing
     * comma between two expressions in brackets, or Python 2's print statement.
     */
    Failure unexpected() {
        Token x = tok();
        if (x.kind() == ERROR) return FAILURE; // the tokenizer has reported it
        if (x.kind() == DEDENT) {
            // CPython names a failure at an indentation token, and stops there.
            record(Phase.PARSER_STOP, "IndentationError", "unexpected unindent", x.line(), x.col() - 1, x.line(), -1);
            return FAILURE;
        }
        if (!withoutInvalid && lastDisjunctionEnd == pos && startsExpression(x.kind())) {
            Failure hint = hintAt(lastDisjunctionStart, lastDisjunction, pos);
            if (hint != null) return hint;
        }
        return syntaxAt("invalid syntax", x);
    }

    /**
     * CPython's invalid_expression and invalid_legacy_expression for a disjunction a, tokens
     * [aStart, here), followed by the start of another expression: "Perhaps you forgot a comma?"
     * inside brackets, or Python 2's print statement. Mirrors their quirks: names that are a prefix
     * of a soft keyword ("c", "ma") are skipped, and for a lone name the following expression is
     * checked in turn. Null when CPython would just say "invalid syntax".
     */
    Failure hintAt(int aStart, Expr a, int here) {
        Token first = t[aStart];
        boolean single = first.kind() == NAME && aStart + 1 == here;
        boolean legacy = single && (first.text().equals("print") || first.text().equals("exec"));
        boolean excluded = first.kind() == NAME && (t[aStart + 1].kind() == STRING || isSoftKeywordPrefix(first.text()));
        if (!excluded) {
            boolean saved = withoutInvalid;
            withoutInvalid = true;
            Expr b;
            try {
                b = speculateFrom(here, this::expression, false);
            } finally {
                withoutInvalid = saved;
            }
            if (b != null && !legacy && t[speculationEnd - 1].depth() > 0) {
                Span from = a != null ? a.span() : first.span(); // a parenthesized a counts from inside its parentheses
                return syntax("invalid syntax. Perhaps you forgot a comma?",
                        from.line(), from.col(), b.span().endLine(), b.span().endCol());
            }
        }
        if (!single || t[here].kind() == LPAR) return null;
        // invalid_legacy_expression parses star_expressions after the name, checking each expression in it.
        // Where the first check parsed the next expression, CPython's memo replays that quiet parse.
        Checked checked = checked(here, excluded ? this::starExpressions : this::starExpressionsQuietFirst);
        if (checked.raised() != null) return checked.raised();
        Expr b = checked.parsed();
        if (b == null || !legacy) return null;
        return syntax("Missing parentheses in call to '" + first.text() + "'. Did you mean " + first.text() + "(...)?",
                first.line(), first.col(), b.span().endLine(), b.span().endCol());
    }

    /** What {@link #checked} parsed, and the error CPython's checks raised on the way (or null). */
    record Checked(Expr parsed, Failure raised) {}

    /**
     * Parses rule from token `from` as CPython's error pass does where the valid grammar asked for
     * something narrower (a target, a name): its checks run on every expression, including one that
     * follows another without a comma. Consumes nothing; keeps only a raised error's problem.
     */
    Checked checked(int from, Supplier<Expr> rule) {
        Mark m = mark();
        pos = from;
        lastDisjunctionEnd = -1;
        backtracking = true;
        Expr parsed = null;
        Failure raised = null;
        try {
            parsed = rule.get();
            if (lastDisjunctionEnd == pos && startsExpression(kind())) raised = hintAt(lastDisjunctionStart, lastDisjunction, pos);
        } catch (Failure f) {
            if (raisedSpecific(m)) raised = f;
        } finally {
            reset(m, raised != null);
        }
        return new Checked(parsed, raised);
    }

    Expr starExpressionsQuietFirst() {
        int start = pos;
        boolean saved = withoutInvalid;
        withoutInvalid = true;
        Expr first;
        try {
            first = starExpression();
        } finally {
            withoutInvalid = saved;
        }
        lastDisjunctionEnd = -1;
        return commaList(start, first, this::starExpression);
    }

    /**
     * The rest of a comma-separated list whose first item (from token start) is parsed: that item
     * alone when no comma follows, else an unparenthesised tuple of it and each item after a comma
     * (a trailing comma allowed).
     */
    Expr commaList(int start, Expr first, Supplier<Expr> item) {
        if (kind() != COMMA) return first;
        var elts = new ArrayList<Expr>();
        elts.add(first);
        while (accept(COMMA) && (startsExpression(kind()) || kind() == STAR)) elts.add(item.get());
        return new TupleExpr(List.copyOf(elts), spanFrom(start));
    }

    /** _PyPegen_soft_keyword_token compares only the token's length of each keyword, so "c" counts. */
    static boolean isSoftKeywordPrefix(String name) {
        return "match".startsWith(name) || "case".startsWith(name) || "_".startsWith(name);
    }

    String expectName() {
        if (kind() != NAME) throw unexpected();
        return advance().text();
    }

    abstract Expr bitwiseOr();

    abstract Expr expression();

    abstract Expr starExpression();

    abstract Expr starExpressions();

    abstract Expr starNamedExpression();

    abstract Expr starNamedExpressions();
}
