package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The three codecs a course meets (utf-8, ascii, latin-1) with the strict error handler, worded as
 * CPython's codecs word their errors; any other encoding or error handler is refused by name.
 */
final class Codecs {
    enum Codec { UTF_8("utf-8"), ASCII("ascii"), LATIN_1("latin-1");
        final String name;
        Codec(String name) {
            this.name = name;
        }
    }

    private Codecs() {}

    /** The codec an `encoding` argument names (Python's normalisation: case, '-' and '_' alike), utf-8 when left out. */
    static Codec codec(PyRuntime rt, Args a, String method) {
        PyObject enc = a.get("encoding");
        PyObject errors = a.get("errors");
        // Argument Clinic converts the arguments in order: a bad encoding is reported before bad errors.
        String name = enc == null ? "utf-8" : text(rt, enc, method, "encoding").toLowerCase(Locale.ROOT).replace('_', '-');
        if (errors != null) {
            String e = text(rt, errors, method, "errors");
            if (!e.equals("strict")) throw a.unsupported("the '" + e + "' error handler of " + method + "()");
        }
        return switch (name) {
            case "utf-8", "utf8", "u8", "utf" -> Codec.UTF_8;
            case "ascii", "us-ascii", "646" -> Codec.ASCII;
            case "latin-1", "latin1", "latin", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1" -> Codec.LATIN_1;
            default -> throw a.unsupported("the encoding '" + name + "' (only utf-8, ascii and latin-1 are modelled)");
        };
    }

    static String text(PyRuntime rt, PyObject o, String method, String param) {
        if (o instanceof PyStr s) return s.value;
        // _PyArg_BadArgument names None itself, every other value by its type.
        throw rt.typeError(method + "() argument '" + param + "' must be str, not " + (o == PyRuntime.NONE ? "None" : o.type().name));
    }

    /** PyUnicode_AsEncodedString with errors='strict'. */
    static byte[] encode(PyRuntime rt, Codec codec, String text) {
        int[] cps = text.codePoints().toArray();
        int limit = codec == Codec.ASCII ? 128 : codec == Codec.LATIN_1 ? 256 : Integer.MAX_VALUE;
        ByteArrayOutputStream out = new ByteArrayOutputStream(cps.length);
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            boolean surrogate = c >= 0xd800 && c <= 0xdfff;
            if (c >= limit || codec == Codec.UTF_8 && surrogate) {
                int end = i + 1;
                while (end < cps.length && (codec == Codec.UTF_8 ? cps[end] >= 0xd800 && cps[end] <= 0xdfff : cps[end] >= limit)) end++;
                String reason = codec == Codec.UTF_8 ? "surrogates not allowed" : "ordinal not in range(" + limit + ")";
                String what = end - i == 1 ? "character '" + escape(c) + "' in position " + i : "characters in position " + i + "-" + (end - 1);
                throw rt.error(type("UnicodeEncodeError"), "'" + codec.name + "' codec can't encode " + what + ": " + reason);
            }
            if (codec != Codec.UTF_8 || c < 0x80) out.write(c);
            else {
                byte[] enc = new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(enc, 0, enc.length);
            }
        }
        return out.toByteArray();
    }

    /** UnicodeEncodeError.__str__ names the character by its code point, always escaped. */
    private static String escape(int c) {
        return c <= 0xff ? String.format("\\x%02x", c) : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
    }

    /** PyUnicode_Decode with errors='strict': utf-8's errors name the bytes of the first bad sequence as CPython's decoder finds it. */
    static String decode(PyRuntime rt, Codec codec, byte[] data) {
        StringBuilder b = new StringBuilder(data.length);
        for (int i = 0; i < data.length; ) {
            int c = data[i] & 0xff;
            if (codec == Codec.LATIN_1 || c < 0x80) {
                b.append((char) c);
                i++;
                continue;
            }
            if (codec == Codec.ASCII) throw decodeError(rt, codec, data, i, i + 1, "ordinal not in range(128)");
            int need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
            if (need < 0) throw decodeError(rt, codec, data, i, i + 1, "invalid start byte");
            int cp = c & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                if (i + k >= data.length) throw decodeError(rt, codec, data, i, i + k, "unexpected end of data");
                int x = data[i + k] & 0xff;
                // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
                int lo = k > 1 ? 0x80 : c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
                int hi = k > 1 ? 0xbf : c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
                if (x < lo || x > hi) throw decodeError(rt, codec, data, i, i + k, "invalid continuation byte");
                cp = cp << 6 | x & 0x3f;
            }
            b.appendCodePoint(cp);
            i += need + 1;
        }
        return b.toString();
    }

    private static PyException decodeError(PyRuntime rt, Codec codec, byte[] data, int start, int end, String reason) {
        String what = end - start == 1 ? String.format("byte 0x%02x in position %d", data[start] & 0xff, start)
                : "bytes in position " + start + "-" + (end - 1);
        return rt.error(type("UnicodeDecodeError"), "'" + codec.name + "' codec can't decode " + what + ": " + reason);
    }

    private static PyType type(String name) {
        return (PyType) Builtins.get(name);
    }
}
