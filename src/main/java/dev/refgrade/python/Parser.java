package dev.refgrade.python;

import static dev.refgrade.python.TokenKind.*;

import dev.refgrade.python.Expr.Attribute;
import dev.refgrade.python.Expr.BinOp;
import dev.refgrade.python.Expr.BoolLit;
import dev.refgrade.python.Expr.BoolOp;
import dev.refgrade.python.Expr.BytesLit;
import dev.refgrade.python.Expr.Call;
import dev.refgrade.python.Expr.Compare;
import dev.refgrade.python.Expr.Comprehension;
import dev.refgrade.python.Expr.DictComp;
import dev.refgrade.python.Expr.DictExpr;
import dev.refgrade.python.Expr.EllipsisLit;
import dev.refgrade.python.Expr.FString;
import dev.refgrade.python.Expr.FloatLit;
import dev.refgrade.python.Expr.IfExp;
import dev.refgrade.python.Expr.IntLit;
import dev.refgrade.python.Expr.Keyword;
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
import dev.refgrade.python.Stmt.Alias;
import dev.refgrade.python.Stmt.Assign;
import dev.refgrade.python.Stmt.AugAssign;
import dev.refgrade.python.Stmt.ClassDef;
import dev.refgrade.python.Stmt.Delete;
import dev.refgrade.python.Stmt.ExprStmt;
import dev.refgrade.python.Stmt.For;
import dev.refgrade.python.Stmt.FunctionDef;
import dev.refgrade.python.Stmt.Global;
import dev.refgrade.python.Stmt.If;
import dev.refgrade.python.Stmt.Import;
import dev.refgrade.python.Stmt.Nonlocal;
import dev.refgrade.python.Stmt.Param;
import dev.refgrade.python.Stmt.Return;
import dev.refgrade.python.Stmt.While;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for the supported subset of Python 3.11, over {@link Lexer} tokens.
 *
 * <p>It follows CPython's grammar and, where a program is wrong, reproduces the message and
 * position CPython's second, error-reporting pass would give. After an error it skips to the next
 * statement and goes on, so {@link ParseError} lists every problem. Constructs refgrade does not
 * simulate are parsed in full (so they do not cause false syntax errors) and reported as UNSUPPORTED.
 */
public final class Parser {
    /** Unwinds to the enclosing statement once a problem is recorded. */
    private static final class Failure extends RuntimeException {
        Failure() {
            super(null, null, false, false);
        }
    }

    private static final Failure FAILURE = new Failure();
    private static final int MAX_STR_DIGITS = 4300;
    private static final int MAX_NESTING = 300;

    /** How a target list is checked: CPython words the errors differently for each. */
    private enum Targets { ASSIGN, FOR, DEL }

    private final String file;
    private final String source;
    /** False inside an f-string field, whose error columns are made relative to the field instead. */
    private final boolean byteColumns;
    private final Token[] t;
    private final List<Found> found = new ArrayList<>();
    private int pos;
    /** The furthest token looked at, CPython's tokens[fill-1]; errors are ordered by it. */
    private int furthest;

    /** Parsing as CPython's *_without_invalid rules do: no error-pass rules, backtracking instead. */
    private boolean withoutInvalid;
    /** Parsing as CPython's error pass does: failures that raise nothing backtrack (see operand). */
    private boolean backtracking;
    private boolean inAsyncFunction;
    private int nesting;

    /** The last disjunction parsed and its token range, for "Perhaps you forgot a comma?". */
    private Expr lastDisjunction;
    private int lastDisjunctionStart = -1;
    private int lastDisjunctionEnd = -1;
    /** Where the innermost disjunction being parsed started. */
    private int disjunctionStart;
    private int speculationEnd;

