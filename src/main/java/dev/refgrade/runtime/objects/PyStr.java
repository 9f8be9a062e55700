package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;

/** str. Interned strings and the one-character and empty singletons are shared by the interpreter. */
public final class PyStr extends PyObject {
    public final String value;
    public boolean interned;
    private long hash;
    private boolean hashed;
    /** len() in code points, counted once (-1 until then): a pure function of the text, like the hash. */
    private int codePoints = -1;
    /** Bytes per code point in PEP 393's compact form, found once: 0 until then, -1 for ASCII's one, else 1, 2 or 4. */
    private byte width;

    public PyStr(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public boolean isInterned() {
        return interned;
    }

    @Override
    public PyType type() {
        return PyType.STR;
    }

    @Override
    public boolean refcountKnowable() {
        return !interned && value.length() > 1;
    }

    /** PEP 393 compact strings: 48-byte header for ASCII, 72 otherwise, then the characters and a NUL. */
    @Override
    public int allocSize() {
        return allocSize(48, 72);
    }

    /** The size with the given headers: those of compact ASCII and other compact strings differ by version (PEP 623). */
    public int allocSize(int asciiHeader, int compactHeader) {
        int n = length();
        int w = width();
        return w < 0 ? asciiHeader + n + 1 : compactHeader + w * (n + 1);
    }

    /** The widest char decides: ASCII (-1), latin-1 (1), UCS-2 (2), or 4 when the text has surrogate pairs. */
    private int width() {
        if (width == 0) {
            int max = 0;
            for (int i = 0; i < value.length(); i++) max = Math.max(max, value.charAt(i));
            width = (byte) (max < 128 ? -1 : max < 256 ? 1 : value.length() == length() ? 2 : 4);
        }
        return width;
    }

    /** len(s): the number of code points. */
    public int length() {
        if (codePoints < 0) codePoints = value.codePointCount(0, value.length());
        return codePoints;
    }

    /** The code point at index {@code i} (0 <= i < length()): direct unless the text has surrogate pairs. */
    public int codePointAt(int i) {
        return length() == value.length() ? value.charAt(i) : value.codePointAt(value.offsetByCodePoints(0, i));
    }

    /** CPython 3.11's hash of this text under PYTHONHASHSEED=0 (siphash13), computed once as unicode_hash caches it. */
    public long hashCodeCached() {
        if (!hashed) {
            hash = dev.refgrade.runtime.protocol.SipHash.ofStr(value);
            hashed = true;
        }
        return hash;
    }

    /** Python's identifier-like test for interning constants (all_name_chars in codeobject.c). */
    public static boolean allNameChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) return false;
        }
        return true;
    }

    /** unicode_dealloc of a mortal interned string removes it from the interned table. */
    @Override
    public void releaseReferences(Heap heap) {
        if (interned) heap.interned.remove(value, this);
    }

    @Override
    public String toString() {
        return value;
    }
}
