package dev.refgrade.python;

import static dev.refgrade.python.TokenKind.*;

import dev.refgrade.python.ParseError.Found;
import dev.refgrade.python.ParseError.Kind;
import dev.refgrade.python.ParseError.Phase;
import dev.refgrade.python.ParseError.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The parser's cursor over the tokens, as CPython's Parser/pegen.c keeps it: the position, the
 * furthest token read (which orders errors), every problem recorded, and {@link Mark}s to return
 * to when a speculative parse fails. Also how problems are recorded, with CPython's positions.
 */
abstract sealed class TokenCursor permits InvalidRules {
    /** Unwinds to the enclosing statement once a problem is recorded. */
    static final class Failure extends RuntimeException {
        Failure() {
            super(null, null, false, false);
        }
    }

    static final Failure FAILURE = new Failure();
    final String file;
    final String source;

    /** False inside an f-string field, whose error columns are made relative to the field instead. */
    final boolean byteColumns;
    final Token[] t;
    final List<Found> found = new ArrayList<>();
    int pos;

    /** The furthest token looked at, CPython's tokens[fill-1]; errors are ordered by it. */
    int furthest;

    /** Parsing as CPython's *_without_invalid rules do: no error-pass rules, backtracking instead. */
    boolean withoutInvalid;

    /** Parsing as CPython's error pass does: failures that raise nothing backtrack (see operand). */
    boolean backtracking;

    /** The last disjunction parsed and its token range, for "Perhaps you forgot a comma?". */
    Expr lastDisjunction;
    int lastDisjunctionStart = -1;
    int lastDisjunctionEnd = -1;

    /** Where the innermost disjunction being parsed started. */
    int disjunctionStart;
    int speculationEnd;

    TokenCursor(String file, String source, List<Token> tokens, boolean byteColumns) {
        this.file = file;
        this.source = source;
        this.byteColumns = byteColumns;
        this.t = tokens.toArray(Token[]::new);
    }

    /**
     * Everything a speculative parse may change, to return to when it fails: the token position
     * (pegen.c's mark), how many problems were recorded, and the lookback the error rules use.
     */
    record Mark(int pos, int found, Expr lastDisjunction, int lastDisjunctionStart, int lastDisjunctionEnd, boolean backtracking) {}

    Mark mark() {
        return new Mark(pos, found.size(), lastDisjunction, lastDisjunctionStart, lastDisjunctionEnd, backtracking);
    }

    /** Returns to m, dropping the problems recorded since unless keepProblems. */
    void reset(Mark m, boolean keepProblems) {
        rewind(m, keepProblems);
        lastDisjunction = m.lastDisjunction();
        lastDisjunctionStart = m.lastDisjunctionStart();
        lastDisjunctionEnd = m.lastDisjunctionEnd();
        backtracking = m.backtracking();
    }

    /** Returns to m's token (pegen.c's reset), dropping the problems recorded since unless keepProblems. */
    void rewind(Mark m, boolean keepProblems) {
        pos = m.pos();
        if (!keepProblems) found.subList(m.found(), found.size()).clear();
    }

    /** Was a problem more specific than "invalid syntax" recorded since m? */
    boolean raisedSpecific(Mark m) {
        return found.size() > m.found() && isSpecific(found.get(found.size() - 1));
    }

    void expectClosing(TokenKind close) {
        if (kind() != close) throw unexpected();
        advance();
    }

    <T> T speculateFrom(int at, Supplier<T> rule, boolean keepSpecific) {
        Mark m = mark();
        pos = at;
        try {
            return speculate(rule, keepSpecific);
        } finally {
            pos = m.pos();
        }
    }

    <T> T speculate(Supplier<T> rule) {
        return speculate(rule, false);
    }

    /**
     * Runs rule from the current token without consuming anything or keeping its problems; null if
     * it fails. With keepSpecific, an error more specific than "invalid syntax" raised inside is
     * kept and rethrown, as CPython's error pass raises the first one its rules detect.
     */
    <T> T speculate(Supplier<T> rule, boolean keepSpecific) {
        Mark m = mark();
        boolean keep = false;
        lastDisjunctionEnd = -1; // only a disjunction parsed here can precede a missing comma
        try {
            return rule.get();
        } catch (Failure f) {
            keep = keepSpecific && raisedSpecific(m);
            if (keep) throw f;
            return null;
        } finally {
            speculationEnd = pos;
            reset(m, keep);
        }
    }

