package dev.refgrade.python;

import dev.refgrade.python.ParseError.Found;
import dev.refgrade.python.ParseError.Kind;
import dev.refgrade.python.ParseError.Phase;
import dev.refgrade.python.ParseError.Problem;

/**
 * Number literals as tokenizer.c's tok_get reads them: decimal, hex, octal and binary integers,
 * floats, imaginary numbers, underscores between digits, and CPython's messages for bad ones.
 */
abstract sealed class NumberScanner extends SourceCursor permits Lexer {
    NumberScanner(String fileName, String source, int from, int to, int line, int col, boolean fragment) {
        super(fileName, source, from, to, line, col, fragment);
    }

    void number() {
        int start = pos;
        int sl = line;
        int sc = col(start);
        TokenKind kind = scanNumber(start);
        if (kind == null) {
            // One malformed literal, one error: skip what remains of it.
            int p = Math.max(cur, start + 1);
            while (p < end && isIdentifierChar(src.charAt(p))) p++;
            tokens.add(new Token(TokenKind.ERROR, src.substring(start, p), sl, sc, line, col(p), depth, start));
            lineHasTokens = true;
            pos = p;
            return;
        }
        pos = cur;
        add(kind, src.substring(start, cur), sl, sc, start, cur);
    }

    int nextc() {
        int c = cur < end ? src.charAt(cur) : EOF;
        cur++;
        return c;
    }

    void backup() {
        cur--;
    }

    /** tok_get's number branch: the kind of the literal at start with cur just past it, or null after an error. */
    TokenKind scanNumber(int start) {
        cur = start;
        int c = nextc();
        if (c == '.') return fraction(nextc());
        if (c != '0') {
            c = decimalTail();
            if (c == EOF - 1) return null;
            return c == '.' ? fraction(nextc()) : exponent(c, false);
        }
        c = nextc();
        if (c == 'x' || c == 'X') return radixLiteral("hexadecimal", 16);
        if (c == 'o' || c == 'O') return radixLiteral("octal", 8);
        if (c == 'b' || c == 'B') return radixLiteral("binary", 2);
        boolean nonzero = false;
        while (true) {
            if (c == '_') {
                c = nextc();
                if (!isDigit(c)) {
                    backup();
                    return numberError("invalid decimal literal");
                }
            }
            if (c != '0') break;
            c = nextc();
        }
        int zerosEnd = cur;
        if (isDigit(c)) {
            nonzero = true;
            c = decimalTail();
            if (c == EOF - 1) return null;
        }
        if (c == '.') return fraction(nextc());
        if (c == 'e' || c == 'E' || c == 'j' || c == 'J') return exponent(c, false);
        if (nonzero) {
            backup();
            int first = col(start);
            found.add(new Found(new Problem(Kind.SYNTAX, "SyntaxError", new Diagnostic(file, line, first,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
                    line, col(zerosEnd) - 1), Phase.TOKENIZER, tokens.size(), line));
            return null;
        }
        return endOfNumber(c, "decimal") ? backupAnd(TokenKind.INT) : null;
    }

    TokenKind radixLiteral(String name, int radix) {
        int c = nextc();
        do {
            if (c == '_') c = nextc();
            if (digitValue(c) >= radix || digitValue(c) < 0) {
                if (radix < 10 && isDigit(c)) return numberError("invalid digit '" + (char) c + "' in " + name + " literal");
                backup();
                return numberError("invalid " + name + " literal");
            }
            do {
                c = nextc();
            } while (digitValue(c) >= 0 && digitValue(c) < radix);
        } while (c == '_');
        if (radix < 10 && isDigit(c)) return numberError("invalid digit '" + (char) c + "' in " + name + " literal");
        return endOfNumber(c, name) ? backupAnd(TokenKind.INT) : null;
    }

    /** After the '.', with c the character following it. */
    TokenKind fraction(int c) {
        if (isDigit(c)) {
            c = decimalTail();
            if (c == EOF - 1) return null;
        }
        return exponent(c, true);
    }

    TokenKind exponent(int c, boolean isFloat) {
        if (c == 'e' || c == 'E') {
            int e = c;
            c = nextc();
            if (c == '+' || c == '-') {
                c = nextc();
                if (!isDigit(c)) {
                    backup();
                    return numberError("invalid decimal literal");
                }
            } else if (!isDigit(c)) {
                // "1e" is the literal 1 followed by a name, unless that is an error.
                backup();
                if (!endOfNumber(e, "decimal")) return null;
                backup();
                return isFloat ? TokenKind.FLOAT : TokenKind.INT;
            }
            c = decimalTail();
            if (c == EOF - 1) return null;
            isFloat = true;
        }
        if (c == 'j' || c == 'J') {
            c = nextc();
            return endOfNumber(c, "imaginary") ? backupAnd(TokenKind.IMAGINARY) : null;
        }
        if (!endOfNumber(c, "decimal")) return null;
        return backupAnd(isFloat ? TokenKind.FLOAT : TokenKind.INT);
    }

    /** Digits and single underscores; returns the first other character, or EOF - 1 after an error. */
    int decimalTail() {
        int c;
        while (true) {
            do {
                c = nextc();
            } while (isDigit(c));
            if (c != '_') return c;
            c = nextc();
            if (!isDigit(c)) {
                backup();
                numberError("invalid decimal literal");
                return EOF - 1;
            }
        }
    }

    /**
     * verify_end_of_number: a literal directly followed by a name is an error, except before the
     * keywords that may follow a number in valid code (1if x else 2), which CPython only warns about.
     */
    boolean endOfNumber(int c, String kind) {
        boolean keyword = switch (c) {
            case 'a' -> lookingAt("nd");
            case 'e' -> lookingAt("lse");
            case 'f' -> lookingAt("or");
            case 'i' -> cur < end && (src.charAt(cur) == 'f' || src.charAt(cur) == 'n' || src.charAt(cur) == 's');
            case 'o' -> lookingAt("r");
            case 'n' -> lookingAt("ot");
            default -> false;
        };
        if (keyword || c == EOF || !isIdentifierChar((char) c)) return true;
        backup();
        numberError("invalid " + kind + " literal");
        return false;
    }

    /** lookahead(): the rest of a keyword, not followed by more of a name. */
    boolean lookingAt(String rest) {
        int after = cur + rest.length();
        return after <= end && src.startsWith(rest, cur) && (after == end || !isIdentifierChar(src.charAt(after)));
    }

    TokenKind backupAnd(TokenKind kind) {
        backup();
        return kind;
    }

    /** CPython reports number errors at its cursor: the offset is the count of characters before it. */
    TokenKind numberError(String msg) {
        int offset = col(cur) - 1;
        found.add(new Found(new Problem(Kind.SYNTAX, "SyntaxError", new Diagnostic(file, line, offset, msg), line, offset),
                Phase.TOKENIZER, tokens.size(), line));
        return null;
    }
}
