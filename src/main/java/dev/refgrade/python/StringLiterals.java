package dev.refgrade.python;

/**
 * Decoding of string and bytes literal tokens: prefixes and escape sequences, with the error
 * messages CPython 3.11's unicode-escape and bytes-escape decoders produce.
 */
final class StringLiterals {
    private StringLiterals() {}

    /** A literal's prefix flags and where its body lies inside the token text. */
    record Literal(boolean raw, boolean bytes, boolean fstring, int bodyStart, int bodyEnd) {
        String body(String tokenText) {
            return tokenText.substring(bodyStart, bodyEnd);
        }
    }

    /** A malformed escape; the message is CPython's. */
    static final class BadLiteral extends Exception {
        BadLiteral(String message) {
            super(message, null, false, false);
        }
    }

    static Literal parse(String token) {
        boolean raw = false, bytes = false, fstring = false;
        int i = 0;
        for (char c; (c = token.charAt(i)) != '\'' && c != '"'; i++) {
            switch (c) {
                case 'r', 'R' -> raw = true;
                case 'b', 'B' -> bytes = true;
                case 'f', 'F' -> fstring = true;
                default -> { } // 'u' changes nothing
            }
        }
        char quote = token.charAt(i);
        int quoteLen = token.length() - i >= 6 && token.charAt(i + 1) == quote && token.charAt(i + 2) == quote ? 3 : 1;
        return new Literal(raw, bytes, fstring, i + quoteLen, token.length() - quoteLen);
    }

    /** The character of a one-letter escape that str and bytes literals share (\n, \t, \\, ...). */
    private static char simpleEscape(char e) {
        return switch (e) {
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> '\u000b';
            default -> e;
        };
    }

    /**
     * Decodes the escapes of a str literal's body. Error positions count as CPython's decoder sees
     * the body: every non-ASCII character re-encoded as a ten-byte \U escape.
     */
    static String decodeStr(String body) throws BadLiteral {
        int n = body.length();
        if (body.indexOf('\\') < 0) return body;
        var out = new StringBuilder(n);
        int bytePos = 0;
        for (int i = 0; i < n; ) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                if (c < 128) {
                    bytePos++;
                } else if (!Character.isLowSurrogate(c)) {
                    bytePos += 10;
                }
                i++;
                continue;
            }
            int start = bytePos;
            if (i + 1 >= n) {
                // CPython re-encodes a trailing backslash as an escaped backslash, which decodes to itself.
                out.append('\\');
                break;
            }
            char e = body.charAt(i + 1);
            i += 2;
            bytePos += 2;
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"', 'a', 'b', 'f', 'n', 'r', 't', 'v' -> out.append(simpleEscape(e));
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++, i++, bytePos++) {
                        value = value * 8 + body.charAt(i) - '0';
                    }
                    out.append((char) value);
                }
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int value = 0;
                    for (int k = 0; k < digits; k++, i++, bytePos++) {
                        int d = i < n ? Character.digit(body.charAt(i), 16) : -1;
                        if (d < 0 || body.charAt(i) >= 128) {
                            String what = e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
                            throw unicodeError(start, bytePos, "truncated " + what + " escape");
                        }
                        value = value * 16 + d;
                    }
                    if (value > Character.MAX_CODE_POINT || value < 0) {
                        throw unicodeError(start, bytePos, "illegal Unicode character");
                    }
                    out.appendCodePoint(value);
                }
                case 'N' -> {
                    int close = i < n && body.charAt(i) == '{' ? body.indexOf('}', i + 1) : -1;
                    if (close < 0 || close == i + 1) {
                        int stop = i >= n ? bytePos : i < n && body.charAt(i) == '{' ? bytePos + (close < 0 ? n - i : 1) : bytePos;
                        throw unicodeError(start, stop, "malformed \\N character escape");
                    }
                    String name = body.substring(i + 1, close);
                    bytePos += close + 1 - i;
                    i = close + 1;
                    int cp = codePointNamed(name);
                    if (cp < 0) throw unicodeError(start, bytePos, "unknown Unicode character name");
                    out.appendCodePoint(cp);
                }
                default -> {
                    // An unknown escape keeps its backslash (CPython only warns).
                    out.append('\\').append(e);
                    if (e >= 128) bytePos += 14; // re-encoded as a six-byte escaped backslash and a ten-byte \U escape
                }
            }
        }
        return out.toString();
    }

    private static final String[] LEADS = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
    private static final String[] VOWELS = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U",
            "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
    private static final String[] TAILS = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP",
            "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

    /**
     * The code point a \N{...} escape names, or -1. Java knows the character names but not the two
     * families Python derives algorithmically: CJK unified ideographs and Hangul syllables.
     */
    static int codePointNamed(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("CJK UNIFIED IDEOGRAPH-")) {
            String hex = upper.substring("CJK UNIFIED IDEOGRAPH-".length());
            if (hex.length() < 4 || hex.length() > 5 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) return -1;
            int cp = Integer.parseInt(hex, 16);
            var block = Character.UnicodeBlock.of(cp);
            boolean ideograph = Character.isIdeographic(cp) && Character.isDefined(cp) && block != null
                    && block.toString().startsWith("CJK_UNIFIED_IDEOGRAPHS");
            return ideograph ? cp : -1;
        }
        if (upper.startsWith("HANGUL SYLLABLE ")) return hangulSyllable(upper.substring("HANGUL SYLLABLE ".length()));
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
    }

    private static int hangulSyllable(String jamo) {
        int lead = longestPrefix(LEADS, jamo, 0);
        if (lead < 0) return -1;
        int at = LEADS[lead].length();
        int vowel = longestPrefix(VOWELS, jamo, at);
        if (vowel < 0) return -1;
        at += VOWELS[vowel].length();
        int tail = longestPrefix(TAILS, jamo, at);
        if (tail < 0 || at + TAILS[tail].length() != jamo.length()) return -1;
        return 0xAC00 + (lead * VOWELS.length + vowel) * TAILS.length + tail;
    }

    private static int longestPrefix(String[] names, String s, int from) {
        int best = -1;
        for (int i = 0; i < names.length; i++) {
            if (s.startsWith(names[i], from) && (best < 0 || names[i].length() > names[best].length())) best = i;
        }
        return best;
    }

    private static BadLiteral unicodeError(int start, int end, String reason) {
        return new BadLiteral("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                + start + "-" + (end - 1) + ": " + reason);
    }

    /** Decodes a bytes literal's body (ASCII only, already checked); each char of the result is one byte. */
    static String decodeBytes(String body) throws BadLiteral {
        if (body.indexOf('\\') < 0) return body;
        int n = body.length();
        var out = new StringBuilder(n);
        for (int i = 0; i < n; ) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            char e = i + 1 < n ? body.charAt(i + 1) : '\\';
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"', 'a', 'b', 'f', 'n', 'r', 't', 'v' -> out.append(simpleEscape(e));
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++, i++) {
                        value = value * 8 + body.charAt(i) - '0';
                    }
                    out.append((char) (value & 0xFF));
                }
                case 'x' -> {
                    int hi = i < n ? Character.digit(body.charAt(i), 16) : -1;
                    int lo = i + 1 < n ? Character.digit(body.charAt(i + 1), 16) : -1;
                    if (hi < 0 || lo < 0) throw new BadLiteral("(value error) invalid \\x escape at position " + start);
                    out.append((char) (hi * 16 + lo));
                    i += 2;
                }
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }
}
