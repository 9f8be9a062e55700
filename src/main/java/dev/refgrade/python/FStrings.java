package dev.refgrade.python;

import java.util.ArrayList;
import java.util.List;

/** Splits an f-string's text into literal parts and replacement fields. */
final class FStrings {
    private FStrings() {}

    static List<Expr> parse(Parser parser, Token t) {
        String raw = (String) t.value();
        boolean isRaw = t.text().contains("r");
        List<Expr> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                lit.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                lit.append('}');
                i += 2;
            } else if (c == '}') {
                throw parser.fstringError("f-string: single '}' is not allowed", t);
            } else if (c == '{') {
                if (!lit.isEmpty()) {
                    parts.add(new Expr.StrLit(isRaw ? lit.toString() : Lexer.unescape(lit.toString(), t.line(), t.col()), t.span()));
                    lit.setLength(0);
                }
                int depth = 0, j = i + 1;
                int exprEnd = -1, specStart = -1;
                char conv = 0;
                for (; j < raw.length(); j++) {
                    char d = raw.charAt(j);
                    if (d == '(' || d == '[' || d == '{') depth++;
                    else if ((d == ')' || d == ']' || d == '}') && depth > 0) depth--;
                    else if (depth == 0 && d == '}') break;
                    else if (depth == 0 && d == '!' && exprEnd < 0 && j + 1 < raw.length() && raw.charAt(j + 1) != '=') {
                        exprEnd = j;
                        conv = raw.charAt(j + 1);
                        j++;
                    } else if (depth == 0 && d == ':' && specStart < 0) {
                        if (exprEnd < 0) exprEnd = j;
                        specStart = j + 1;
                    }
                }
                if (j >= raw.length()) throw parser.fstringError("f-string: expecting '}'", t);
                if (exprEnd < 0) exprEnd = j;
                String source = raw.substring(i + 1, exprEnd);
                if (source.strip().endsWith("=")) throw parser.fstringUnsupported("self-documenting f-string field", t);
                if (source.isBlank()) throw parser.fstringError("f-string: empty expression not allowed", t);
                Expr value = parser.parseEmbedded(source, t);
                Expr spec = null;
                if (specStart >= 0) {
                    String specText = raw.substring(specStart, j);
                    List<Expr> specParts = parse(parser, new Token(Token.Kind.FSTRING, "f", specText, t.line(), t.col(), t.endLine(), t.endCol()));
                    spec = new Expr.FString(specParts, t.span());
                }
                parts.add(new Expr.FormattedValue(value, conv, spec, t.span()));
                i = j + 1;
            } else {
                lit.append(c);
                i++;
            }
        }
        if (!lit.isEmpty()) parts.add(new Expr.StrLit(isRaw ? lit.toString() : Lexer.unescape(lit.toString(), t.line(), t.col()), t.span()));
        return parts;
    }
}
