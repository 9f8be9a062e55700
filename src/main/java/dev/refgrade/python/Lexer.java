package dev.refgrade.python;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Python 3.11 tokenization: indentation, implicit line joining, numbers, strings and f-strings. */
final class Lexer {
    private static final String[] OPS = {"**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=",
            "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|", "^",
            "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "="};

    private final String src;
    private final String file;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Character> brackets = new ArrayDeque<>();
    private final Deque<int[]> bracketPos = new ArrayDeque<>();
    private final List<Integer> indents = new ArrayList<>(List.of(0));
    private int pos, line = 1, lineStart;

    Lexer(String file, String src) {
        this.file = file;
        this.src = src.endsWith("\n") ? src : src + "\n";
    }

    static final class LexError extends RuntimeException {
        final String pyType;
        final int line, col;

        LexError(String pyType, String message, int line, int col) {
            super(message, null, false, false);
            this.pyType = pyType;
            this.line = line;
            this.col = col;
        }
    }

    List<Token> tokenize() {
        boolean atLineStart = true;
        while (pos < src.length()) {
            if (atLineStart && brackets.isEmpty()) {
                if (!indentation()) continue;
                atLineStart = false;
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                if (brackets.isEmpty()) add(Token.Kind.NEWLINE, "\n", null, pos, pos + 1);
                pos++;
                line++;
                lineStart = pos;
                atLineStart = true;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
                lineStart = pos;
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (Character.isLetter(c) || c == '_' || c > 127) {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) > 127)) pos++;
                String word = src.substring(start, pos);
                if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && word.matches("(?i)(r|b|u|f|rb|br|fr|rf)")) {
                    string(start, word.toLowerCase());
                } else {
                    add(Token.Kind.NAME, word, null, start, pos);
                }
            } else if (c == '"' || c == '\'') {
                string(pos, "");
            } else {
                operator();
            }
        }
        if (!brackets.isEmpty()) {
            int[] at = bracketPos.peek();
            throw new LexError("SyntaxError", "'" + brackets.peek() + "' was never closed", at[0], at[1]);
        }
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != Token.Kind.NEWLINE) add(Token.Kind.NEWLINE, "\n", null, pos, pos);
        while (indents.size() > 1) {
            indents.remove(indents.size() - 1);
            add(Token.Kind.DEDENT, "", null, pos, pos);
        }
        add(Token.Kind.EOF, "", null, pos, pos);
        return tokens;
    }

    /** Measures a line's indentation; returns false for blank and comment-only lines, which do not count. */
    private boolean indentation() {
        int width = 0, p = pos;
        while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
            width = src.charAt(p) == '\t' ? (width / 8 + 1) * 8 : width + 1;
            p++;
        }
        if (p >= src.length() || src.charAt(p) == '\n' || src.charAt(p) == '#' || src.charAt(p) == '\r') {
            while (p < src.length() && src.charAt(p) != '\n') p++;
            pos = Math.min(p + 1, src.length());
            line++;
            lineStart = pos;
            return false;
        }
        pos = p;
        int current = indents.get(indents.size() - 1);
        if (width > current) {
            indents.add(width);
            add(Token.Kind.INDENT, "", null, pos, pos);
        } else {
            while (width < indents.get(indents.size() - 1)) {
                indents.remove(indents.size() - 1);
                add(Token.Kind.DEDENT, "", null, pos, pos);
            }
            if (width != indents.get(indents.size() - 1)) {
                throw new LexError("IndentationError", "unindent does not match any outer indentation level", line, width + 1);
            }
        }
        return true;
    }

    private void number() {
        int start = pos;
        if (src.charAt(pos) == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            int radix = switch (Character.toLowerCase(src.charAt(pos + 1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            pos += 2;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            try {
                add(Token.Kind.NUMBER, src.substring(start, pos), new BigInteger(src.substring(start + 2, pos).replace("_", ""), radix), start, pos);
            } catch (NumberFormatException e) {
                throw new LexError("SyntaxError", "invalid " + (radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") + " literal", line, start - lineStart + 1);
            }
            return;
        }
        boolean isFloat = false;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        if (pos < src.length() && src.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                isFloat = true;
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos).replace("_", "");
        if (pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
            pos++;
            add(Token.Kind.NUMBER, src.substring(start, pos), null, start, pos);
            return;
        }
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            throw new LexError("SyntaxError", "invalid decimal literal", line, start - lineStart + 1);
        }
        add(Token.Kind.NUMBER, src.substring(start, pos), isFloat ? (Object) Double.parseDouble(text) : new BigInteger(text), start, pos);
    }

    private void string(int start, String prefix) {
        char q = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(q).repeat(3), pos);
        int startLine = line, startCol = start - lineStart + 1;
        pos += triple ? 3 : 1;
        StringBuilder raw = new StringBuilder();
        while (true) {
            if (pos >= src.length() || (!triple && src.charAt(pos) == '\n')) {
                throw new LexError("SyntaxError", (triple ? "unterminated triple-quoted string literal" : "unterminated string literal")
                        + " (detected at line " + (triple ? line - 1 : line) + ")", startLine, startCol);
            }
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                raw.append(c).append(src.charAt(pos + 1));
                if (src.charAt(pos + 1) == '\n') {
                    line++;
                    lineStart = pos + 2;
                }
                pos += 2;
                continue;
            }
            if (triple ? src.startsWith(String.valueOf(q).repeat(3), pos) : c == q) {
                pos += triple ? 3 : 1;
                break;
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            }
            raw.append(c);
            pos++;
        }
        boolean rawStr = prefix.contains("r");
        String body = rawStr ? raw.toString() : unescape(raw.toString(), startLine, startCol);
        Token.Kind kind = prefix.contains("f") ? Token.Kind.FSTRING : Token.Kind.STRING;
        Object value = kind == Token.Kind.FSTRING ? raw.toString() : body;
        tokens.add(new Token(kind, prefix, value, startLine, startCol, line, pos - lineStart + 1));
        if (prefix.contains("b")) tokens.set(tokens.size() - 1, new Token(kind, "b", value, startLine, startCol, line, pos - lineStart + 1));
    }

    static String unescape(String s, int line, int col) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int end = i;
                    while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') end++;
                    b.append((char) Integer.parseInt(s.substring(i, end), 8));
                    i = end - 1;
                }
                case 'x' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    b.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'v' -> b.append('\u000b');
                case '\n' -> { }
                case '\\', '\'', '"' -> b.append(n);
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    private void operator() {
        for (String op : OPS) {
            if (src.startsWith(op, pos)) {
                char c = op.charAt(0);
                if (op.length() == 1 && "([{".indexOf(c) >= 0) {
                    brackets.push(c);
                    bracketPos.push(new int[] {line, pos - lineStart + 1});
                } else if (op.length() == 1 && ")]}".indexOf(c) >= 0) {
                    if (brackets.isEmpty()) throw new LexError("SyntaxError", "unmatched '" + c + "'", line, pos - lineStart + 1);
                    char open = brackets.peek();
                    if ("([{".indexOf(open) != ")]}".indexOf(c)) {
                        throw new LexError("SyntaxError", "closing parenthesis '" + c + "' does not match opening parenthesis '" + open + "'", line, pos - lineStart + 1);
                    }
                    brackets.pop();
                    bracketPos.pop();
                }
                add(Token.Kind.OP, op, null, pos, pos + op.length());
                pos += op.length();
                return;
            }
        }
        throw new LexError("SyntaxError", "invalid character '" + src.charAt(pos) + "' (U+" + String.format("%04X", (int) src.charAt(pos)) + ")", line, pos - lineStart + 1);
    }

    private void add(Token.Kind kind, String text, Object value, int from, int to) {
        tokens.add(new Token(kind, text, value, line, from - lineStart + 1, line, to - lineStart + 1));
    }
}
