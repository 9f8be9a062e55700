package dev.refgrade.python;

import dev.refgrade.python.Expr.FString;
import dev.refgrade.python.Expr.FormattedValue;
import dev.refgrade.python.Expr.StrLit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an f-string token into literal text and replacement fields the way CPython 3.11's
 * string_parser.c does (fstring_find_literal / fstring_find_expr), with its error messages. The
 * expression of each field is handed back to the {@link Parser}.
 */
final class FStringParser {
    /** The parts of one f-string expression being built, adjacent literal text merged. */
    static final class Parts {
        private final List<Expr> parts = new ArrayList<>();
        private StringBuilder text;
        private Span textSpan;

        void literal(String s, Span where) {
            if (s.isEmpty()) return;
            if (text == null) {
                text = new StringBuilder();
                textSpan = where;
            } else {
                textSpan = textSpan.to(where);
            }
            text.append(s);
        }

        void field(Expr e) {
            flush();
            parts.add(e);
        }

        List<Expr> finish() {
            flush();
            return List.copyOf(parts);
        }

        private void flush() {
            if (text != null) parts.add(new StrLit(text.toString(), textSpan));
            text = null;
        }
    }

    private final Displays parser;
    private final String body;
    private final int bodyOffset;
    private final boolean raw;
    private final int[] lines;
    private final int[] cols;
    private int i;

    FStringParser(Displays parser, Token token, StringLiterals.Literal literal) {
        this.parser = parser;
        this.body = literal.body(token.text());
        this.bodyOffset = token.offset() + literal.bodyStart();
        this.raw = literal.raw();
        int n = body.length();
        lines = new int[n + 1];
        cols = new int[n + 1];
        int line = token.line();
        int col = token.col() + literal.bodyStart();
        for (int k = 0; k <= n; k++) {
            lines[k] = line;
            cols[k] = col;
            if (k == n) break;
            char c = body.charAt(k);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (!Character.isHighSurrogate(c)) {
                col++;
            }
        }
    }

    void parseInto(Parts parts) {
        parse(parts, 0);
    }

    /** _PyPegen_FstringParser_ConcatFstring: literals and fields up to the end, or to the '}' closing a format spec. */
    private void parse(Parts parts, int level) {
        int n = body.length();
        while (true) {
            int start = i;
            boolean doubled = literal(level);
            int litEnd = doubled ? i - 1 : i;
            if (litEnd > start) {
                String text = body.substring(start, litEnd);
                try {
                    parts.literal(raw ? text : StringLiterals.decodeStr(text), span(start, litEnd));
                } catch (StringLiterals.BadLiteral e) {
                    throw parser.fstringError(e.getMessage());
                }
            }
            if (doubled) continue;
            if (i >= n || body.charAt(i) == '}') break;
            field(parts, level);
        }
        if (level > 0 && (i >= n || body.charAt(i) != '}')) throw parser.fstringError("f-string: expecting '}'");
    }

