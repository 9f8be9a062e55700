package dev.refgrade.runtime.protocol;

/**
 * Python/pyhash.c's siphash13, CPython 3.11's str hash, with the all-zero key that
 * PYTHONHASHSEED=0 gives: the hash of a str's compact representation (one, two or four
 * little-endian bytes per code point, by its widest). With it a simulated run iterates sets and
 * dicts of strs as `PYTHONHASHSEED=0 python3` does; the hash itself stays marked unknowable,
 * since a plain python3 seeds it at random.
 */
public final class SipHash {
    private SipHash() {}

    /**
     * Hashes of texts already hashed, by any run: every run makes its own str objects for the same
     * names (a module's, the builtins', the program's), and hashing each anew was a twentieth of a
     * cold `grade`'s simulated runs, where a lookup costs a fraction of it. Cleared when full.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Long> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KNOWN_MAX = 8192, KNOWN_LONGEST = 256;

    /** unicode_hash: _Py_HashBytes over the PEP 393 data; 0 for the empty str, never -1. */
    public static long ofStr(String text) {
        if (text.length() > KNOWN_LONGEST) return hashed(text);
        Long known = KNOWN.get(text);
        if (known != null) return known;
        long h = hashed(text);
        if (KNOWN.size() >= KNOWN_MAX) KNOWN.clear();
        KNOWN.put(text, h);
        return h;
    }

    private static long hashed(String text) {
        // Two passes over the code points rather than a stream of them: every str's first hash comes here.
        int count = 0, kind = 1;
        for (int i = 0; i < text.length(); count++) {
            int c = text.codePointAt(i);
            kind = Math.max(kind, c > 0xffff ? 4 : c > 0xff ? 2 : 1);
            i += Character.charCount(c);
        }
        byte[] data = new byte[count * kind];
        for (int i = 0, k = 0; i < text.length(); k++) {
            int c = text.codePointAt(i);
            for (int b = 0; b < kind; b++) data[k * kind + b] = (byte) (c >>> (8 * b));
            i += Character.charCount(c);
        }
        return ofBytes(data);
    }

    /** _Py_HashBytes: 0 for no bytes, never -1; bytes_hash hashes a bytes object's data with it. */
    public static long ofBytes(byte[] data) {
        if (data.length == 0) return 0;
        long h = siphash13(0, 0, data);
        return h == -1 ? -2 : h;
    }

    static long siphash13(long k0, long k1, byte[] in) {
        long b = (long) in.length << 56;
        long v0 = k0 ^ 0x736f6d6570736575L, v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L, v3 = k1 ^ 0x7465646279746573L;
        int i = 0;
        for (; in.length - i >= 8; i += 8) {
            long m = 0;
            for (int k = 7; k >= 0; k--) m = (m << 8) | (in[i + k] & 0xffL);
            v3 ^= m;
            long[] v = round(v0, v1, v2, v3);
            v0 = v[0] ^ m;
            v1 = v[1];
            v2 = v[2];
            v3 = v[3];
        }
        long t = 0;
        for (int k = in.length - i - 1; k >= 0; k--) t = (t << 8) | (in[i + k] & 0xffL);
        b |= t;
        v3 ^= b;
        long[] v = round(v0, v1, v2, v3);
        v[0] ^= b;
        v[2] ^= 0xff;
        for (int r = 0; r < 3; r++) v = round(v[0], v[1], v[2], v[3]);
        return (v[0] ^ v[1]) ^ (v[2] ^ v[3]);
    }

    /** SINGLE_ROUND: HALF_ROUND(v0,v1,v2,v3,13,16) then HALF_ROUND(v2,v1,v0,v3,17,21). */
    private static long[] round(long v0, long v1, long v2, long v3) {
        v0 += v1;
        v2 += v3;
        v1 = Long.rotateLeft(v1, 13) ^ v0;
        v3 = Long.rotateLeft(v3, 16) ^ v2;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v1;
        v0 += v3;
        v1 = Long.rotateLeft(v1, 17) ^ v2;
        v3 = Long.rotateLeft(v3, 21) ^ v0;
        v2 = Long.rotateLeft(v2, 32);
        return new long[] {v0, v1, v2, v3};
    }
}
