package dev.refgrade.python;

import static dev.refgrade.python.TokenKind.*;

import dev.refgrade.python.Expr.BoolLit;
import dev.refgrade.python.Expr.BytesLit;
import dev.refgrade.python.Expr.Comprehension;
import dev.refgrade.python.Expr.DictComp;
import dev.refgrade.python.Expr.DictExpr;
import dev.refgrade.python.Expr.EllipsisLit;
import dev.refgrade.python.Expr.FString;
import dev.refgrade.python.Expr.FloatLit;
import dev.refgrade.python.Expr.ImagLit;
import dev.refgrade.python.Expr.IntLit;
import dev.refgrade.python.Expr.ListComp;
import dev.refgrade.python.Expr.ListExpr;
import dev.refgrade.python.Expr.Name;
import dev.refgrade.python.Expr.NoneLit;
import dev.refgrade.python.Expr.SetComp;
import dev.refgrade.python.Expr.SetExpr;
import dev.refgrade.python.Expr.StrLit;
import dev.refgrade.python.Expr.TupleExpr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Atoms: names, numbers, strings and f-strings, parenthesised forms, list, set and dict displays,
 * comprehensions and generator expressions.
 */
abstract sealed class Displays extends InvalidRules permits ExpressionRules {
    static final int MAX_STR_DIGITS = 4300;

    Displays(String file, String source, List<Token> tokens, boolean byteColumns) {
        super(file, source, tokens, byteColumns);
    }

    Expr atom() {
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
                String digits = x.text().replace("_", "");
                yield new ImagLit(Double.parseDouble(digits.substring(0, digits.length() - 1)), x.span());
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

    BigInteger intValue(Token x) {
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
    Expr parenContents(int start, TokenKind close) {
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

    Expr list() {
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

    Expr dictOrSet() {
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
    Expr dict(int start, Expr firstKey, int mark) {
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

    boolean atComprehension() {
        return kind() == FOR || kind() == ASYNC && kindAt(1) == FOR;
    }

    /**
     * A generator expression whose element is parsed: its for_if_clauses (and closing bracket) are
     * read; an asynchronous one is refused.
     */
    Expr generator(int start, int mark, TokenKind close, Expr element) {
        Expr elt = comprehensionElement(element);
        List<Comprehension> gens = forIfClauses(close);
        if (gens == null) return refuse("asynchronous generator expression", "generator expression", start);
        return new Expr.GeneratorExp(elt, gens, spanFrom(start));
    }

    /**
     * The for_if_clauses of a comprehension whose element is parsed, then its closing bracket (when
     * close is not null); null when a clause is 'async for', which is refused.
     */
    List<Comprehension> forIfClauses(TokenKind close) {
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

    /** A refused expression: reported, and stood in for by a name so parsing can go on. */
    Expr refuse(String construct, String cpythonName, int start) {
        unsupported(construct, t[start]);
        Expr placeholder = new Name("<" + construct + ">", spanFrom(start));
        refused.put(placeholder, cpythonName);
        return placeholder;
    }

    /** Adjacent string tokens: one str, bytes or f-string value, decoded as CPython does. */
    Expr strings() {
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

    abstract Expr disjunction();

    abstract Expr forTarget();

    abstract Expr yieldExpression();

    /** Parses an f-string field's expression (see {@link Parser#fstringExpression}). */
    abstract Expr fstringExpression(int from, int to, int line, int col);
}