    /**
     * Scans literal text from i. Returns true when it stopped at a doubled brace, leaving i after
     * both braces and the literal ending after the first; else i is at '{', '}' or the end.
     */
    private boolean literal(int level) {
        int n = body.length();
        int s = i;
        while (s < n) {
            char ch = body.charAt(s++);
            if (!raw && ch == '\\' && s < n) {
                ch = body.charAt(s++);
                if (ch == 'N') {
                    // The braces of \N{NAME} are not a field.
                    if (s < n && body.charAt(s++) == '{') {
                        while (s < n && body.charAt(s++) != '}') { }
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                // Braces are doubled only at the top level, so f'{0:{3}}' may end with two '}'.
                if (level == 0) {
                    if (s < n && body.charAt(s) == ch) {
                        i = s + 1;
                        return true;
                    }
                    if (ch == '}') {
                        i = s - 1;
                        throw parser.fstringError("f-string: single '}' is not allowed");
                    }
                }
                s--;
                break;
            }
        }
        i = s;
        return false;
    }

    /** fstring_find_expr: one {expression=!conversion:spec} field starting at the '{' at i. */
    private void field(Parts parts, int level) {
        if (level >= 2) throw parser.fstringError("f-string: expressions nested too deeply");
        int n = body.length();
        int open = i++;
        int exprStart = i;
        char quote = 0;
        boolean triple = false;
        var stack = new StringBuilder();
        for (; i < n; i++) {
            char ch = body.charAt(i);
            if (ch == '\\') throw parser.fstringError("f-string expression part cannot include a backslash");
            if (quote != 0) {
                if (ch == quote) {
                    if (!triple) {
                        quote = 0;
                    } else if (i + 2 < n && body.charAt(i + 1) == ch && body.charAt(i + 2) == ch) {
                        i += 2;
                        quote = 0;
                    }
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                triple = i + 2 < n && body.charAt(i + 1) == ch && body.charAt(i + 2) == ch;
                if (triple) i += 2;
                quote = ch;
            } else if (ch == '[' || ch == '{' || ch == '(') {
                if (stack.length() >= 200) throw parser.fstringError("f-string: too many nested parenthesis");
                stack.append(ch);
            } else if (ch == '#') {
                throw parser.fstringError("f-string expression part cannot include '#'");
            } else if (stack.isEmpty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
                // != == <= >= are operators, and a lone < or > never ends the expression.
                if (i + 1 < n && body.charAt(i + 1) == '=' && ch != ':' && ch != '}') {
                    i++;
                    continue;
                }
                if (ch == '>' || ch == '<') continue;
                break;
            } else if (ch == ']' || ch == '}' || ch == ')') {
                if (stack.isEmpty()) throw parser.fstringError("f-string: unmatched '" + ch + "'");
                char opening = stack.charAt(stack.length() - 1);
                stack.setLength(stack.length() - 1);
                if (!(opening == '(' && ch == ')' || opening == '[' && ch == ']' || opening == '{' && ch == '}')) {
                    throw parser.fstringError("f-string: closing parenthesis '" + ch
                            + "' does not match opening parenthesis '" + opening + "'");
                }
            }
        }
        int exprEnd = i;
        if (quote != 0) throw parser.fstringError("f-string: unterminated string");
        if (!stack.isEmpty()) throw parser.fstringError("f-string: unmatched '" + stack.charAt(stack.length() - 1) + "'");
        if (i >= n) throw parser.fstringError("f-string: expecting '}'");
        Expr value = expression(exprStart, exprEnd);

        if (body.charAt(i) == '=') {
            // A self-documenting field {x=} shows its own text first, and repr() unless told otherwise.
            i++;
            while (i < n && isSpace(body.charAt(i))) i++;
            if (i >= n) throw parser.fstringError("f-string: expecting '}'");
            parts.literal(body.substring(exprStart, i), span(exprStart, i));
        }
        boolean selfDocumenting = body.charAt(exprEnd) == '=';
        char conversion = 0;
        if (body.charAt(i) == '!') {
            i++;
            if (i >= n) throw parser.fstringError("f-string: expecting '}'");
            conversion = body.charAt(i++);
            if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                throw parser.fstringError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        Expr spec = null;
        if (i < n && body.charAt(i) == ':') {
            i++;
            if (i >= n) throw parser.fstringError("f-string: expecting '}'");
            int specStart = i;
            var specParts = new Parts();
            parse(specParts, level + 1);
            spec = new FString(specParts.finish(), span(specStart, i));
        }
        if (i >= n || body.charAt(i) != '}') throw parser.fstringError("f-string: expecting '}'");
        i++;
        if (selfDocumenting && spec == null && conversion == 0) conversion = 'r';
        parts.field(new FormattedValue(value, conversion, spec, span(open, i)));
    }

    private Expr expression(int from, int to) {
        boolean blank = true;
        for (int k = from; k < to && blank; k++) {
            char c = body.charAt(k);
            blank = c == ' ' || c == '\t' || c == '\n' || c == '\f';
        }
        if (blank) {
            char stop = body.charAt(to);
            throw parser.fstringError(stop == '}' ? "f-string: empty expression not allowed"
                    : "f-string: expression required before '" + stop + "'");
        }
        return parser.fstringExpression(bodyOffset + from, bodyOffset + to, lines[from], cols[from]);
    }

    private Span span(int from, int to) {
        return new Span(lines[from], cols[from], lines[to], cols[to]);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }
}
