package dev.refgrade.python;

import dev.refgrade.python.ParseError.Found;
import dev.refgrade.python.ParseError.Kind;
import dev.refgrade.python.ParseError.Phase;
import dev.refgrade.python.ParseError.Problem;
import java.text.Normalizer;
import java.util.List;

/**
 * Python 3.11's tokenizer (Parser/tokenizer.c) for one source file: NEWLINE/INDENT/DEDENT from a
 * tabs-and-spaces indentation stack, implicit line joining inside brackets, backslash continuation,
 * names, numbers and string literals, with CPython's error messages and positions.
 *
 * <p>Unlike CPython it does not stop at the first error: it records the error, emits an ERROR token
 * and carries on, so the parser can report later problems too. String literals are returned raw
 * (prefix and quotes included), as CPython's tokenizer does; the parser decodes them.
 */
public final class Lexer extends NumberScanner {
    private static final int TAB_SIZE = 8;
    /** CPython's MAXLEVEL and MAXINDENT. */
    private static final int MAX_DEPTH = 200;
    private static final int MAX_INDENT = 100;
    private int[] indents = new int[8];
    private int[] altIndents = new int[8];
    private int indentTop;

    /** Tokenizes a whole file; problems are available from {@link #problems()}. */
    public Lexer(String fileName, String source) {
        this(fileName, normalize(source), 0, -1, 1, 1, false);
    }

    private Lexer(String fileName, String source, int from, int to, int line, int col, boolean fragment) {
        super(fileName, source, from, to, line, col, fragment);
        scan();
    }

    /** Python drops a byte order mark and reads universal newlines; so do we, once, so positions agree. */
    static String normalize(String source) {
        if (source.startsWith("\uFEFF")) source = source.substring(1);
        if (source.indexOf('\r') < 0) return source;
        return source.replace("\r\n", "\n").replace('\r', '\n');
    }

    public List<Problem> problems() {
        return found.stream().map(Found::problem).toList();
    }

    /** The source after newline normalisation; token offsets index into it. */
    String source() {
        return src;
    }

