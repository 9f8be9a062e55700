package dev.refgrade.python;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A source file's bytes as text, decoded as CPython 3.11's tokenizer decodes a file (PEP 263): UTF-8
 * unless a UTF-8 byte-order mark or a coding declaration on line 1 or 2 says otherwise, and CPython's
 * own SyntaxError when the bytes do not decode. A declared encoding outside the few known here is
 * refused rather than guessed.
 */
public final class SourceBytes {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * The codecs modelled, by Python's lookup name (lower case, '-' and ' ' as '_'), with their
     * aliases from Lib/encodings/aliases.py; each Java decoder here maps every byte as Python's does.
     * Java's names, not its Charsets: Charset.forName("ISO-8859-15") when the class loaded walked the
     * charset providers on every cold run.
     */
    private static final Map<String, String> CODECS = codecs();

    private static Map<String, String> codecs() {
        Map<String, String> m = new HashMap<>();
        for (String n : List.of("utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4")) m.put(n, "UTF-8");
        for (String n : List.of("latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "iso_8859_1_1987")) {
            m.put(n, "ISO-8859-1");
        }
        for (String n : List.of("ascii", "us_ascii", "646", "us")) m.put(n, "US-ASCII");
        for (String n : List.of("iso8859_15", "iso_8859_15", "latin9", "l9")) m.put(n, "ISO-8859-15");
        return Map.copyOf(m);
    }

    private SourceBytes() {}

    /** What became of a file's bytes. */
    public sealed interface Decoded {}

    /** The program's text, without its byte-order mark. */
    public record Text(String text) implements Decoded {}

    /** CPython refuses the file before running anything: its stderr is exactly {@code message} and a newline, exit 1. */
    public record Refused(String message) implements Decoded {}

    /** A declaration the simulator does not model: exit 2, as any unsupported construct. */
    public record Unsupported(String what, int line) implements Decoded {}

    /** {@code file} is the path CPython names in its message: the script's path made absolute. */
    public static Decoded decode(byte[] bytes, String file) {
        boolean bom = startsWith(bytes, BOM);
        int from = bom ? BOM.length : 0;
        Declaration declared = declaration(bytes, from);
        if (declared == null) return bom ? strictUtf8(bytes, from, 1) : undeclared(bytes, from, file);
        String normal = normalName(declared.name());
        // tokenizer.c: a BOM says UTF-8, and a declaration of anything else contradicts it.
        if (bom && !normal.equals("utf-8")) return new Refused("SyntaxError: encoding problem: " + normal + " with BOM");
        String java = CODECS.get(declared.name().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        if (java == null) return new Unsupported("source encoding '" + declared.name() + "'", declared.line());
        if (java.equals("UTF-8")) return strictUtf8(bytes, from, declared.line());
        Charset codec = Charset.forName(java);
        try {
            return new Text(decoder(codec).decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString());
        } catch (CharacterCodingException e) {
            // CPython decodes a file in a declared encoding up front, and names only the encoding when that fails.
            return new Refused("SyntaxError: encoding problem: " + normal);
        }
    }

    /** No declaration: UTF-8, or CPython's "Non-UTF-8 code" error naming the first bad byte and its line. */
    private static Decoded undeclared(byte[] bytes, int from, String file) {
        int bad = firstInvalidUtf8(bytes, from);
        if (bad < 0) return new Text(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
        int line = 1;
        for (int i = from; i < bad; i++) if (bytes[i] == '\n') line++;
        return new Refused(String.format("SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding"
                + " declared; see https://peps.python.org/pep-0263/ for details", bytes[bad] & 0xFF, file, line));
    }

    /**
     * UTF-8 that the file promised (a BOM or a declaration): CPython then reports a bad byte where the
     * tokenizer meets it, as a "(unicode error)" with the token's position, which is not modelled.
     */
    private static Decoded strictUtf8(byte[] bytes, int from, int line) {
        int bad = firstInvalidUtf8(bytes, from);
        if (bad < 0) return new Text(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
        for (int i = from; i < bad; i++) if (bytes[i] == '\n') line++;
        return new Unsupported("bytes that are not UTF-8 in a file declared UTF-8", line);
    }

    /** The offset of the first byte that does not start a valid UTF-8 sequence there, or -1. */
    private static int firstInvalidUtf8(byte[] bytes, int from) {
        CharsetDecoder d = decoder(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length - from));
        var result = d.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    private static CharsetDecoder decoder(Charset c) {
        return c.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private record Declaration(String name, int line) {}

    /**
     * The coding declaration on line 1, or on line 2 when line 1 holds only a comment or nothing
     * (tokenizer.c, check_coding_spec): a line that is a comment and names {@code coding[:=] NAME}.
     */
    private static Declaration declaration(byte[] bytes, int from) {
        int end1 = lineEnd(bytes, from);
        String first = new String(bytes, from, end1 - from, StandardCharsets.ISO_8859_1);
        String name = spec(first);
        if (name != null) return new Declaration(name, 1);
        if (!blankOrComment(first)) return null; // a line of code ends the search
        if (end1 >= bytes.length) return null;
        int end2 = lineEnd(bytes, end1 + 1);
        name = spec(new String(bytes, end1 + 1, end2 - end1 - 1, StandardCharsets.ISO_8859_1));
        return name == null ? null : new Declaration(name, 2);
    }

    /**
     * Whether the line is blanks and at most a comment: nothing but [ \t\f\r] once the first '#' and
     * what follows it up to a line terminator are taken out (as {@code replaceFirst("#.*", "")} would,
     * without compiling a regular expression on every run).
     */
    private static boolean blankOrComment(String line) {
        int hash = line.indexOf('#'), end = line.length();
        if (hash >= 0) {
            end = hash + 1;
            while (end < line.length() && !isLineTerminator(line.charAt(end))) end++;
        }
        for (int i = 0; i < line.length(); i++) {
            if (hash >= 0 && i >= hash && i < end) continue;
            if (" \t\f\r".indexOf(line.charAt(i)) < 0) return false;
        }
        return true;
    }

    /** What regex '.' does not match (Pattern's line terminators; \n is never in a line here). */
    private static boolean isLineTerminator(char c) {
        return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static int lineEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != '\n') i++;
        return i;
    }

    /** get_coding_spec: blanks, '#', then the first "coding" followed by ':' or '=', blanks, and a name of [\w.-]. */
    private static String spec(String line) {
        int i = 0;
        while (i < line.length() && " \t\f".indexOf(line.charAt(i)) >= 0) i++;
        if (i >= line.length() || line.charAt(i) != '#') return null;
        for (int at = line.indexOf("coding", i); at >= 0; at = line.indexOf("coding", at + 1)) {
            int j = at + 6;
            if (j >= line.length() || (line.charAt(j) != ':' && line.charAt(j) != '=')) continue;
            j++;
            while (j < line.length() && (line.charAt(j) == ' ' || line.charAt(j) == '\t')) j++;
            int start = j;
            while (j < line.length() && nameChar(line.charAt(j))) j++;
            if (j > start) return line.substring(start, j);
        }
        return null;
    }

    /** Py_ISALNUM is ASCII only. */
    private static boolean nameChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c) || "-_.".indexOf(c) >= 0;
    }

    /** get_normal_name: the spellings of UTF-8 and Latin-1 as CPython names them in its messages; others as written. */
    private static String normalName(String name) {
        String s = name.length() > 12 ? name.substring(0, 12) : name;
        s = s.toLowerCase(Locale.ROOT).replace('_', '-');
        if (s.equals("utf-8") || s.startsWith("utf-8-")) return "utf-8";
        for (String latin : new String[] {"latin-1", "iso-8859-1", "iso-latin-1"}) {
            if (s.equals(latin) || s.startsWith(latin + "-")) return "iso-8859-1";
        }
        return name;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }
}
