package dev.refgrade.python;

import static dev.refgrade.python.TokenKind.*;

import dev.refgrade.python.Expr.Attribute;
import dev.refgrade.python.Expr.ListExpr;
import dev.refgrade.python.Expr.Name;
import dev.refgrade.python.Expr.Subscript;
import dev.refgrade.python.Expr.TupleExpr;
import dev.refgrade.python.Stmt.Alias;
import dev.refgrade.python.Stmt.Assign;
import dev.refgrade.python.Stmt.AugAssign;
import dev.refgrade.python.Stmt.Delete;
import dev.refgrade.python.Stmt.ExprStmt;
import dev.refgrade.python.Stmt.Global;
import dev.refgrade.python.Stmt.Import;
import dev.refgrade.python.Stmt.Nonlocal;
import dev.refgrade.python.Stmt.Return;
import java.util.ArrayList;
import java.util.List;

/** The simple statements: expressions, assignments, del, return, import, raise, assert, global. */
abstract sealed class SimpleStatements extends ExpressionRules permits CompoundStatements {
    SimpleStatements(String file, String source, List<Token> tokens, boolean byteColumns) {
        super(file, source, tokens, byteColumns);
    }

    void simpleStatements(List<Stmt> out) {
        do {
            Stmt s = simpleStatement();
            if (s != null) out.add(s);
        } while (accept(SEMI) && kind() != NEWLINE);
        expectNewline();
    }

    void expectNewline() {
        if (kind() != NEWLINE) throw unexpected();
        advance();
    }

    /** One simple statement; null for a refused one. */
    Stmt simpleStatement() {
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

    Stmt returnStatement() {
        int start = pos;
        advance();
        Expr value = kind() == NEWLINE || kind() == SEMI ? null : starExpressions();
        if (value != null) starredValue(value);
        return new Return(value, spanFrom(start));
    }

    Stmt delStatement() {
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
    Expr deletionTargets() {
        Expr last;
        do {
            accept(STAR);
            last = primary();
        } while (accept(COMMA) && kind() != NEWLINE && kind() != SEMI);
        return last;
    }

    Stmt globalStatement() {
        int start = pos;
        boolean global = advance().kind() == GLOBAL;
        var names = new ArrayList<String>();
        do {
            names.add(expectName());
        } while (accept(COMMA));
        Span span = spanFrom(start);
        return global ? new Global(List.copyOf(names), span) : new Nonlocal(List.copyOf(names), span);
    }

    Stmt importStatement() {
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

    String dottedName() {
        var name = new StringBuilder(expectName());
        while (accept(DOT)) name.append('.').append(expectName());
        return name.toString();
    }

    Stmt fromImport() {
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

    Stmt raiseStatement() {
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

    Stmt assertStatement() {
        int start = pos;
        advance();
        Expr test = expression();
        Expr msg = accept(COMMA) ? expression() : null;
        return new Stmt.Assert(test, msg, spanFrom(start));
    }

    void typeAlias() {
        Token type = advance();
        advance();
        if (kind() == LSQB) skipBracketed();
        if (!accept(EQUAL)) throw unexpected();
        expression();
        unsupported("type alias statement (Python 3.12)", type);
    }

    /** An expression statement, assignment, augmented assignment or annotated assignment. */
    Stmt expressionStatement() {
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

    Stmt assignment(int start, Expr first) {
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

    Stmt annotated(int start, Expr target) {
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

    /**
     * The target list of a for loop or comprehension, up to its 'in'. CPython's first pass reads
     * only target syntax; where that fails, its error pass (invalid_for_target) reads expressions
     * and names the part that cannot be assigned.
     */
    Expr forTarget() {
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
    Expr targetList() {
        int start = pos;
        Expr first = target();
        return commaList(start, first, this::target);
    }

    Expr target() {
        if (kind() == STAR) {
            int start = pos;
            advance();
            Expr value = target();
            return new Expr.Starred(value, spanFrom(start));
        }
        return primary();
    }
}