    static boolean isSpecific(Found f) {
        return f.phase() == Phase.PARSER && !f.problem().message().equals("invalid syntax");
    }

    Failure syntax(String message, Span s) {
        return syntax(message, s.line(), s.col(), s.endLine(), s.endCol());
    }

    Failure syntax(String message, int line, int col, int endLine, int endCol) {
        record(Phase.PARSER, "SyntaxError", message, line, col, endLine, endCol);
        return FAILURE;
    }

    /** An error at token x (RAISE_SYNTAX_ERROR_KNOWN_LOCATION). */
    Failure syntaxAt(String message, Token x) {
        return errorAt("SyntaxError", message, x, true);
    }

    /**
     * An error at token x. CPython's INDENT, DEDENT and end marker have no position of their own:
     * an error raised with their location gets column 0, one raised without (RAISE_SYNTAX_ERROR,
     * RAISE_INDENTATION_ERROR) the indentation width and no end.
     */
    Failure errorAt(String pyType, String message, Token x, boolean knownLocation) {
        if (x.kind() == ERROR) return FAILURE; // the tokenizer's error is the one CPython raises
        boolean structural = x.kind() == INDENT || x.kind() == DEDENT || x.kind() == END;
        if (!structural) record(Phase.PARSER, pyType, message, x.line(), x.col(), x.endLine(), x.endCol());
        else if (knownLocation) record(Phase.PARSER, pyType, message, x.line(), 0, x.line(), 0);
        else record(Phase.PARSER, pyType, message, x.line(), x.col() - 1, x.line(), -1);
        return FAILURE;
    }

    void record(Phase phase, String pyType, String message, int line, int col, int endLine, int endCol) {
        if (byteColumns) {
            col = ParseError.byteColumn(source, line, col);
            endCol = ParseError.byteColumn(source, endLine, endCol);
        }
        var problem = new Problem(Kind.SYNTAX, pyType, new Diagnostic(file, line, col, message), endLine, endCol);
        furthest = Math.max(furthest, pos); // recovery moves pos without reading tokens
        found.add(new Found(problem, phase, furthest, t[furthest].line()));
    }

    void compileError(String message, Span s) {
        record(Phase.COMPILER, "SyntaxError", message, s.line(), s.col(), s.endLine(), s.endCol());
    }

    void unsupported(String construct, Token at) {
        var problem = new Problem(Kind.UNSUPPORTED, null, new Diagnostic(file, at.line(), at.col(), construct), at.endLine(), at.endCol());
        found.add(new Found(problem, Phase.UNSUPPORTED, furthest, at.line()));
    }

    Token tok() {
        return t[pos];
    }

    TokenKind kind() {
        return t[pos].kind();
    }

    TokenKind kindAt(int ahead) {
        int i = Math.min(pos + ahead, t.length - 1);
        if (i > furthest) furthest = i;
        return t[i].kind();
    }

    Token advance() {
        Token x = t[pos];
        if (pos < t.length - 1 && ++pos > furthest) furthest = pos;
        return x;
    }

    boolean accept(TokenKind k) {
        if (kind() != k) return false;
        advance();
        return true;
    }

    boolean isSoftKeyword(String word) {
        return kind() == NAME && tok().text().equals(word);
    }

    static boolean startsExpression(TokenKind k) {
        return switch (k) {
            case NAME, INT, FLOAT, IMAGINARY, STRING, LPAR, LSQB, LBRACE, MINUS, PLUS, TILDE, ELLIPSIS,
                 NOT, LAMBDA, AWAIT, TRUE, FALSE, NONE -> true;
            default -> false;
        };
    }

    /** From the start of token `start` to the end of the last token consumed: CPython's node extent. */
    Span spanFrom(int start) {
        Token a = t[start];
        Token b = t[Math.max(start, pos - 1)];
        return new Span(a.line(), a.col(), b.endLine(), b.endCol());
    }

    /** The index of the token starting where s starts. */
    int indexOf(Span s) {
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
    static Span lastSpan(Span fallback, List<Stmt>... blocks) {
        Span last = fallback;
        for (List<Stmt> block : blocks) if (!block.isEmpty()) last = block.get(block.size() - 1).span();
        return last;
    }

    /** Skips a bracketed group of tokens, brackets balanced. */
    void skipBracketed() {
        int depth = tok().depth();
        do {
            advance();
        } while (!(tok().depth() == depth && (kind() == RSQB || kind() == RPAR || kind() == RBRACE)) && kind() != END);
        advance();
    }

    abstract Failure unexpected();
}