    /** Stand-ins for refused expressions, with the name CPython uses for them in messages. */
    private final Map<Expr, String> refused = new IdentityHashMap<>();
    private final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());

    private Parser(String file, String source, List<Token> tokens, boolean byteColumns) {
        this.file = file;
        this.source = source;
        this.byteColumns = byteColumns;
        this.t = tokens.toArray(Token[]::new);
    }

    /** Parses a whole file, or throws every problem found in it. */
    public static Module parse(String fileName, String source) throws ParseError {
        var lexer = new Lexer(fileName, source);
        var parser = new Parser(fileName, lexer.source(), lexer.tokens(), true);
        List<Stmt> body = parser.fileInput();
        var all = new ArrayList<>(lexer.found());
        all.addAll(parser.found);
        List<String> lines = lines(lexer.source());
        boolean syntaxOk = all.stream().noneMatch(f -> f.phase().compareTo(Phase.PARSER) <= 0);
        if (syntaxOk) all.removeIf(f -> f.phase() == Phase.LATENT);
        // Constructs refused here leave holes in the tree: then no name is declared unbound for want of them.
        boolean complete = all.stream().noneMatch(f -> f.phase() == Phase.UNSUPPORTED);
        Symtable.Result symbols = Symtable.build(fileName, lexer.source(), body, syntaxOk, complete);
        all.addAll(symbols.found());
        if (!all.isEmpty()) throw new ParseError(all, lines);
        return new Module(fileName, lines, body, symbols.top());
    }

    private static List<String> lines(String source) {
        var lines = new ArrayList<String>();
        int start = 0;
        for (int nl = source.indexOf('\n'); nl >= 0; nl = source.indexOf('\n', start)) {
            lines.add(source.substring(start, nl));
            start = nl + 1;
        }
        if (start < source.length()) lines.add(source.substring(start));
        return List.copyOf(lines);
    }

    // ======================================================================= statements

    private List<Stmt> fileInput() {
        var body = new ArrayList<Stmt>();
        while (kind() != END) statementInto(body);
        return body;
    }

    /** Parses one statement into out; on failure skips past it, so the caller can go on. */
    private void statementInto(List<Stmt> out) {
        int start = pos;
        try {
            if (kind() == INDENT) {
                Token indent = tok();
                // CPython's offset for an INDENT is the width of the indentation, so no caret is shown.
                record(Phase.PARSER_STOP, "IndentationError", "unexpected indent",
                        indent.line(), indent.col() - 1, indent.line(), -1);
                skipBlock();
                return;
            }
            statement(out);
        } catch (Failure f) {
            recover(start);
        }
    }

    private void recover(int start) {
        if (pos == start && kind() == ERROR) {
            // The tokenizer reported this; what follows it on the line may still parse.
            pos++;
            if (kind() == NEWLINE) pos++;
            return;
        }
        boolean atStatementStart = pos > start && pos > 0
                && (t[pos - 1].kind() == NEWLINE || t[pos - 1].kind() == INDENT || t[pos - 1].kind() == DEDENT);
        if (!atStatementStart) {
            while (kind() != NEWLINE && kind() != END) pos++;
            if (kind() == NEWLINE) pos++;
        }
        if (kind() == INDENT) skipBlock();
    }

    private void skipBlock() {
        int level = 0;
        do {
            if (kind() == INDENT) level++;
            else if (kind() == DEDENT) level--;
            pos++;
        } while (level > 0 && kind() != END);
    }

    private void statement(List<Stmt> out) {
        switch (kind()) {
            case DEF -> out.add(functionDef(false, List.of(), pos));
            case CLASS -> out.add(classDef(List.of(), pos));
            case IF -> out.add(ifStatement());
            case WHILE -> out.add(whileStatement());
            case FOR -> out.add(forStatement());
            case TRY -> out.add(tryStatement());
            case WITH -> out.add(withStatement());
            case AT -> out.add(decorated());
            case ASYNC -> asyncStatement();
            default -> {
                if (isSoftKeyword("match") && isMatchStatement()) matchStatement();
                else simpleStatements(out);
            }
        }
    }

    private void simpleStatements(List<Stmt> out) {
        do {
            Stmt s = simpleStatement();
            if (s != null) out.add(s);
        } while (accept(SEMI) && kind() != NEWLINE);
        expectNewline();
    }

    private void expectNewline() {
        if (kind() != NEWLINE) throw unexpected();
        advance();
    }

    /** One simple statement; null for a refused one. */
    private Stmt simpleStatement() {
        Token first = tok();
        switch (first.kind()) {
            case PASS -> {
                advance();
                return new Stmt.Pass(first.span());
            }
            case BREAK -> {
                advance();
                return new Stmt.Break(first.span());
            }
            case CONTINUE -> {
                advance();
                return new Stmt.Continue(first.span());
            }
            case RETURN -> {
                return returnStatement();
            }
            case DEL -> {
                return delStatement();
            }
            case GLOBAL, NONLOCAL -> {
                return globalStatement();
            }
            case IMPORT -> {
                return importStatement();
            }
            case FROM -> {
                return fromImport();
            }
            case RAISE -> {
                return raiseStatement();
            }
            case ASSERT -> {
                return assertStatement();
            }
            default -> {
                if (isSoftKeyword("type") && kindAt(1) == NAME && (kindAt(2) == EQUAL || kindAt(2) == LSQB)) {
                    typeAlias();
                    return null;
                }
                return expressionStatement();
            }
        }
    }

    private Stmt returnStatement() {
        int start = pos;
        advance();
        Expr value = kind() == NEWLINE || kind() == SEMI ? null : starExpressions();
        if (value != null) starredValue(value);
        return new Return(value, spanFrom(start));
    }

    private Stmt delStatement() {
        int start = pos;
        advance();
        int targetsStart = pos;
        // CPython's first pass reads only target syntax; its error pass then checks the expressions.
        boolean clean = speculate(this::deletionTargets) != null
                && (t[speculationEnd].kind() == NEWLINE || t[speculationEnd].kind() == SEMI);
        int stop = speculationEnd;
        if (!clean) {
            Checked checked = checked(targetsStart, this::starExpressions);
            if (checked.raised() != null) throw checked.raised();
            if (checked.parsed() != null) checkDeletable(checked.parsed());
            pos = stop;
            throw syntaxAt("invalid syntax", tok());
        }
        pos = targetsStart;
        Expr e = starExpressions();
        List<Expr> targets = checkDeletable(e);
        return new Delete(targets, spanFrom(start));
    }

    /** del_targets: names, attributes, subscripts, possibly bracketed, separated by commas. */
    private Expr deletionTargets() {
        Expr last;
        do {
            accept(STAR);
            last = primary();
        } while (accept(COMMA) && kind() != NEWLINE && kind() != SEMI);
        return last;
    }

    private List<Expr> checkDeletable(Expr e) {
        List<Expr> targets = e instanceof TupleExpr tuple && !parenthesized.contains(e) ? tuple.elts() : List.of(e);
        for (Expr target : targets) {
            Expr bad = invalidTarget(target, Targets.DEL);
            if (bad != null) throw syntax("cannot delete " + exprName(bad), bad.span());
        }
        return targets;
    }

    private Stmt globalStatement() {
        int start = pos;
        boolean global = advance().kind() == GLOBAL;
        var names = new ArrayList<String>();
        do {
            names.add(expectName());
        } while (accept(COMMA));
        Span span = spanFrom(start);
        return global ? new Global(List.copyOf(names), span) : new Nonlocal(List.copyOf(names), span);
    }

    private Stmt importStatement() {
        int start = pos;
        advance();
        var names = new ArrayList<Alias>();
        do {
            int from = pos;
            String name = dottedName();
            String asName = accept(AS) ? expectName() : null;
            names.add(new Alias(name, asName, spanFrom(from)));
        } while (accept(COMMA));
        return new Import(List.copyOf(names), spanFrom(start));
    }

    private String dottedName() {
        var name = new StringBuilder(expectName());
        while (accept(DOT)) name.append('.').append(expectName());
        return name.toString();
    }

    private Stmt fromImport() {
        int start = pos;
        advance();
        int level = 0;
        while (kind() == DOT || kind() == ELLIPSIS) level += advance().kind() == DOT ? 1 : 3;
        String module = kind() != IMPORT ? dottedName() : null;
        if (kind() != IMPORT) throw unexpected();
        advance();
        var names = new ArrayList<Alias>();
        if (kind() == STAR) {
            Token star = advance();
            names.add(new Alias("*", null, star.span()));
        } else {
            boolean parens = accept(LPAR);
            do {
                if (parens && kind() == RPAR) break;
                if (!parens && !names.isEmpty() && (kind() == NEWLINE || kind() == SEMI)) {
                    throw syntaxAt("trailing comma not allowed without surrounding parentheses", tok());
                }
                int from = pos;
                String name = expectName();
                String asName = accept(AS) ? expectName() : null;
                names.add(new Alias(name, asName, spanFrom(from)));
            } while (accept(COMMA));
            if (parens && !accept(RPAR)) throw unexpected();
        }
        return new Stmt.ImportFrom(module, List.copyOf(names), level, spanFrom(start));
    }

    private Stmt raiseStatement() {
        int start = pos;
        advance();
        Expr exc = null;
        Expr cause = null;
        if (kind() != NEWLINE && kind() != SEMI) {
            exc = expression();
            if (accept(FROM)) cause = expression();
        }
        return new Stmt.Raise(exc, cause, spanFrom(start));
    }

    private Stmt assertStatement() {
        int start = pos;
        advance();
        Expr test = expression();
        Expr msg = accept(COMMA) ? expression() : null;
        return new Stmt.Assert(test, msg, spanFrom(start));
    }

    private void typeAlias() {
        Token type = advance();
        advance();
        if (kind() == LSQB) skipBracketed();
        if (!accept(EQUAL)) throw unexpected();
        expression();
        unsupported("type alias statement (Python 3.12)", type);
    }

    /** An expression statement, assignment, augmented assignment or annotated assignment. */
    private Stmt expressionStatement() {
        int start = pos;
        Expr first;
        int mark = found.size();
        try {
            first = kind() == YIELD ? yieldExpression() : starExpressions();
            if (first instanceof TupleExpr && !parenthesized.contains(first) && lastDisjunctionEnd == pos && startsExpression(kind())) {
                throw unexpected();
            }
        } catch (Failure f) {
            throw afterTargetList(start, mark, f);
        }
        TokenKind next = kind();
        if (next == EQUAL) return assignment(start, first);
        if (next == COLONEQUAL) walrusInStatement(first);
        if (next == COLON) return annotated(start, first);
        BinOperator op = next.augmented();
        if (op != null) {
            if (!(first instanceof Name || first instanceof Attribute || first instanceof Subscript) || refused.containsKey(first)) {
                throw syntax("'" + exprName(first) + "' is an illegal expression for augmented assignment", first.span());
            }
            Token opToken = advance();
            if (op == BinOperator.MATMUL) unsupported("matrix multiplication operator (@)", opToken);
            Expr value = kind() == YIELD ? yieldExpression() : starExpressions();
            return new AugAssign(first, op, value, spanFrom(start));
        }
        starredValue(first);
        return new ExprStmt(first, spanFrom(start));
    }

    private static boolean isStarred(Expr e) {
        return e instanceof Expr.Starred;
    }

    /** A starred expression is a target, or an item of a display or call; CPython's compiler rejects it elsewhere. */
    private void starredValue(Expr e) {
        if (isStarred(e)) compileError("can't use starred expression here", e.span());
    }

    /**
     * A statement starting "a, b c ...": CPython's invalid_assignment reads star_named_expressions
     * repeatedly, so an expression after the missing comma is checked as a named expression too.
     */
    private Failure afterTargetList(int start, int mark, Failure failure) {
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
    private void walrusInStatement(Expr first) {
        Expr last = first instanceof TupleExpr tuple && !parenthesized.contains(first) ? tuple.elts().get(tuple.elts().size() - 1) : first;
        if (!(last instanceof Name) && speculateFrom(pos + 1, this::expression, false) != null) {
            throw syntax("cannot use assignment expressions with " + exprName(last), last.span());
        }
    }

    private Stmt assignment(int start, Expr first) {
        var parts = new ArrayList<Expr>();
        var starts = new ArrayList<Integer>();
        parts.add(first);
        starts.add(start);
        while (accept(EQUAL)) {
            starts.add(pos);
            int mark = found.size();
            try {
                parts.add(kind() == YIELD ? yieldExpression() : starExpressions());
            } catch (Failure f) {
                // What stands before an '=' is checked as a target even when nothing valid follows.
                if (found.size() == mark + 1 && !isSpecific(found.get(mark)) && hasInvalidTarget(parts)) {
                    found.remove(mark);
                    throw invalidAssignment(parts, starts);
                }
                throw f;
            }
        }
        List<Expr> targets = parts.subList(0, parts.size() - 1);
        if (hasInvalidTarget(targets)) throw invalidAssignment(targets, starts);
        for (Expr target : targets) {
            if (isStarred(target)) compileError("starred assignment target must be in a list or tuple", target.span());
        }
        starredValue(parts.get(parts.size() - 1));
        return new Assign(List.copyOf(targets), parts.get(parts.size() - 1), spanFrom(start));
    }

    private boolean hasInvalidTarget(List<Expr> targets) {
        for (Expr target : targets) if (invalidTarget(target, Targets.ASSIGN) != null) return true;
        return false;
    }

    /**
     * The error for an assignment with an invalid target, as CPython's invalid_assignment rule words it.
     * The last element of the first target, directly before '=', is first tried as a named_expression,
     * which blames it "here" (suggesting '==') even when it is a valid target.
     */
    private Failure invalidAssignment(List<Expr> targets, List<Integer> starts) {
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
    private Failure assignedHere(Expr e, int eStart, int eq) {
        int saved = pos;
        pos = eq + 1;
        Expr b = speculate(this::bitwiseOr);
        TokenKind after = t[Math.min(speculationEnd, t.length - 1)].kind();
        pos = saved;
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

    private Stmt annotated(int start, Expr target) {
        Token colon = advance();
        boolean single = (target instanceof Name || target instanceof Attribute || target instanceof Subscript) && !refused.containsKey(target);
        // CPython's first pass stops at the ':' unless the target could be annotated.
        if (!startsExpression(kind())) throw single ? unexpected() : syntaxAt("invalid syntax", colon);
        Expr annotation = expression();
        if (target instanceof TupleExpr tuple && !parenthesized.contains(target) && !tuple.elts().isEmpty()) {
            throw syntax("only single target (not tuple) can be annotated", tuple.elts().get(0).span());
        }
        if (target instanceof ListExpr || target instanceof TupleExpr) {
            throw syntax("only single target (not " + exprName(target) + ") can be annotated", target.span());
        }
        if (!single) throw syntax("illegal target for annotation", target.span());
        Expr value = null;
        if (accept(EQUAL)) value = kind() == YIELD ? yieldExpression() : starExpressions();
        boolean simple = target instanceof Name && !parenthesized.contains(target);
        return new Stmt.AnnAssign(target, annotation, value, simple, spanFrom(start));
    }

    // ---- compound statements

    private Stmt ifStatement() {
        Token keyword = advance();
        Expr test = namedExpression();
        colonAfterHeader();
        List<Stmt> body = block("'" + keyword.text() + "' statement", keyword);
        List<Stmt> orelse = List.of();
        if (kind() == ELIF) orelse = List.of(ifStatement());
        else if (kind() == ELSE) orelse = elseBlock();
        return new If(test, body, orelse, Span.of(keyword.span(), lastSpan(keyword.span(), body, orelse)));
    }

    private Stmt whileStatement() {
        Token keyword = advance();
        Expr test = namedExpression();
        colonAfterHeader();
        List<Stmt> body = block("'while' statement", keyword);
        List<Stmt> orelse = kind() == ELSE ? elseBlock() : List.of();
        return new While(test, body, orelse, Span.of(keyword.span(), lastSpan(keyword.span(), body, orelse)));
    }

    private Stmt forStatement() {
        Token keyword = advance();
        Expr target = forTarget();
        advance();
        Expr iter = starExpressions();
        starredValue(iter);
        colonAfterHeader();
        List<Stmt> body = block("'for' statement", keyword);
        List<Stmt> orelse = kind() == ELSE ? elseBlock() : List.of();
        return new For(target, iter, body, orelse, Span.of(keyword.span(), lastSpan(keyword.span(), body, orelse)));
    }

    /**
     * The target list of a for loop or comprehension, up to its 'in'. CPython's first pass reads
     * only target syntax; where that fails, its error pass (invalid_for_target) reads expressions
     * and names the part that cannot be assigned.
     */
    private Expr forTarget() {
        int start = pos;
        boolean targets = speculate(this::targetList) != null && t[speculationEnd].kind() == IN;
        int stop = speculationEnd;
        Expr target = targets ? targetList() : null;
        if (target == null) {
            Checked checked = checked(start, this::starExpressions);
            if (checked.raised() != null) throw checked.raised();
            target = checked.parsed();
        }
        Expr bad = target == null ? null : invalidTarget(target, Targets.FOR);
        if (bad != null) throw syntax("cannot assign to " + exprName(bad), bad.span());
        if (!targets) {
            pos = stop;
            throw syntaxAt("invalid syntax", tok());
        }
        if (isStarred(target)) compileError("starred assignment target must be in a list or tuple", target.span());
        return target;
    }

    /** star_targets: primaries (names, attributes, subscripts, bracketed lists), maybe starred. */
    private Expr targetList() {
        int start = pos;
        Expr first = target();
        if (kind() != COMMA) return first;
        var elts = new ArrayList<Expr>();
        elts.add(first);
        while (accept(COMMA) && (startsExpression(kind()) || kind() == STAR)) elts.add(target());
        return new TupleExpr(List.copyOf(elts), spanFrom(start));
    }

    private Expr target() {
        if (kind() == STAR) {
            int start = pos;
            advance();
            Expr value = target();
            return new Expr.Starred(value, spanFrom(start));
        }
        return primary();
    }

    private List<Stmt> elseBlock() {
        Token keyword = advance();
        if (kind() != COLON) throw syntaxAt("expected ':'", tok());
        advance();
        return block("'else' statement", keyword);
    }

    /** if/elif/while/for/class/with headers: "expected ':'" only when the line ends there. */
    private void colonAfterHeader() {
        if (accept(COLON)) return;
        if (kind() == NEWLINE) throw syntaxAt("expected ':'", tok());
        throw unexpected();
    }

    /** The body after a header's ':', on the same line or indented below it. */
    private List<Stmt> block(String what, Token keyword) {
        var body = new ArrayList<Stmt>();
        if (kind() != NEWLINE) {
            simpleStatements(body);
            return body;
        }
        advance();
        if (kind() != INDENT) {
            throw errorAt("IndentationError", "expected an indented block after " + what + " on line " + keyword.line(), tok(), false);
        }
        advance();
        while (kind() != DEDENT && kind() != END) statementInto(body);
        accept(DEDENT);
        return body;
    }

    private Stmt functionDef(boolean async, List<Expr> decorators, int start) {
        Token def = advance();
        String name = expectName();
        if (kind() == LSQB && !typeParameters(LPAR)) throw syntaxAt("expected '('", tok());
        if (kind() != LPAR) throw syntaxAt("expected '('", tok());
        advance();
        List<Param> params = parameters(RPAR);
        if (kind() != RPAR) throw unexpected();
        advance();
        Expr returns = null;
        if (kind() == RARROW) {
            advance();
            returns = expression();
        }
        if (kind() != COLON) throw syntaxAt("expected ':'", tok());
        Token colon = advance();
        boolean savedAsync = inAsyncFunction;
        inAsyncFunction = async;
        List<Stmt> body;
        try {
            body = block("function definition", def);
        } finally {
            inAsyncFunction = savedAsync;
        }
        Span header = Span.of(def.span(), colon.span());
        return new FunctionDef(name, List.copyOf(params), returns, decorators, List.copyOf(body), header,
                Span.of(t[start].span(), lastSpan(header, body)));
    }

    /**
     * Parameters up to close: ')' for def, ':' for lambda (whose parameters take no annotations),
     * with CPython's invalid_parameters checks on their order.
     */
    private List<Param> parameters(TokenKind close) {
        var params = new ArrayList<Param>();
        boolean sawDefault = false;
        boolean keywordOnly = false;
        boolean sawSlash = false;
        Token bareStar = null;
        boolean sawKwargs = false;
        while (kind() != close) {
            Token first = tok();
            if (sawKwargs) throw syntaxAt("arguments cannot follow var-keyword argument", first);
            switch (first.kind()) {
                case LPAR -> throw parenthesizedParameters();
                case SLASH -> {
                    if (sawSlash) throw syntaxAt("/ may appear only once", first);
                    if (keywordOnly) throw syntaxAt("/ must be ahead of *", first);
                    if (params.isEmpty()) throw unexpected();
                    advance();
                    sawSlash = true;
                    params.replaceAll(p -> new Param(p.name(), Stmt.ParamKind.POSITIONAL_ONLY, p.annotation(), p.defaultValue(), p.span()));
                }
                case STAR -> {
                    if (keywordOnly) throw syntaxAt("* argument may appear only once", first);
                    advance();
                    keywordOnly = true;
                    if (kind() == NAME) {
                        Token name = advance();
                        Expr annotation = annotation(close);
                        if (kind() == EQUAL) throw syntaxAt("var-positional argument cannot have default value", tok());
                        params.add(new Param(name.text(), Stmt.ParamKind.VAR_POSITIONAL, annotation, null, Span.of(first.span(), name.span())));
                    } else {
                        bareStar = first;
                        if (kind() == close || kind() == COMMA && (kindAt(1) == close || kindAt(1) == DOUBLESTAR)) {
                            throw syntaxAt("named arguments must follow bare *", first);
                        }
                    }
                }
                case DOUBLESTAR -> {
                    advance();
                    Token name = tok();
                    expectName();
                    Expr annotation = annotation(close);
                    if (kind() == EQUAL) throw syntaxAt("var-keyword argument cannot have default value", tok());
                    params.add(new Param(name.text(), Stmt.ParamKind.VAR_KEYWORD, annotation, null, Span.of(first.span(), name.span())));
                    sawKwargs = true;
                }
                case NAME -> {
                    advance();
                    Expr annotation = annotation(close);
                    Expr defaultValue = null;
                    if (kind() == EQUAL) {
                        Token eq = advance();
                        if (kind() == COMMA || kind() == close) throw syntaxAt("expected default value expression", eq);
                        defaultValue = expression();
                        sawDefault = true;
                    } else if (sawDefault && !keywordOnly) {
                        throw syntax("non-default argument follows default argument", first.span());
                    }
                    Stmt.ParamKind k = keywordOnly ? Stmt.ParamKind.KEYWORD_ONLY : Stmt.ParamKind.POSITIONAL_OR_KEYWORD;
                    params.add(new Param(first.text(), k, annotation, defaultValue, first.span()));
                }
                default -> throw unexpected();
            }
            if (!accept(COMMA)) break;
        }
        return params;
    }

    /** invalid_parameters: def f((a, b)) is Python 2's tuple parameter. */
    private Failure parenthesizedParameters() {
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

    /** A parameter's annotation, or null; a lambda's parameters have none. */
    private Expr annotation(TokenKind close) {
        if (close != RPAR || kind() != COLON) return null;
        advance();
        if (kind() == STAR) { // *args: *Ts
            int start = pos;
            advance();
            Expr value = expression();
            return new Expr.Starred(value, spanFrom(start));
        }
        return expression();
    }

    private Stmt classDef(List<Expr> decorators, int start) {
        Token keyword = advance();
        String name = expectName();
        if (kind() == LSQB && !typeParameters(LPAR) && !typeParameters(COLON)) throw unexpected();
        List<Expr> bases = List.of();
        List<Keyword> keywords = List.of();
        if (kind() == LPAR) {
            Arguments args = arguments();
            bases = args.positional();
            keywords = args.keywords();
        }
        if (kind() != COLON) throw kind() == NEWLINE ? syntaxAt("expected ':'", tok()) : unexpected();
        Token colon = advance();
        List<Stmt> body = block("class definition", keyword);
        Span header = Span.of(keyword.span(), colon.span());
        return new ClassDef(name, bases, keywords, decorators, List.copyOf(body), header,
                Span.of(t[start].span(), lastSpan(header, body)));
    }

    /**
     * Python 3.12's [T, *Ts, **P] after a def or class name, if that is what follows and then next;
     * refused. Otherwise nothing is consumed, and the caller reports Python 3.11's error.
     */
    private boolean typeParameters(TokenKind next) {
        Token open = tok();
        int savedFurthest = furthest; // a lookahead CPython 3.11 would not make
        Boolean parsed = speculate(() -> {
            advance();
            do {
                if (kind() == RSQB) break;
                if (!accept(STAR)) accept(DOUBLESTAR);
                expectName();
                if (accept(COLON)) expression();
            } while (accept(COMMA));
            expectClosing(RSQB);
            return kind() == next ? true : null;
        });
        furthest = savedFurthest;
        if (parsed == null) return false;
        pos = speculationEnd;
        unsupported("type parameters (Python 3.12)", open);
        return true;
    }

    /** Skips a bracketed group of tokens, brackets balanced. */
    private void skipBracketed() {
        int depth = tok().depth();
        do {
            advance();
        } while (!(tok().depth() == depth && (kind() == RSQB || kind() == RPAR || kind() == RBRACE)) && kind() != END);
        advance();
    }

    private Stmt tryStatement() {
        Token keyword = advance();
        if (kind() != COLON) throw syntaxAt("expected ':'", tok());
        advance();
        List<Stmt> body = block("'try' statement", keyword);
        var handlers = new ArrayList<Stmt.ExceptHandler>();
        Boolean star = null;
        while (kind() == EXCEPT) {
            Token except = advance();
            boolean isStar = accept(STAR);
            if (star != null && star != isStar) {
                throw syntax("cannot have both 'except' and 'except*' on the same 'try'", except.span());
            }
            star = isStar;
            Expr type = null;
            String name = null;
            if (kind() != COLON) {
                type = expression();
                if (kind() == COMMA) type = exceptTypes(type);
                if (accept(AS)) name = expectName();
            } else if (isStar) {
                throw syntaxAt("expected one or more exception types", tok());
            }
            colonAfterHeader();
            List<Stmt> handler = block(isStar ? "'except*' statement" : "'except' statement", except);
            handlers.add(new Stmt.ExceptHandler(type, name, handler, Span.of(except.span(), lastSpan(except.span(), handler))));
        }
        List<Stmt> orelse = !handlers.isEmpty() && kind() == ELSE ? elseBlock() : List.of();
        List<Stmt> finalbody = List.of();
        if (kind() == FINALLY) {
            Token fin = advance();
            if (kind() != COLON) throw syntaxAt("expected ':'", tok());
            advance();
            finalbody = block("'finally' statement", fin);
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw errorAt("SyntaxError", "expected 'except' or 'finally' block", tok(), false);
        }
        Span end = handlers.isEmpty() ? lastSpan(keyword.span(), body) : handlers.get(handlers.size() - 1).span();
        Span span = Span.of(keyword.span(), lastSpan(end, orelse, finalbody));
        List<Stmt.ExceptHandler> hs = List.copyOf(handlers);
        return Boolean.TRUE.equals(star) ? new Stmt.TryStar(body, hs, orelse, finalbody, span)
                : new Stmt.Try(body, hs, orelse, finalbody, span);
    }

    /** invalid_except_stmt: {@code except A, B:} is Python 2's form; CPython asks for parentheses. */
    private Expr exceptTypes(Expr first) {
        int start = indexOf(first.span());
        while (accept(COMMA)) expression();
        Span all = spanFrom(start);
        if (kind() == COLON || kind() == AS) throw syntax("multiple exception types must be parenthesized", all);
        throw unexpected();
    }

    private Stmt withStatement() {
        Token keyword = advance();
        List<Stmt.WithItem> items;
        if (kind() != LPAR || speculate(this::parenthesizedWithItems) == null) {
            items = withItems(false);
        } else {
            advance();
            items = withItems(true);
            advance();
        }
        colonAfterHeader();
        List<Stmt> body = block("'with' statement", keyword);
        return new Stmt.With(items, body, Span.of(keyword.span(), lastSpan(keyword.span(), body)));
    }

    /** with (a as b, c): parenthesized items, told apart from a parenthesized expression by what follows. */
    private Boolean parenthesizedWithItems() {
        advance();
        withItems(true);
        return accept(RPAR) && kind() == COLON ? true : null;
    }

    private List<Stmt.WithItem> withItems(boolean parenthesized) {
        var items = new ArrayList<Stmt.WithItem>();
        do {
            if (parenthesized && kind() == RPAR) break;
            int start = pos;
            Expr context = expression();
            Expr target = null;
            if (accept(AS)) {
                target = target();
                Expr bad = invalidTarget(target, Targets.ASSIGN);
                if (bad != null) throw syntax("cannot assign to " + exprName(bad), bad.span());
            }
            items.add(new Stmt.WithItem(context, target, spanFrom(start)));
        } while (accept(COMMA));
        return List.copyOf(items);
    }

    private void asyncStatement() {
        Token async = advance();
        switch (kind()) {
            case DEF -> {
                unsupported("async function", async);
                functionDef(true, List.of(), pos);
            }
            case FOR -> {
                unsupported("async for loop", async);
                if (!inAsyncFunction) compileError("'async for' outside async function", async.span());
                forStatement();
            }
            case WITH -> {
                unsupported("async with statement", async);
                if (!inAsyncFunction) compileError("'async with' outside async function", async.span());
                withStatement();
            }
            default -> throw unexpected();
        }
    }

    private Stmt decorated() {
        int start = pos;
        var decorators = new ArrayList<Expr>();
        while (accept(AT)) {
            decorators.add(namedExpression());
            expectNewline();
        }
        return switch (kind()) {
            case DEF -> functionDef(false, List.copyOf(decorators), start);
            case CLASS -> classDef(List.copyOf(decorators), start);
            case ASYNC -> {
                asyncStatement();
                yield new Stmt.Pass(spanFrom(start));
            }
            default -> throw unexpected();
        };
    }

    /** match is a soft keyword: a statement only when a subject, ':' and a new line follow. */
    private boolean isMatchStatement() {
        int saved = pos;
        advance();
        Expr subject = speculate(this::starNamedExpressions);
        boolean match = subject != null && t[speculationEnd].kind() == COLON && t[Math.min(speculationEnd + 1, t.length - 1)].kind() == NEWLINE;
        pos = saved;
        return match;
    }

    private void matchStatement() {
        Token match = advance();
        unsupported("match statement", match);
        starNamedExpressions();
        advance();
        advance();
        if (kind() != INDENT) {
            throw errorAt("IndentationError", "expected an indented block after 'match' statement on line " + match.line(), tok(), false);
        }
        advance();
        while (isSoftKeyword("case")) {
            Token caseToken = advance();
            // Patterns are skipped, not parsed: enough to find the guard and the block.
            while (!(tok().depth() == 0 && (kind() == COLON || kind() == IF)) && kind() != NEWLINE && kind() != END) advance();
            if (accept(IF)) namedExpression();
            colonAfterHeader();
            block("'case' statement", caseToken);
        }
        if (!accept(DEDENT)) throw unexpected();
    }

    // ======================================================================= expressions

    /** star_expressions: one expression, or a tuple without parentheses. */
    private Expr starExpressions() {
        int start = pos;
        Expr first = starExpression();
        if (kind() != COMMA) return first;
        var elts = new ArrayList<Expr>();
        elts.add(first);
        while (accept(COMMA) && (startsExpression(kind()) || kind() == STAR)) elts.add(starExpression());
        return new TupleExpr(List.copyOf(elts), spanFrom(start));
    }

    private Expr starExpression() {
        if (kind() != STAR) return expression();
        int start = pos;
        advance();
        Expr value = bitwiseOr();
        return new Expr.Starred(value, spanFrom(start));
    }

    /** star_named_expressions as a match subject: like starExpressions, but allowing ':='. */
    private Expr starNamedExpressions() {
        int start = pos;
        Expr first = starNamedExpression();
        if (kind() != COMMA) return first;
        var elts = new ArrayList<Expr>();
        elts.add(first);
        while (accept(COMMA) && (startsExpression(kind()) || kind() == STAR)) elts.add(starNamedExpression());
        return new TupleExpr(List.copyOf(elts), spanFrom(start));
    }

    private Expr starNamedExpression() {
        return kind() == STAR ? starExpression() : namedExpression();
    }

    /** named_expression: where CPython allows ':=', and catches '=' written for '=='. */
    private Expr namedExpression() {
        int start = pos;
        if (kind() == NAME && kindAt(1) == COLONEQUAL) {
            Token name = advance();
            advance();
            Expr value = expression();
            return new Expr.NamedExpr(new Name(name.text(), name.span()), value, spanFrom(start));
        }
        Expr e = expression();
        if (withoutInvalid) return e;
        if (kind() == COLONEQUAL && speculateFrom(pos + 1, this::expression, false) != null) {
            throw syntax("cannot use assignment expressions with " + exprName(e), e.span());
        }
        if (kind() == EQUAL) {
            Failure here = assignedHere(e, start, pos);
            if (here != null) throw here;
        }
        return e;
    }

    private Expr expression() {
        enter();
        try {
            return conditional();
        } finally {
            nesting--;
        }
    }

    /**
     * Counts how deeply expressions nest; past a depth no program needs, parsing stops instead of
     * running out of stack (CPython gives up too, with MemoryError or RecursionError).
     */
    private void enter() {
        if (++nesting <= MAX_NESTING) return;
        nesting--;
        unsupported("expression nested too deeply", tok());
        throw FAILURE;
    }

    private Expr conditional() {
        if (kind() == LAMBDA) return lambda();
        int start = pos;
        Expr body = disjunction();
        if (kind() != IF) return body;
        int afterBody = pos;
        advance();
        Expr test = operand(this::disjunction);
        if (test == null || withoutInvalid && kind() != ELSE) {
            pos = afterBody;
            return body;
        }
        if (kind() != ELSE) {
            if (kind() == COLON) throw unexpected();
            throw syntax("expected 'else' after 'if' expression", Span.of(body.span(), test.span()));
        }
        advance();
        Expr orelse = operand(this::expression);
        if (orelse == null) {
            pos = afterBody;
            return body;
        }
        return new IfExp(test, body, orelse, spanFrom(start));
    }

    private Expr lambda() {
        int start = pos;
        advance();
        List<Param> params = parameters(COLON);
        if (kind() != COLON) throw unexpected();
        advance();
        Expr body = expression();
        return new Lambda(List.copyOf(params), body, spanFrom(start));
    }

    private Expr disjunction() {
        int start = pos;
        int outer = disjunctionStart;
        disjunctionStart = start;
        try {
            Expr e = conjunction();
            if (kind() == OR) e = boolOp(start, e, OR);
            lastDisjunction = e;
            lastDisjunctionStart = start;
            lastDisjunctionEnd = pos;
            return e;
        } finally {
            disjunctionStart = outer;
        }
    }

    private Expr conjunction() {
        int start = pos;
        Expr e = inversion();
        return kind() == AND ? boolOp(start, e, AND) : e;
    }

    private Expr boolOp(int start, Expr first, TokenKind op) {
        var values = new ArrayList<Expr>();
        values.add(first);
        while (kind() == op) {
            int before = pos;
            advance();
            Expr next = operand(op == OR ? this::conjunction : this::inversion);
            if (next == null) {
                pos = before;
                break;
            }
            values.add(next);
        }
        return values.size() == 1 ? first : new BoolOp(op == AND, List.copyOf(values), spanFrom(start));
    }

    private Expr inversion() {
        if (kind() != NOT) return comparison();
        int start = pos;
        advance();
        enter();
        try {
            return new UnaryOp(UnaryOperator.NOT, inversion(), spanFrom(start));
        } finally {
            nesting--;
        }
    }

    private Expr comparison() {
        int start = pos;
        Expr left = bitwiseOr();
        CmpOp op = comparisonOperator();
        if (op == null) return left;
        var ops = new ArrayList<CmpOp>();
        var comparators = new ArrayList<Expr>();
        do {
            int before = pos;
            advance();
            if (op == CmpOp.NOT_IN || op == CmpOp.IS_NOT) advance();
            Expr right = operand(this::bitwiseOr);
            if (right == null) {
                pos = before;
                break;
            }
            ops.add(op);
            comparators.add(right);
        } while ((op = comparisonOperator()) != null);
        if (ops.isEmpty()) return left;
        return new Compare(left, List.copyOf(ops), List.copyOf(comparators), spanFrom(start));
    }

    private CmpOp comparisonOperator() {
        return switch (kind()) {
            case EQEQUAL -> CmpOp.EQ;
            case NOTEQUAL -> CmpOp.NE;
            case LESS -> CmpOp.LT;
            case LESSEQUAL -> CmpOp.LE;
            case GREATER -> CmpOp.GT;
            case GREATEREQUAL -> CmpOp.GE;
            case IN -> CmpOp.IN;
            case IS -> kindAt(1) == NOT ? CmpOp.IS_NOT : CmpOp.IS;
            case NOT -> kindAt(1) == IN ? CmpOp.NOT_IN : null;
            default -> null;
        };
    }

    private Expr bitwiseOr() {
        return binary(0);
    }

    /** The binary operators of precedence level 0 (|) to 5 (* / // % @), all left-associative. */
    private static BinOperator binaryOperator(TokenKind k, int level) {
        return switch (level) {
            case 0 -> k == VBAR ? BinOperator.BITOR : null;
            case 1 -> k == CIRCUMFLEX ? BinOperator.BITXOR : null;
            case 2 -> k == AMPER ? BinOperator.BITAND : null;
            case 3 -> k == LEFTSHIFT ? BinOperator.LSHIFT : k == RIGHTSHIFT ? BinOperator.RSHIFT : null;
            case 4 -> k == PLUS ? BinOperator.ADD : k == MINUS ? BinOperator.SUB : null;
            default -> switch (k) {
                case STAR -> BinOperator.MUL;
                case SLASH -> BinOperator.DIV;
                case DOUBLESLASH -> BinOperator.FLOORDIV;
                case PERCENT -> BinOperator.MOD;
                case AT -> BinOperator.MATMUL;
                default -> null;
            };
        };
    }

    private Expr binary(int level) {
        if (level > 5) return factor();
        int start = pos;
        Expr e = binary(level + 1);
        for (BinOperator op; (op = binaryOperator(kind(), level)) != null; ) {
            int before = pos;
            Token operator = advance();
            Expr right = operand(() -> binary(level + 1));
            if (right == null) {
                pos = before;
                break;
            }
            if (op == BinOperator.MATMUL) unsupported("matrix multiplication operator (@)", operator);
            e = new BinOp(e, op, right, spanFrom(start));
        }
        return e;
    }

    /**
     * Parses an operand. Inside CPython's expression_without_invalid a failed operand or trailer is
     * not an error: the PEG parser backtracks and keeps the longest expression that parsed, so there
     * this returns null, restoring the position, instead of failing.
     */
    private <T> T operand(Supplier<T> rule) {
        if (!withoutInvalid && !backtracking) return rule.get();
        int saved = pos;
        int mark = found.size();
        try {
            return rule.get();
        } catch (Failure f) {
            if (!withoutInvalid && found.size() > mark && isSpecific(found.get(found.size() - 1))) throw f;
            pos = saved;
            found.subList(mark, found.size()).clear();
            return null;
        }
    }

    private Expr factor() {
        UnaryOperator op = switch (kind()) {
            case MINUS -> UnaryOperator.NEG;
            case PLUS -> UnaryOperator.POS;
            case TILDE -> UnaryOperator.INVERT;
            default -> null;
        };
        if (op == null) return power();
        int start = pos;
        advance();
        enter();
        try {
            return new UnaryOp(op, factor(), spanFrom(start));
        } finally {
            nesting--;
        }
    }

    /** power: '**' binds tighter than a unary operator on its left, looser than one on its right. */
    private Expr power() {
        int start = pos;
        Expr base = awaitPrimary();
        if (kind() != DOUBLESTAR) return base;
        int before = pos;
        advance();
        Expr exponent = operand(this::factor);
        if (exponent == null) {
            pos = before;
            return base;
        }
        return new BinOp(base, BinOperator.POW, exponent, spanFrom(start));
    }

    private Expr awaitPrimary() {
        if (kind() != AWAIT) return primary();
        int start = pos;
        advance();
        return new Expr.Await(primary(), spanFrom(start));
    }

    private Expr primary() {
        int start = pos;
        Expr e = atom();
        if (e instanceof Name n && pos == start + 1 && (n.id().equals("print") || n.id().equals("exec"))) latentLegacyPrint(start);
        while (true) {
            if (kind() == LBRACE && !withoutInvalid) comprehensionTargetProbe();
            int before = pos;
            final Expr target = e;
            Expr next = switch (kind()) {
                case DOT -> operand(() -> {
                    advance();
                    return new Attribute(target, expectName(), spanFrom(start));
                });
                case LPAR -> operand(() -> {
                    Arguments args = arguments();
                    return new Call(target, args.positional(), args.keywords(), spanFrom(start));
                });
                case LSQB -> operand(() -> subscript(start, target));
                default -> null;
            };
            if (next == null) {
                pos = before;
                return e;
            }
            e = next;
        }
    }

    /**
     * print [0] and print -x are valid, but CPython's error pass reads them as Python 2's print
     * statement; if the file has a syntax error further on, that is what CPython reports.
     */
    private void latentLegacyPrint(int name) {
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
    private void comprehensionTargetProbe() {
        Failure raised = checked(pos + 1, this::starNamedExpression).raised();
        if (raised != null) throw raised;
    }

    private record Arguments(List<Expr> positional, List<Keyword> keywords) {}

    /** A call's (or class's) arguments, from '(' to ')', with CPython's checks on their order. */
    private Arguments arguments() {
        advance();
        var positional = new ArrayList<Expr>();
        var keywords = new ArrayList<Keyword>();
        boolean sawKeyword = false;
        boolean sawUnpacking = false;
        boolean positionalAfterKeyword = false;
        int count = 0;
        while (kind() != RPAR) {
            int start = pos;
            Token first = tok();
            switch (first.kind()) {
                case STAR -> {
                    if (sawUnpacking) throw syntaxAt("iterable argument unpacking follows keyword argument unpacking", first);
                    advance();
                    Expr value = expression();
                    positional.add(new Expr.Starred(value, spanFrom(start)));
                }
                case DOUBLESTAR -> {
                    advance();
                    Expr value = expression();
                    keywords.add(new Keyword(null, value, spanFrom(start)));
                    sawUnpacking = true;
                }
                default -> {
                    if (first.kind() == NAME && kindAt(1) == EQUAL) {
                        keywords.add(keywordArgument(keywords));
                        sawKeyword = true;
                    } else {
                        Expr arg = positionalArgument(count);
                        positional.add(arg);
                        positionalAfterKeyword |= sawKeyword || sawUnpacking;
                    }
                }
            }
            count++;
            if (!accept(COMMA)) break;
        }
        if (positionalAfterKeyword) {
            throw syntaxAt(sawUnpacking ? "positional argument follows keyword argument unpacking"
                    : "positional argument follows keyword argument", tok());
        }
        if (kind() != RPAR) throw unexpected();
        advance();
        return new Arguments(List.copyOf(positional), List.copyOf(keywords));
    }

    private Keyword keywordArgument(List<Keyword> earlier) {
        int start = pos;
        String name = advance().text();
        advance();
        Expr value = expression();
        var keyword = new Keyword(name, value, spanFrom(start));
        for (Keyword k : earlier) {
            if (k.name().equals(name)) compileError("keyword argument repeated: " + name, keyword.span());
        }
        return keyword;
    }

    private Expr positionalArgument(int index) {
        int start = pos;
        Token first = tok();
        if ((first.kind() == TRUE || first.kind() == FALSE || first.kind() == NONE) && kindAt(1) == EQUAL) {
            throw syntax("cannot assign to " + first.text(), first.line(), first.col(), t[pos + 1].endLine(), t[pos + 1].endCol());
        }
        if (first.kind() == NAME && kindAt(1) == COLONEQUAL) return namedExpression();
        int mark = found.size();
        Expr arg = expression();
        if (kind() == EQUAL) {
            Token eq = tok();
            throw syntax("expression cannot contain assignment, perhaps you meant \"==\"?",
                    first.line(), first.col(), eq.endLine(), eq.endCol());
        }
        if (atComprehension() && index > 0) {
            // Only a sole argument may be a bare generator; CPython's first pass stops at the 'for'.
            Token forToken = tok();
            Expr generator = speculate(() -> generator(start, mark, null, arg), true);
            if (generator == null) throw syntaxAt("invalid syntax", forToken);
            throw syntax("Generator expression must be parenthesized", generator.span());
        }
        if (atComprehension()) {
            Expr generator = generator(start, mark, null, arg);
            boolean alone = index == 0 && (kind() == RPAR || kind() == COMMA && kindAt(1) == RPAR);
            if (!alone) throw syntax("Generator expression must be parenthesized", generator.span());
            return generator;
        }
        return arg;
    }

    private Expr subscript(int start, Expr value) {
        int open = pos;
        int outerStart = disjunctionStart;
        int mark = found.size();
        advance();
        try {
            int indexStart = pos;
            Expr index = sliceItem();
            if (kind() == COMMA) {
                var elts = new ArrayList<Expr>();
                elts.add(index);
                while (accept(COMMA) && kind() != RSQB) elts.add(sliceItem());
                index = new TupleExpr(List.copyOf(elts), spanFrom(indexStart));
            }
            if (kind() != RSQB) throw unexpected();
            advance();
            return new Subscript(value, index, spanFrom(start));
        } catch (Failure f) {
            throw subscriptAsNextExpression(outerStart, outerStart == start ? value : null, open, mark, f);
        }
    }

    /**
     * A subscript that does not parse, as in print(t[] == x): CPython's PEG parser then takes the
     * expression to end before the '[' and the bracket to start the next one, a missing comma.
     */
    private Failure subscriptAsNextExpression(int aStart, Expr a, int open, int mark, Failure failure) {
        if (withoutInvalid || found.size() != mark + 1 || isSpecific(found.get(mark))) return failure;
        Found generic = found.remove(mark);
        Failure hint = hintAt(aStart, a, open);
        if (hint != null) return hint;
        found.add(generic);
        return failure;
    }

    private Expr sliceItem() {
        int start = pos;
        if (kind() == STAR) return starExpression();
        Expr lower = null;
        if (kind() != COLON) {
            lower = namedExpression();
            if (kind() != COLON) return lower;
        }
        advance();
        Expr upper = kind() == COLON || kind() == COMMA || kind() == RSQB ? null : expression();
        Expr step = null;
        if (accept(COLON) && kind() != COMMA && kind() != RSQB) step = expression();
        return new Slice(lower, upper, step, spanFrom(start));
    }

    private Expr atom() {
        Token x = tok();
        return switch (x.kind()) {
            case NAME -> {
                advance();
                yield new Name(x.text(), x.span());
            }
            case INT -> {
                advance();
                yield new IntLit(intValue(x), x.span());
            }
            case FLOAT -> {
                advance();
                yield new FloatLit(Double.parseDouble(x.text().replace("_", "")), x.span());
            }
            case IMAGINARY -> {
                advance();
                unsupported("complex number literal", x);
                yield new FloatLit(0, x.span());
            }
            case STRING -> strings();
            case TRUE, FALSE -> {
                advance();
                yield new BoolLit(x.kind() == TRUE, x.span());
            }
            case NONE -> {
                advance();
                yield new NoneLit(x.span());
            }
            case ELLIPSIS -> {
                advance();
                yield new EllipsisLit(x.span());
            }
            case LPAR -> {
                int start = pos;
                advance();
                yield parenContents(start, RPAR);
            }
            case LSQB -> list();
            case LBRACE -> dictOrSet();
            default -> throw unexpected();
        };
    }

    private BigInteger intValue(Token x) {
        String text = x.text().replace("_", "");
        if (text.length() > 2 && text.charAt(0) == '0' && Character.isLetter(text.charAt(1))) {
            int radix = switch (Character.toLowerCase(text.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            return new BigInteger(text.substring(2), radix);
        }
        if (text.length() > MAX_STR_DIGITS) {
            throw syntax("Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion: value has "
                    + text.length() + " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                    + "hexadecimal for huge integer literals to avoid decimal conversion limits.", x.line(), 0, x.line(), 0);
        }
        return new BigInteger(text);
    }

    /** After '(' (or inside an f-string field): empty tuple, yield, group, tuple or generator expression. */
    private Expr parenContents(int start, TokenKind close) {
        if (accept(close)) return markParenthesized(new TupleExpr(List.of(), spanFrom(start)));
        if (kind() == YIELD) {
            Expr e = yieldExpression();
            expectClosing(close);
            return markParenthesized(e);
        }
        int mark = found.size();
        Expr first = starNamedExpression();
        if (atComprehension()) return generator(start, mark, close, first);
        if (kind() == close) {
            if (isStarred(first)) throw syntax("cannot use starred expression here", first.span());
            advance();
            return markParenthesized(first);
        }
        if (kind() != COMMA) throw unexpected();
        var elts = new ArrayList<Expr>();
        elts.add(first);
        while (accept(COMMA) && kind() != close) elts.add(starNamedExpression());
        expectClosing(close);
        return markParenthesized(new TupleExpr(List.copyOf(elts), spanFrom(start)));
    }

    private Expr markParenthesized(Expr e) {
        parenthesized.add(e);
        return e;
    }

    private void expectClosing(TokenKind close) {
        if (kind() != close) throw unexpected();
        advance();
    }

    private Expr list() {
        int start = pos;
        advance();
        var elts = new ArrayList<Expr>();
        if (kind() != RSQB) {
            int mark = found.size();
            elts.add(starNamedExpression());
            if (atComprehension()) {
                Expr elt = comprehensionElement(elts.get(0));
                List<Comprehension> gens = forIfClauses(RSQB);
                return gens == null ? refuse("asynchronous list comprehension", "list comprehension", start)
                        : new ListComp(elt, gens, spanFrom(start));
            }
            while (accept(COMMA) && kind() != RSQB) elts.add(starNamedExpression());
        }
        expectClosing(RSQB);
        return new ListExpr(List.copyOf(elts), spanFrom(start));
    }

    private Expr dictOrSet() {
        int start = pos;
        advance();
        if (accept(RBRACE)) return new DictExpr(List.of(), List.of(), spanFrom(start));
        if (kind() == DOUBLESTAR) return dict(start, null, 0);
        int mark = found.size();
        Expr first = starNamedExpression();
        if (kind() == COLON) return dict(start, first, mark);
        if (atComprehension()) {
            Expr elt = comprehensionElement(first);
            List<Comprehension> gens = forIfClauses(RBRACE);
            return gens == null ? refuse("asynchronous set comprehension", "set comprehension", start)
                    : new SetComp(elt, gens, spanFrom(start));
        }
        var elts = new ArrayList<Expr>();
        elts.add(first);
        while (accept(COMMA) && kind() != RBRACE) elts.add(starNamedExpression());
        expectClosing(RBRACE);
        return new SetExpr(List.copyOf(elts), spanFrom(start));
    }

    /**
     * A dict display after '{', its first key already parsed (null when it starts with '**');
     * problems recorded since mark belong to that key.
     */
    private Expr dict(int start, Expr firstKey, int mark) {
        var keys = new ArrayList<Expr>();
        var values = new ArrayList<Expr>();
        do {
            if (kind() == RBRACE) break;
            if (firstKey == null && kind() == DOUBLESTAR) {
                advance();
                keys.add(null);
                values.add(bitwiseOr());
                continue;
            }
            Expr key = firstKey != null ? firstKey : expression();
            firstKey = null;
            if (kind() != COLON) {
                // CPython's invalid_kvpair comes before any missing-comma hint here.
                throw syntax("':' expected after dictionary key", key.span().endLine(), key.span().endCol() - 1, key.span().endLine(), 0);
            }
            Token colon = advance();
            if (kind() == RBRACE || kind() == COMMA) throw syntaxAt("expression expected after dictionary key and ':'", colon);
            if (kind() == STAR) {
                Token star = tok();
                Expr starred = speculateFrom(pos + 1, this::bitwiseOr, false);
                if (starred != null) {
                    throw syntax("cannot use a starred expression in a dictionary value",
                            star.line(), star.col(), starred.span().endLine(), starred.span().endCol());
                }
            }
            Expr value = expression();
            if (keys.isEmpty() && atComprehension()) {
                List<Comprehension> gens = forIfClauses(RBRACE);
                return gens == null ? refuse("asynchronous dict comprehension", "dict comprehension", start)
                        : new DictComp(key, value, gens, spanFrom(start));
            }
            keys.add(key);
            values.add(value);
        } while (accept(COMMA));
        expectClosing(RBRACE);
        return new DictExpr(Collections.unmodifiableList(keys), List.copyOf(values), spanFrom(start)); // ** has a null key
    }

    private boolean atComprehension() {
        return kind() == FOR || kind() == ASYNC && kindAt(1) == FOR;
    }

    /**
     * A generator expression whose element is parsed: its for_if_clauses (and closing bracket) are
     * read; an asynchronous one is refused.
     */
    private Expr generator(int start, int mark, TokenKind close, Expr element) {
        Expr elt = comprehensionElement(element);
        List<Comprehension> gens = forIfClauses(close);
        if (gens == null) return refuse("asynchronous generator expression", "generator expression", start);
        return new Expr.GeneratorExp(elt, gens, spanFrom(start));
    }

    /** invalid_comprehension: a starred element cannot be unpacked into a comprehension's result. */
    private Expr comprehensionElement(Expr elt) {
        if (isStarred(elt)) throw syntax("iterable unpacking cannot be used in comprehension", elt.span());
        return elt;
    }

    /**
     * The for_if_clauses of a comprehension whose element is parsed, then its closing bracket (when
     * close is not null); null when a clause is 'async for', which is refused.
     */
    private List<Comprehension> forIfClauses(TokenKind close) {
        var clauses = new ArrayList<Comprehension>();
        boolean async = false;
        while (atComprehension()) {
            int clauseStart = pos;
            async |= accept(ASYNC);
            advance();
            Expr target = forTarget();
            advance();
            Expr iter = disjunction();
            var ifs = new ArrayList<Expr>();
            while (accept(IF)) ifs.add(disjunction());
            clauses.add(new Comprehension(target, iter, List.copyOf(ifs), spanFrom(clauseStart)));
        }
        if (close != null) expectClosing(close);
        return async ? null : List.copyOf(clauses);
    }

    private Expr yieldExpression() {
        int start = pos;
        advance();
        Expr e;
        if (accept(FROM)) e = new Expr.YieldFrom(expression(), spanFrom(start));
        else e = new Expr.Yield(startsExpression(kind()) || kind() == STAR ? starExpressions() : null, spanFrom(start));
        return e;
    }

    /** A refused expression: reported, and stood in for by a name so parsing can go on. */
    private Expr refuse(String construct, String cpythonName, int start) {
        unsupported(construct, t[start]);
        Expr placeholder = new Name("<" + construct + ">", spanFrom(start));
        refused.put(placeholder, cpythonName);
        return placeholder;
    }

    // ---- string literals

    /** Adjacent string tokens: one str, bytes or f-string value, decoded as CPython does. */
    private Expr strings() {
        int first = pos;
        while (kind() == STRING) advance();
        Span span = spanFrom(first);
        Boolean bytesMode = null;
        var text = new StringBuilder();
        FStringParser.Parts parts = null;
        for (int i = first; i < pos; i++) {
            Token token = t[i];
            var literal = StringLiterals.parse(token.text());
            String body = literal.body(token.text());
            if (literal.bytes() && !StringLiterals.isAscii(body)) {
                throw syntaxAt("bytes can only contain ASCII literal characters", token);
            }
            String value = null;
            if (!literal.fstring()) {
                try {
                    value = literal.raw() ? body : literal.bytes() ? StringLiterals.decodeBytes(body) : StringLiterals.decodeStr(body);
                } catch (StringLiterals.BadLiteral e) {
                    throw fstringError(e.getMessage());
                }
            }
            if (bytesMode != null && bytesMode != literal.bytes()) throw fstringError("cannot mix bytes and nonbytes literals");
            bytesMode = literal.bytes();
            if (literal.fstring() && parts == null) {
                parts = new FStringParser.Parts();
                if (i > first) parts.literal(text.toString(), Span.of(t[first].span(), t[i - 1].span()));
            }
            if (parts == null) text.append(value);
            else if (value != null) parts.literal(value, token.span());
            else new FStringParser(this, token, literal).parseInto(parts);
        }
        if (parts != null) return new FString(parts.finish(), span);
        return bytesMode ? new BytesLit(text.toString(), span) : new StrLit(text.toString(), span);
    }

    /**
     * An error in a string literal. CPython reports these when it has read the token after the
     * literals, so that is where they point.
     */
    Failure fstringError(String message) {
        return syntaxAt(message, tok());
    }

    /**
     * Parses an f-string field's expression, source[from, to) starting at line:col, as CPython does:
     * as if written "(" + text + ")". Errors point into that text ("f-string: invalid syntax").
     */
    Expr fstringExpression(int from, int to, int line, int col) {
        var lexer = Lexer.fragment(file, source, from, to, line, col);
        var sub = new Parser(file, source, lexer.tokens(), false);
        sub.inAsyncFunction = inAsyncFunction;
        Expr e = null;
        try {
            e = sub.parenContents(0, RPAR);
            if (sub.kind() != END) throw sub.unexpected();
        } catch (Failure f) {
            e = null;
        }
        boolean failed = false;
        String text = "(" + source.substring(from, to) + ")";
        for (Found f : lexer.found()) failed |= adoptFromField(f, line, col, "", text);
        for (Found f : sub.found) failed |= adoptFromField(f, line, col, "f-string: ", text);
        if (failed || e == null) throw FAILURE;
        return e;
    }

    /** Takes over a problem found inside an f-string field; true if it is a syntax error. */
    private boolean adoptFromField(Found f, int line, int col, String prefix, String text) {
        Problem p = f.problem();
        if (f.phase() == Phase.COMPILER || f.phase() == Phase.UNSUPPORTED) {
            found.add(new Found(p, f.phase(), furthest, p.line()));
            return false;
        }
        var d = p.diagnostic();
        int shift = 2 - col; // columns on the field's first line count from the "(" CPython adds
        int c = d.line() == line ? d.col() + shift : d.col();
        int endC = p.endLine() == line && p.endCol() > 0 ? p.endCol() + shift : p.endCol();
        var moved = new Problem(Kind.SYNTAX, p.pyType(), new Diagnostic(file, d.line(), c, prefix + d.message()), p.endLine(), endC);
        found.add(new Found(moved, Phase.PARSER, furthest, t[furthest].line(), text));
        return true;
    }

    // ======================================================================= target checks

    /** _PyPegen_get_invalid_target: the part of e that cannot be assigned (or deleted), or null. */
    private Expr invalidTarget(Expr e, Targets mode) {
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

    private Expr firstInvalid(List<Expr> elts, Targets mode) {
        for (Expr e : elts) {
            Expr bad = invalidTarget(e, mode);
            if (bad != null) return bad;
        }
        return null;
    }

    /** _PyPegen_get_expr_name: how CPython names an expression in "cannot assign to ..." messages. */
    private String exprName(Expr e) {
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
            case StrLit s -> "literal";
            case BytesLit b -> "literal";
        };
    }

    /** Could e be the bitwise_or in front of an '='? Not if it is a comparison or looser, unparenthesized. */
    private boolean isBitwiseOrLevel(Expr e) {
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
    private boolean startsWithDisplay(int i) {
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

    // ======================================================================= errors

    /**
     * "invalid syntax" at the current token, unless CPython's error pass would say more: a missing
     * comma between two expressions in brackets, or Python 2's print statement.
     */
    private Failure unexpected() {
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
    private Failure hintAt(int aStart, Expr a, int here) {
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
    private record Checked(Expr parsed, Failure raised) {}

    /**
     * Parses rule from token `from` as CPython's error pass does where the valid grammar asked for
     * something narrower (a target, a name): its checks run on every expression, including one that
     * follows another without a comma. Consumes nothing; keeps only a raised error's problem.
     */
    private Checked checked(int from, Supplier<Expr> rule) {
        int savedPos = pos;
        int mark = found.size();
        Expr savedDisjunction = lastDisjunction;
        int savedStart = lastDisjunctionStart;
        int savedEnd = lastDisjunctionEnd;
        boolean savedBacktracking = backtracking;
        pos = from;
        lastDisjunctionEnd = -1;
        backtracking = true;
        Expr parsed = null;
        Failure raised = null;
        try {
            parsed = rule.get();
            if (lastDisjunctionEnd == pos && startsExpression(kind())) raised = hintAt(lastDisjunctionStart, lastDisjunction, pos);
        } catch (Failure f) {
            if (found.size() > mark && isSpecific(found.get(found.size() - 1))) raised = f;
        } finally {
            pos = savedPos;
            if (raised == null) found.subList(mark, found.size()).clear();
            lastDisjunction = savedDisjunction;
            lastDisjunctionStart = savedStart;
            lastDisjunctionEnd = savedEnd;
            backtracking = savedBacktracking;
        }
        return new Checked(parsed, raised);
    }

    private Expr starExpressionsQuietFirst() {
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
        if (kind() != COMMA) return first;
        var elts = new ArrayList<Expr>();
        elts.add(first);
        while (accept(COMMA) && (startsExpression(kind()) || kind() == STAR)) elts.add(starExpression());
        return new TupleExpr(List.copyOf(elts), spanFrom(start));
    }

    /** _PyPegen_soft_keyword_token compares only the token's length of each keyword, so "c" counts. */
    private static boolean isSoftKeywordPrefix(String name) {
        return "match".startsWith(name) || "case".startsWith(name) || "_".startsWith(name);
    }

    private <T> T speculateFrom(int at, Supplier<T> rule, boolean keepSpecific) {
        int saved = pos;
        pos = at;
        try {
            return speculate(rule, keepSpecific);
        } finally {
            pos = saved;
        }
    }

    private <T> T speculate(Supplier<T> rule) {
        return speculate(rule, false);
    }

    /**
     * Runs rule from the current token without consuming anything or keeping its problems; null if
     * it fails. With keepSpecific, an error more specific than "invalid syntax" raised inside is
     * kept and rethrown, as CPython's error pass raises the first one its rules detect.
     */
    private <T> T speculate(Supplier<T> rule, boolean keepSpecific) {
        int savedPos = pos;
        int savedFound = found.size();
        Expr savedDisjunction = lastDisjunction;
        int savedStart = lastDisjunctionStart;
        int savedEnd = lastDisjunctionEnd;
        boolean keep = false;
        lastDisjunctionEnd = -1; // only a disjunction parsed here can precede a missing comma
        try {
            return rule.get();
        } catch (Failure f) {
            keep = keepSpecific && found.size() > savedFound && isSpecific(found.get(found.size() - 1));
            if (keep) throw f;
            return null;
        } finally {
            speculationEnd = pos;
            pos = savedPos;
            if (!keep) found.subList(savedFound, found.size()).clear();
            lastDisjunction = savedDisjunction;
            lastDisjunctionStart = savedStart;
            lastDisjunctionEnd = savedEnd;
        }
    }

    private static boolean isSpecific(Found f) {
        return f.phase() == Phase.PARSER && !f.problem().message().equals("invalid syntax");
    }

    private Failure syntax(String message, Span s) {
        return syntax(message, s.line(), s.col(), s.endLine(), s.endCol());
    }

    private Failure syntax(String message, int line, int col, int endLine, int endCol) {
        record(Phase.PARSER, "SyntaxError", message, line, col, endLine, endCol);
        return FAILURE;
    }

    /** An error at token x (RAISE_SYNTAX_ERROR_KNOWN_LOCATION). */
    private Failure syntaxAt(String message, Token x) {
        return errorAt("SyntaxError", message, x, true);
    }

    /**
     * An error at token x. CPython's INDENT, DEDENT and end marker have no position of their own:
     * an error raised with their location gets column 0, one raised without (RAISE_SYNTAX_ERROR,
     * RAISE_INDENTATION_ERROR) the indentation width and no end.
     */
    private Failure errorAt(String pyType, String message, Token x, boolean knownLocation) {
        if (x.kind() == ERROR) return FAILURE; // the tokenizer's error is the one CPython raises
        boolean structural = x.kind() == INDENT || x.kind() == DEDENT || x.kind() == END;
        if (!structural) record(Phase.PARSER, pyType, message, x.line(), x.col(), x.endLine(), x.endCol());
        else if (knownLocation) record(Phase.PARSER, pyType, message, x.line(), 0, x.line(), 0);
        else record(Phase.PARSER, pyType, message, x.line(), x.col() - 1, x.line(), -1);
        return FAILURE;
    }

    private void record(Phase phase, String pyType, String message, int line, int col, int endLine, int endCol) {
        if (byteColumns) {
            col = ParseError.byteColumn(source, line, col);
            endCol = ParseError.byteColumn(source, endLine, endCol);
        }
        var problem = new Problem(Kind.SYNTAX, pyType, new Diagnostic(file, line, col, message), endLine, endCol);
        furthest = Math.max(furthest, pos); // recovery moves pos without reading tokens
        found.add(new Found(problem, phase, furthest, t[furthest].line()));
    }

    private void compileError(String message, Span s) {
        record(Phase.COMPILER, "SyntaxError", message, s.line(), s.col(), s.endLine(), s.endCol());
    }

    private void unsupported(String construct, Token at) {
        var problem = new Problem(Kind.UNSUPPORTED, null, new Diagnostic(file, at.line(), at.col(), construct), at.endLine(), at.endCol());
        found.add(new Found(problem, Phase.UNSUPPORTED, furthest, at.line()));
    }

    // ======================================================================= tokens

    private Token tok() {
        return t[pos];
    }

    private TokenKind kind() {
        return t[pos].kind();
    }

    private TokenKind kindAt(int ahead) {
        int i = Math.min(pos + ahead, t.length - 1);
        if (i > furthest) furthest = i;
        return t[i].kind();
    }

    private Token advance() {
        Token x = t[pos];
        if (pos < t.length - 1 && ++pos > furthest) furthest = pos;
        return x;
    }

    private boolean accept(TokenKind k) {
        if (kind() != k) return false;
        advance();
        return true;
    }

    private String expectName() {
        if (kind() != NAME) throw unexpected();
        return advance().text();
    }

    private boolean isSoftKeyword(String word) {
        return kind() == NAME && tok().text().equals(word);
    }

    private static boolean startsExpression(TokenKind k) {
        return switch (k) {
            case NAME, INT, FLOAT, IMAGINARY, STRING, LPAR, LSQB, LBRACE, MINUS, PLUS, TILDE, ELLIPSIS,
                 NOT, LAMBDA, AWAIT, TRUE, FALSE, NONE -> true;
            default -> false;
        };
    }

    /** From the start of token `start` to the end of the last token consumed: CPython's node extent. */
    private Span spanFrom(int start) {
        Token a = t[start];
        Token b = t[Math.max(start, pos - 1)];
        return new Span(a.line(), a.col(), b.endLine(), b.endCol());
    }

    /** The index of the token starting where s starts. */
    private int indexOf(Span s) {
        int lo = 0, hi = t.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Token m = t[mid];
            if (m.line() < s.line() || m.line() == s.line() && m.col() < s.col()) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    @SafeVarargs
    private static Span lastSpan(Span fallback, List<Stmt>... blocks) {
        Span last = fallback;
        for (List<Stmt> block : blocks) if (!block.isEmpty()) last = block.get(block.size() - 1).span();
        return last;
    }
}
