package dev.refgrade.python;

import static dev.refgrade.python.TokenKind.*;

import dev.refgrade.python.ParseError.Found;
import dev.refgrade.python.ParseError.Kind;
import dev.refgrade.python.ParseError.Phase;
import dev.refgrade.python.ParseError.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for Python 3.11, over {@link Lexer} tokens, in layers along CPython's
 * seams: {@link TokenCursor} (tokens, marks, recording problems), {@link InvalidRules} (the error
 * pass's invalid_* rules), {@link Displays} and {@link ExpressionRules}, {@link SimpleStatements}
 * and {@link CompoundStatements}; this class reads a file and runs the {@link Symtable} pass.
 *
 * <p>It follows CPython's grammar and, where a program is wrong, reproduces the message and
 * position CPython's second, error-reporting pass would give. After an error it skips to the next
 * statement and goes on, so {@link ParseError} lists every problem. The few constructs refgrade
 * does not even parse (match, async, Python 3.12 syntax) are read in full, so they cause no false
 * syntax errors, and reported as UNSUPPORTED; every other node reaches the runtime, which refuses
 * what it does not simulate.
 */
public final class Parser extends CompoundStatements {
    private Parser(String file, String source, List<Token> tokens, boolean byteColumns) {
        super(file, source, tokens, byteColumns);
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

    private List<Stmt> fileInput() {
        var body = new ArrayList<Stmt>();
        while (kind() != END) statementInto(body);
        return body;
    }

    /** Parses one statement into out; on failure skips past it, so the caller can go on. */
    void statementInto(List<Stmt> out) {
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
}
