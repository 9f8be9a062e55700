package dev.refgrade.python;

import dev.refgrade.python.ParseError.Found;
import dev.refgrade.python.ParseError.Kind;
import dev.refgrade.python.ParseError.Phase;
import dev.refgrade.python.ParseError.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the tokenizer stands in the source, and how it emits tokens and records problems: the
 * state Parser/tokenizer.c keeps in its tok_state, shared by the scanners built on it.
 */
abstract sealed class SourceCursor permits NumberScanner {
    static final int EOF = -1;
    final String file;
    final String src;
    final int end;
    /** An f-string replacement field: tokens of one bracketed expression, ended by a synthetic ')'. */
    final boolean fragment;
    final int baseDepth;
    final int firstLine;
    final int firstColShift;
    final boolean surrogates;
    int pos;
    /** The cursor of the number scanner, which steps back like CPython's tok_backup. */
    int cur;
    int line;
    int lineStart;
    int lastLine = -1;
    final List<Token> tokens = new ArrayList<>();
    final List<Found> found = new ArrayList<>();
    Token[] open = new Token[8];
    int depth;
    boolean lineHasTokens;
    /** Where the comment just skipped started, or -1. */
    int comment = -1;

    SourceCursor(String fileName, String source, int from, int to, int line, int col, boolean fragment) {
        this.file = fileName;
        this.src = source;
        this.end = to < 0 ? source.length() : to;
        this.fragment = fragment;
        this.baseDepth = fragment ? 1 : 0;
        this.depth = baseDepth;
        this.pos = from;
        this.line = line;
        this.firstLine = line;
        this.firstColShift = col - 1;
        this.lineStart = from;
        this.surrogates = hasSurrogates(source, from, end);
    }

    void newLine(int start) {
        line++;
        lineStart = start;
    }

    /** The number of the last line, as CPython counts it at end of input. */
    int lastLine() {
        if (lastLine < 0) {
            int n = 1;
            for (int i = src.indexOf('\n'); i >= 0 && i < end; i = src.indexOf('\n', i + 1)) {
                if (i + 1 < end) n++;
            }
            lastLine = n;
        }
        return lastLine;
    }

    /** 1-based column of the character at index p of the current line, counting code points as CPython does. */
    int col(int p) {
        int c = p - lineStart + 1;
        if (line == firstLine) c += firstColShift;
        if (surrogates) {
            for (int i = lineStart; i < p; i++) if (Character.isLowSurrogate(src.charAt(i))) c--;
        }
        return c;
    }

    Token add(TokenKind kind, String text, int sl, int sc, int start, int stop) {
        var token = new Token(kind, text, sl, sc, line, col(stop), depth, start);
        tokens.add(token);
        lineHasTokens = true;
        comment = -1;
        return token;
    }

    /** CPython's NEWLINE starts at a comment that ends the line, and ends before the line break. */
    void newlineToken(int at) {
        int start = comment >= 0 ? comment : at;
        tokens.add(new Token(TokenKind.NEWLINE, "", line, col(start), line, col(at), 0, start));
        lineHasTokens = false;
    }

    void structural(TokenKind kind, int ln, int c, int offset) {
        tokens.add(new Token(kind, "", ln, c, ln, c, 0, offset));
        if (kind == TokenKind.NEWLINE) lineHasTokens = false;
    }

    /** Records a tokenizer error and leaves an ERROR token where the parser will meet it. */
    void errorToken(Phase phase, String pyType, String msg, int ln, int c, int endLn, int endC) {
        if (phase != Phase.TOKENIZER && !fragment) {
            // Past the tokenizer's own messages, CPython counts columns in UTF-8 bytes.
            c = ParseError.byteColumn(src, ln, c);
            endC = ParseError.byteColumn(src, endLn, endC);
        }
        found.add(new Found(new Problem(Kind.SYNTAX, pyType, new Diagnostic(file, ln, c, msg), endLn, endC),
                phase, tokens.size(), ln));
        int here = Math.min(pos, end);
        tokens.add(new Token(TokenKind.ERROR, "", line, col(here), line, col(here), depth, here));
    }

    char charAt(int i) {
        return i < end ? src.charAt(i) : '\0';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** is_potential_identifier_char: CPython lets any non-ASCII character into a name, then checks it. */
    static boolean isIdentifierChar(char c) {
        return c >= 128 || isAsciiLetter(c) || isDigit(c) || c == '_';
    }

    static int digitValue(int c) {
        if (isDigit(c)) return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    static boolean hasSurrogates(String s, int from, int to) {
        for (int i = from; i < to; i++) if (Character.isSurrogate(s.charAt(i))) return true;
        return false;
    }
}
