package dev.refgrade.runtime;

/**
 * The facts of a run that CPython itself does not fix: where objects land in memory, what the
 * interpreter's own shared objects count, and how strings hash (PYTHONHASHSEED is random per
 * process). A program's knowable behaviour is the same in every world; running it in two worlds and
 * comparing tells a knowable answer from one that only looks like one.
 */
public record World(boolean scrambleAddresses, long countShift, long hashSeed) {
    /** The simulator's own choices, as `run` and `trace` show them. */
    public static final World BASE = new World(false, 0, 0);
    /** Other addresses (another order and spacing, same equalities), other shared counts, other string hashes. */
    public static final World OTHER = new World(true, 7919, 0x5DEECE66DL);

    private static final long HEAP = 0x7f0000000000L, STATICS = 0x550000000000L, ALT_HEAP = 0x7e8000000000L,
            ALT_STATICS = 0x560000000000L;
    private static final int BITS = 36;
    private static final long MASK = (1L << BITS) - 1;
    /** An odd multiplier is a bijection on block numbers modulo 2^36, and its inverse undoes it. */
    private static final long K = 0x9E3779B97F4A7C15L & MASK | 1, K_INVERSE = inverse(K);

    public World addressesOnly() {
        return new World(scrambleAddresses, 0, 0);
    }

    public World countsOnly() {
        return new World(false, countShift, 0);
    }

    public World hashesOnly() {
        return new World(false, 0, hashSeed);
    }

    /** This world with strings hashed under another seed (0 is PYTHONHASHSEED=0's hashes). */
    public World withHashSeed(long seed) {
        return new World(scrambleAddresses, countShift, seed);
    }

    /** The address a program sees for an object the heap placed at {@code real}. */
    public long address(long real) {
        if (!scrambleAddresses) return real;
        if (real >= HEAP) return ALT_HEAP + (((real - HEAP) >>> 4) * K & MASK) * 16;
        if (real >= STATICS) return ALT_STATICS + (((real - STATICS) >>> 4) * K & MASK) * 16;
        return real;
    }

    /** The heap's address behind an address the program saw; anything else maps to itself. */
    public long real(long seen) {
        if (!scrambleAddresses) return seen;
        if (seen >= ALT_HEAP && seen < ALT_HEAP + (MASK + 1) * 16 && (seen & 15) == 0) {
            return HEAP + (((seen - ALT_HEAP) >>> 4) * K_INVERSE & MASK) * 16;
        }
        if (seen >= ALT_STATICS && seen < ALT_STATICS + (MASK + 1) * 16 && (seen & 15) == 0) {
            return STATICS + (((seen - ALT_STATICS) >>> 4) * K_INVERSE & MASK) * 16;
        }
        return -1;
    }

    /** A count only CPython's internals fix, as this world reports it. */
    public long unknownCount(long simulated) {
        return simulated + countShift;
    }

    /** A str's hash in this world: the PYTHONHASHSEED=0 hash itself in the base world, another seed's elsewhere. */
    public long strHash(long base) {
        if (hashSeed == 0) return base;
        // SplitMix64's finalizer: every bit of the seed reaches the low bits that pick a small table's
        // slot (a plain multiply left them to the seed's own low bits, so seeds alike there agreed).
        long z = base ^ hashSeed;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long inverse(long k) {
        long x = k; // Newton's iteration doubles the correct low bits each step
        for (int i = 0; i < 6; i++) x *= 2 - k * x;
        return x & MASK;
    }
}