    private void scan() {
        boolean atLineStart = !fragment;
        while (true) {
            if (atLineStart) {
                atLineStart = false;
                indentation();
            }
            while (pos < end && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t' || src.charAt(pos) == '\f')) pos++;
            if (pos >= end) {
                finish();
                return;
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                if (lineHasTokens && depth == 0 && !fragment) newlineToken(pos);
                comment = -1;
                pos++;
                newLine(pos);
                atLineStart = depth == 0 && !fragment;
            } else if (c == '#') {
                comment = pos;
                while (pos < end && src.charAt(pos) != '\n') pos++;
                continue;
            } else if (c == '\\') {
                continuation();
            } else if (c >= 128 || isAsciiLetter(c) || c == '_') {
                nameOrString();
            } else if (isDigit(c) || c == '.' && isDigit(charAt(pos + 1))) {
                number();
            } else if (c == '"' || c == '\'') {
                string(pos, pos);
            } else {
                operator(c);
            }
        }
    }

    private void indentation() {
        int col = 0;
        int alt = 0;
        int continued = -1;
        scan:
        while (pos < end) {
            switch (src.charAt(pos)) {
                case ' ' -> {
                    col++;
                    alt++;
                }
                case '\t' -> {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt++;
                }
                case '\f' -> {
                    col = 0;
                    alt = 0;
                }
                case '\\' -> {
                    // Indentation cannot be split over lines: the first backslash fixes it.
                    if (pos + 2 >= end || src.charAt(pos + 1) != '\n') {
                        continuation();
                        return;
                    }
                    if (continued < 0) continued = col;
                    pos += 2;
                    newLine(pos);
                    continue;
                }
                default -> {
                    break scan;
                }
            }
            pos++;
        }
        if (continued >= 0) col = alt = continued;
        // Blank and comment-only lines leave the indentation alone and produce no NEWLINE.
        if (pos >= end || src.charAt(pos) == '#' || src.charAt(pos) == '\n') return;
        int top = indents[indentTop];
        if (col == top) {
            if (alt != altIndents[indentTop]) tabError();
        } else if (col > top) {
            if (indentTop + 1 >= MAX_INDENT) {
                errorToken(Phase.TOKENIZER_STOP, "IndentationError", "too many levels of indentation", line, 1, line, 0);
                return;
            }
            if (alt <= altIndents[indentTop]) tabError();
            if (++indentTop == indents.length) {
                indents = java.util.Arrays.copyOf(indents, indentTop * 2);
                altIndents = java.util.Arrays.copyOf(altIndents, indentTop * 2);
            }
            indents[indentTop] = col;
            altIndents[indentTop] = alt;
            structural(TokenKind.INDENT, line, col(pos), pos);
        } else {
            int dedents = 0;
            while (indentTop > 0 && col < indents[indentTop]) {
                indentTop--;
                dedents++;
            }
            // CPython stops at a bad dedent before producing any DEDENT, so the error comes first.
            if (col != indents[indentTop]) {
                int lineEnd = src.indexOf('\n', pos);
                int length = (lineEnd < 0 || lineEnd > end ? end : lineEnd) - lineStart + 1;
                errorToken(Phase.TOKENIZER_STOP, "IndentationError",
                        "unindent does not match any outer indentation level", line, length, line, -1);
            }
            for (int i = 0; i < dedents; i++) structural(TokenKind.DEDENT, line, col(pos), pos);
            if (col == indents[indentTop] && alt != altIndents[indentTop]) tabError();
        }
    }

    private void tabError() {
        errorToken(Phase.TOKENIZER_STOP, "TabError", "inconsistent use of tabs and spaces in indentation",
                line, 1, line, 0);
    }

    private void continuation() {
        int backslash = pos;
        int backslashLine = line;
        int backslashLineStart = lineStart;
        pos++;
        if (pos < end && src.charAt(pos) == '\n') {
            pos++;
            newLine(pos);
            if (pos < end) return;
        }
        if (pos >= end) {
            int offset = backslash == backslashLineStart ? 0 : end - backslashLineStart;
            errorToken(Phase.TOKENIZER_STOP, "SyntaxError", "unexpected EOF while parsing",
                    backslashLine, offset, backslashLine, -1);
            return;
        }
        errorToken(Phase.TOKENIZER_STOP, "SyntaxError", "unexpected character after line continuation character",
                line, col(pos), line, 0);
    }

    private void finish() {
        if (depth > baseDepth) {
            Token opener = open[depth - 1];
            errorToken(Phase.UNCLOSED, "SyntaxError", "'" + opener.text() + "' was never closed",
                    opener.line(), opener.col(), opener.line(), 0);
        }
        if (fragment) {
            // CPython parses a field's expression as "(" + text + ")"; this is that ')'.
            depth = 0;
            tokens.add(new Token(TokenKind.RPAR, ")", line, col(end), line, col(end) + 1, 0, end));
            tokens.add(new Token(TokenKind.END, "", line, col(end) + 1, line, col(end) + 1, 0, end));
            return;
        }
        if (lineHasTokens) newlineToken(end);
        int last = lastLine();
        while (indentTop > 0) {
            indentTop--;
            structural(TokenKind.DEDENT, last, 1, end);
        }
        structural(TokenKind.END, last, 1, end);
    }

    private void nameOrString() {
        int start = pos;
        // Only the prefixes CPython accepts (r, u, b, f and the combinations rb, br, fr, rf) start strings.
        boolean b = false, r = false, u = false, f = false;
        for (int p = pos; p < end; ) {
            char ch = src.charAt(p);
            if (!(b || u || f) && (ch == 'b' || ch == 'B')) b = true;
            else if (!(b || u || r || f) && (ch == 'u' || ch == 'U')) u = true;
            else if (!(r || u) && (ch == 'r' || ch == 'R')) r = true;
            else if (!(f || b || u) && (ch == 'f' || ch == 'F')) f = true;
            else break;
            p++;
            if (p < end && (src.charAt(p) == '"' || src.charAt(p) == '\'')) {
                string(start, p);
                return;
            }
        }
        int sl = line;
        int sc = col(start);
        boolean ascii = true;
        int p = pos;
        while (p < end) {
            char ch = src.charAt(p);
            if (ch >= 128) ascii = false;
            else if (!isAsciiLetter(ch) && !isDigit(ch) && ch != '_') break;
            p++;
        }
        String text = src.substring(start, p);
        pos = p;
        if (!ascii) {
            int bad = invalidIdentifierChar(text);
            if (bad >= 0) {
                int cp = text.codePointAt(bad);
                String hex = String.format("%04X", cp);
                String msg = isPrintable(cp)
                        ? "invalid character '" + Character.toString(cp) + "' (U+" + hex + ")"
                        : "invalid non-printable character U+" + hex;
                int c = col(start + bad);
                errorToken(Phase.TOKENIZER, "SyntaxError", msg, line, c, line, c);
                return;
            }
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        TokenKind keyword = ascii ? TokenKind.keyword(text) : null;
        add(keyword != null ? keyword : TokenKind.NAME, text, sl, sc, start, p);
    }

    /** Index of the first character that cannot be in an identifier (XID_Start then XID_Continue), or -1. */
    private static int invalidIdentifierChar(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = i == 0
                    ? cp == '_' || Character.isUnicodeIdentifierStart(cp)
                    : Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
            if (!ok) return i;
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            case Character.SPACE_SEPARATOR -> cp == ' ';
            default -> true;
        };
    }

    private void string(int start, int quoteAt) {
        int sl = line;
        int sc = col(start);
        char quote = src.charAt(quoteAt);
        int p = quoteAt + 1;
        int quoteSize = 1;
        int endQuoteSize = 0;
        if (p < end && src.charAt(p) == quote) {
            if (p + 1 < end && src.charAt(p + 1) == quote) {
                quoteSize = 3;
                p += 2;
            } else {
                endQuoteSize = 1;
                p++;
            }
        }
        while (endQuoteSize != quoteSize) {
            if (p >= end || quoteSize == 1 && src.charAt(p) == '\n') {
                unterminated(start, p, sl, sc, quoteSize);
                return;
            }
            char ch = src.charAt(p++);
            if (ch == quote) {
                endQuoteSize++;
                continue;
            }
            endQuoteSize = 0;
            if (ch == '\n') {
                newLine(p);
            } else if (ch == '\\' && p < end) {
                if (src.charAt(p++) == '\n') newLine(p);
            }
        }
        pos = p;
        add(TokenKind.STRING, src.substring(start, p), sl, sc, start, p);
    }

    private void unterminated(int start, int p, int sl, int sc, int quoteSize) {
        int detected = p >= end ? lastLine() : line;
        String msg = quoteSize == 3
                ? "unterminated triple-quoted string literal (detected at line " + detected + ")"
                : "unterminated string literal (detected at line " + detected + ")";
        found.add(new Found(new Problem(Kind.SYNTAX, "SyntaxError", new Diagnostic(file, sl, sc, msg), sl, sc),
                Phase.TOKENIZER, tokens.size(), sl));
        pos = p;
        tokens.add(new Token(TokenKind.ERROR, src.substring(start, p), sl, sc, line, col(p), depth, start));
        lineHasTokens = true;
        // Brackets the broken literal swallowed would otherwise turn the rest of the file into one line.
        if (quoteSize == 3) depth = baseDepth;
        while (depth > baseDepth && open[depth - 1].line() >= sl) depth--;
    }

    private void operator(char c) {
        char c1 = charAt(pos + 1);
        char c2 = charAt(pos + 2);
        TokenKind kind = switch (c) {
            case '(' -> TokenKind.LPAR;
            case '[' -> TokenKind.LSQB;
            case '{' -> TokenKind.LBRACE;
            case ')' -> TokenKind.RPAR;
            case ']' -> TokenKind.RSQB;
            case '}' -> TokenKind.RBRACE;
            case ':' -> c1 == '=' ? TokenKind.COLONEQUAL : TokenKind.COLON;
            case ',' -> TokenKind.COMMA;
            case ';' -> TokenKind.SEMI;
            case '.' -> c1 == '.' && c2 == '.' ? TokenKind.ELLIPSIS : TokenKind.DOT;
            case '+' -> c1 == '=' ? TokenKind.PLUSEQUAL : TokenKind.PLUS;
            case '-' -> c1 == '=' ? TokenKind.MINEQUAL : c1 == '>' ? TokenKind.RARROW : TokenKind.MINUS;
            case '*' -> c1 == '*' ? (c2 == '=' ? TokenKind.DOUBLESTAREQUAL : TokenKind.DOUBLESTAR)
                    : c1 == '=' ? TokenKind.STAREQUAL : TokenKind.STAR;
            case '/' -> c1 == '/' ? (c2 == '=' ? TokenKind.DOUBLESLASHEQUAL : TokenKind.DOUBLESLASH)
                    : c1 == '=' ? TokenKind.SLASHEQUAL : TokenKind.SLASH;
            case '%' -> c1 == '=' ? TokenKind.PERCENTEQUAL : TokenKind.PERCENT;
            case '@' -> c1 == '=' ? TokenKind.ATEQUAL : TokenKind.AT;
            case '|' -> c1 == '=' ? TokenKind.VBAREQUAL : TokenKind.VBAR;
            case '&' -> c1 == '=' ? TokenKind.AMPEREQUAL : TokenKind.AMPER;
            case '^' -> c1 == '=' ? TokenKind.CIRCUMFLEXEQUAL : TokenKind.CIRCUMFLEX;
            case '~' -> TokenKind.TILDE;
            case '<' -> c1 == '<' ? (c2 == '=' ? TokenKind.LEFTSHIFTEQUAL : TokenKind.LEFTSHIFT)
                    : c1 == '=' ? TokenKind.LESSEQUAL : c1 == '>' ? TokenKind.LESSGREATER : TokenKind.LESS;
            case '>' -> c1 == '>' ? (c2 == '=' ? TokenKind.RIGHTSHIFTEQUAL : TokenKind.RIGHTSHIFT)
                    : c1 == '=' ? TokenKind.GREATEREQUAL : TokenKind.GREATER;
            case '=' -> c1 == '=' ? TokenKind.EQEQUAL : TokenKind.EQUAL;
            case '!' -> c1 == '=' ? TokenKind.NOTEQUAL : TokenKind.UNKNOWN;
            default -> TokenKind.UNKNOWN;
        };
        int start = pos;
        int sc = col(start);
        switch (kind) {
            case LPAR, LSQB, LBRACE -> {
                pos++;
                if (depth - baseDepth >= MAX_DEPTH) {
                    found.add(new Found(new Problem(Kind.SYNTAX, "SyntaxError", new Diagnostic(file, line, sc, "too many nested parentheses"),
                            line, sc), Phase.TOKENIZER, tokens.size(), line));
                    tokens.add(new Token(TokenKind.ERROR, kind.text, line, sc, line, sc + 1, depth, start));
                    return;
                }
                Token opener = add(kind, kind.text, line, sc, start, pos);
                if (depth == open.length) open = java.util.Arrays.copyOf(open, depth * 2);
                open[depth++] = opener;
            }
            case RPAR, RSQB, RBRACE -> closer(kind, c, start, sc);
            case UNKNOWN -> {
                pos++;
                add(kind, String.valueOf(c), line, sc, start, pos);
            }
            default -> {
                pos += kind.text.length();
                add(kind, kind.text, line, sc, start, pos);
            }
        }
    }

    private void closer(TokenKind kind, char c, int start, int sc) {
        pos++;
        String problem = null;
        if (depth == baseDepth) {
            problem = "unmatched '" + c + "'";
        } else {
            Token opener = open[--depth];
            boolean matches = opener.kind() == TokenKind.LPAR && c == ')' || opener.kind() == TokenKind.LSQB && c == ']'
                    || opener.kind() == TokenKind.LBRACE && c == '}';
            if (!matches) {
                problem = "closing parenthesis '" + c + "' does not match opening parenthesis '" + opener.text() + "'"
                        + (opener.line() != line ? " on line " + opener.line() : "");
            }
        }
        if (problem == null) {
            add(kind, kind.text, line, sc, start, pos);
        } else {
            found.add(new Found(new Problem(Kind.SYNTAX, "SyntaxError", new Diagnostic(file, line, sc, problem), line, sc),
                    Phase.TOKENIZER, tokens.size(), line));
            tokens.add(new Token(TokenKind.ERROR, String.valueOf(c), line, sc, line, sc + 1, depth, start));
        }
    }

    /** The tokens of an f-string field's expression {@code source[from, to)}, which starts at line:col. */
    static Lexer fragment(String fileName, String source, int from, int to, int line, int col) {
        return new Lexer(fileName, source, from, to, line, col, true);
    }

    public List<Token> tokens() {
        return tokens;
    }

    List<Found> found() {
        return found;
    }
}
