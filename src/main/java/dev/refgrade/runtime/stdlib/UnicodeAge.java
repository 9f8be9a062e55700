package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.PythonVersion;

/**
 * The Unicode version of each modelled CPython's database (unicodedata.unidata_version): 14.0.0 in
 * 3.11, 15.0.0 in 3.12, 15.1.0 in 3.13, 16.0.0 in 3.14. Java's tables are 16.0's, so the code points
 * assigned after a CPython's version (DerivedAge.txt) are unassigned (Cn) to it: no case, not printable.
 */
final class UnicodeAge {
    private UnicodeAge() {}

    /** The Unicode versions after 14.0, each numbered by the first Python minor version whose database has it. */
    private static final int V15_0 = 12, V15_1 = 13, V16_0 = 14;

    /** Inclusive ranges, sorted, with the version that assigned them: first, last, version. */
    private static final int[] ASSIGNED = {
            0x897, 0x897, V16_0, 0xcf3, 0xcf3, V15_0, 0xece, 0xece, V15_0, 0x1b4e, 0x1b4f, V16_0, 0x1b7f,
            0x1b7f, V16_0, 0x1c89, 0x1c8a, V16_0, 0x2427, 0x2429, V16_0, 0x2ffc, 0x2fff, V15_1, 0x31e4,
            0x31e5, V16_0, 0x31ef, 0x31ef, V15_1, 0xa7cb, 0xa7cd, V16_0, 0xa7da, 0xa7dc, V16_0, 0x105c0,
            0x105f3, V16_0, 0x10d40, 0x10d65, V16_0, 0x10d69, 0x10d85, V16_0, 0x10d8e, 0x10d8f, V16_0,
            0x10ec2, 0x10ec4, V16_0, 0x10efc, 0x10efc, V16_0, 0x10efd, 0x10eff, V15_0, 0x1123f, 0x11241,
            V15_0, 0x11380, 0x11389, V16_0, 0x1138b, 0x1138b, V16_0, 0x1138e, 0x1138e, V16_0, 0x11390,
            0x113b5, V16_0, 0x113b7, 0x113c0, V16_0, 0x113c2, 0x113c2, V16_0, 0x113c5, 0x113c5, V16_0,
            0x113c7, 0x113ca, V16_0, 0x113cc, 0x113d5, V16_0, 0x113d7, 0x113d8, V16_0, 0x113e1, 0x113e2,
            V16_0, 0x116d0, 0x116e3, V16_0, 0x11b00, 0x11b09, V15_0, 0x11bc0, 0x11be1, V16_0, 0x11bf0,
            0x11bf9, V16_0, 0x11f00, 0x11f10, V15_0, 0x11f12, 0x11f3a, V15_0, 0x11f3e, 0x11f59, V15_0,
            0x11f5a, 0x11f5a, V16_0, 0x1342f, 0x1342f, V15_0, 0x13439, 0x13455, V15_0, 0x13460, 0x143fa,
            V16_0, 0x16100, 0x16139, V16_0, 0x16d40, 0x16d79, V16_0, 0x18cff, 0x18cff, V16_0, 0x1b132,
            0x1b132, V15_0, 0x1b155, 0x1b155, V15_0, 0x1cc00, 0x1ccf9, V16_0, 0x1cd00, 0x1ceb3, V16_0,
            0x1d2c0, 0x1d2d3, V15_0, 0x1df25, 0x1df2a, V15_0, 0x1e030, 0x1e06d, V15_0, 0x1e08f, 0x1e08f,
            V15_0, 0x1e4d0, 0x1e4f9, V15_0, 0x1e5d0, 0x1e5fa, V16_0, 0x1e5ff, 0x1e5ff, V16_0, 0x1f6dc,
            0x1f6dc, V15_0, 0x1f774, 0x1f776, V15_0, 0x1f77b, 0x1f77f, V15_0, 0x1f7d9, 0x1f7d9, V15_0,
            0x1f8b2, 0x1f8bb, V16_0, 0x1f8c0, 0x1f8c1, V16_0, 0x1fa75, 0x1fa77, V15_0, 0x1fa87, 0x1fa88,
            V15_0, 0x1fa89, 0x1fa89, V16_0, 0x1fa8f, 0x1fa8f, V16_0, 0x1faad, 0x1faaf, V15_0, 0x1fabb,
            0x1fabd, V15_0, 0x1fabe, 0x1fabe, V16_0, 0x1fabf, 0x1fabf, V15_0, 0x1fac6, 0x1fac6, V16_0,
            0x1face, 0x1facf, V15_0, 0x1fada, 0x1fadb, V15_0, 0x1fadc, 0x1fadc, V16_0, 0x1fadf, 0x1fadf,
            V16_0, 0x1fae8, 0x1fae8, V15_0, 0x1fae9, 0x1fae9, V16_0, 0x1faf7, 0x1faf8, V15_0, 0x1fbcb,
            0x1fbef, V16_0, 0x2b739, 0x2b739, V15_0, 0x2ebf0, 0x2ee5d, V15_1, 0x31350, 0x323af, V15_0
    };

    /** Whether {@code c} was assigned after the Unicode version of the modelled CPython, which has it unassigned. */
    static boolean unassignedIn(PythonVersion v, int c) {
        for (int i = 0; i < ASSIGNED.length && ASSIGNED[i] <= c; i += 3) {
            if (c <= ASSIGNED[i + 1]) return v.minor < ASSIGNED[i + 2];
        }
        return false;
    }
}
