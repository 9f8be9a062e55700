package dev.refgrade.python;

import static dev.refgrade.python.TokenKind.*;

import dev.refgrade.python.Expr.Attribute;
import dev.refgrade.python.Expr.BinOp;
import dev.refgrade.python.Expr.BoolOp;
import dev.refgrade.python.Expr.Call;
import dev.refgrade.python.Expr.Compare;
import dev.refgrade.python.Expr.IfExp;
import dev.refgrade.python.Expr.Keyword;
import dev.refgrade.python.Expr.Lambda;
import dev.refgrade.python.Expr.Name;
import dev.refgrade.python.Expr.Slice;
import dev.refgrade.python.Expr.Subscript;
import dev.refgrade.python.Expr.TupleExpr;
import dev.refgrade.python.Expr.UnaryOp;
import dev.refgrade.python.Stmt.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The expression rules of CPython's grammar, from star_expressions down to primary: operators by
 * precedence, calls, subscripts and slices, lambda, yield.
 */
abstract sealed class ExpressionRules extends Displays permits SimpleStatements {
    static final int MAX_NESTING = 300;
    int nesting;

    ExpressionRules(String file, String source, List<Token> tokens, boolean byteColumns) {
        super(file, source, tokens, byteColumns);
    }

    /** star_expressions: one expression, or a tuple without parentheses. */
    Expr starExpressions() {
        int start = pos;
        Expr first = starExpression();
        return commaList(start, first, this::starExpression);
    }

    Expr starExpression() {
        if (kind() != STAR) return expression();
        int start = pos;
        advance();
        Expr value = bitwiseOr();
        return new Expr.Starred(value, spanFrom(start));
    }

    /** star_named_expressions as a match subject: like starExpressions, but allowing ':='. */
    Expr starNamedExpressions() {
        int start = pos;
        Expr first = starNamedExpression();
        return commaList(start, first, this::starNamedExpression);
    }

    Expr starNamedExpression() {
        return kind() == STAR ? starExpression() : namedExpression();
    }

    /** named_expression: where CPython allows ':=', and catches '=' written for '=='. */
    Expr namedExpression() {
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

    Expr expression() {
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
    void enter() {
        if (++nesting <= MAX_NESTING) return;
        nesting--;
        unsupported("expression nested too deeply", tok());
        throw FAILURE;
    }

    Expr conditional() {
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

    Expr lambda() {
        int start = pos;
        advance();
        List<Param> params = parameters(COLON);
        if (kind() != COLON) throw unexpected();
        advance();
        Expr body = expression();
        return new Lambda(List.copyOf(params), body, spanFrom(start));
    }

    Expr disjunction() {
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

    Expr conjunction() {
        int start = pos;
        Expr e = inversion();
        return kind() == AND ? boolOp(start, e, AND) : e;
    }

    Expr boolOp(int start, Expr first, TokenKind op) {
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

    Expr inversion() {
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

    Expr comparison() {
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

    CmpOp comparisonOperator() {
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

    Expr bitwiseOr() {
        return binary(0);
    }

    /** The binary operators of precedence level 0 (|) to 5 (* / // % @), all left-associative. */
    static BinOperator binaryOperator(TokenKind k, int level) {
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

    Expr binary(int level) {
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
    <T> T operand(Supplier<T> rule) {
        if (!withoutInvalid && !backtracking) return rule.get();
        Mark m = mark();
        try {
            return rule.get();
        } catch (Failure f) {
            if (!withoutInvalid && raisedSpecific(m)) throw f;
            rewind(m, false);
            return null;
        }
    }

    Expr factor() {
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
    Expr power() {
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

    Expr awaitPrimary() {
        if (kind() != AWAIT) return primary();
        int start = pos;
        advance();
        return new Expr.Await(primary(), spanFrom(start));
    }

    Expr primary() {
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

    record Arguments(List<Expr> positional, List<Keyword> keywords) {}

    /** A call's (or class's) arguments, from '(' to ')', with CPython's checks on their order. */
    Arguments arguments() {
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

    Keyword keywordArgument(List<Keyword> earlier) {
        int start = pos;
        String name = advance().text();
        advance();
        Expr value = expression();
        var keyword = new Keyword(name, value, spanFrom(start));
        for (Keyword k : earlier) {
            if (name.equals(k.name())) compileError("keyword argument repeated: " + name, keyword.span());
        }
        return keyword;
    }

    Expr positionalArgument(int index) {
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

    Expr subscript(int start, Expr value) {
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

    Expr sliceItem() {
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

    Expr yieldExpression() {
        int start = pos;
        advance();
        Expr e;
        if (accept(FROM)) e = new Expr.YieldFrom(expression(), spanFrom(start));
        else e = new Expr.Yield(startsExpression(kind()) || kind() == STAR ? starExpressions() : null, spanFrom(start));
        return e;
    }

    abstract List<Param> parameters(TokenKind close);
}
