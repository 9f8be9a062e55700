package dev.refgrade.runtime;

/**
 * The facts of a run that CPython itself does not fix: where objects land in memory, what the
 * interpreter's own shared objects count, and how strings hash (PYTHONHASHSEED is random per
 * process). A program's knowable behaviour is the same in every world; running it in other worlds
 * and comparing tells a knowable answer from one that only looks like one.
 */
public record World(Placement placement, long countShift, long hashSeed, boolean hashesMirrored) {
    /** Where the program sees its objects. */
    public enum Placement {
        /** Where the heap put them. */
        AS_PLACED,
        /** Another order and spacing, with the same equalities. */
        SCRAMBLED,
        /** Each region's order reversed: of any two objects, the one the heap put lower is seen higher. */
        MIRRORED
    }

    /** What a run can have observed of its world (PyRuntime.observed). */
    public enum Fact {
        /** An address: id(), a default repr. */
        ADDRESS,
        /** The count of an object the interpreter shares. */
        COUNT,
        /** A hash drawn from the world: hash() of a str or an object, or the order of a set it placed. */
        HASH
    }

    /** The simulator's own choices, as `run` and `trace` show them. */
    public static final World BASE = new World(Placement.AS_PLACED, 0, 0, false);
    /** Other addresses, other shared counts, other string hashes. */
    public static final World OTHER = new World(Placement.SCRAMBLED, 7919, 0x5DEECE66DL, false);
    /**
     * Addresses mirrored and string hashes complemented: what two objects' addresses, or the slots
     * two members take in a set's table, put in one order, this world puts in the other (where the
     * slots do not collide), where a random other world keeps that order half the time.
     */
    public static final World MIRROR = new World(Placement.MIRRORED, 104729, 0, true);

    private static final long HEAP = 0x7f0000000000L, STATICS = 0x550000000000L, ALT_HEAP = 0x7e8000000000L,
            ALT_STATICS = 0x560000000000L;
    private static final int BITS = 36;
    private static final long MASK = (1L << BITS) - 1;
    /** An odd multiplier is a bijection on block numbers modulo 2^36, and its inverse undoes it. */
    private static final long K = 0x9E3779B97F4A7C15L & MASK | 1, K_INVERSE = inverse(K);

    public World addressesOnly() {
        return new World(placement, 0, 0, false);
    }

    public World countsOnly() {
        return new World(Placement.AS_PLACED, countShift, 0, false);
    }

    public World hashesOnly() {
        return new World(Placement.AS_PLACED, 0, hashSeed, hashesMirrored);
    }

    /**
     * This world under two more string-hash seeds: a small set's members that share a slot are
     * not reversed by mirroring, and one other seed keeps their order half the time.
     */
    public java.util.List<World> reseeded() {
        return java.util.List.of(withHashSeed(0x2545F4914F6CDD1DL), withHashSeed(0x9E3779B97F4A7C15L));
    }

    /** This world with strings hashed under another seed (0 is PYTHONHASHSEED=0's hashes). */
    public World withHashSeed(long seed) {
        return new World(placement, countShift, seed, hashesMirrored);
    }

    /** The address a program sees for an object the heap placed at {@code real}. */
    public long address(long real) {
        if (placement == Placement.AS_PLACED) return real;
        if (real >= HEAP) return ALT_HEAP + block((real - HEAP) >>> 4) * 16;
        if (real >= STATICS) return ALT_STATICS + block((real - STATICS) >>> 4) * 16;
        return real;
    }

    /** The heap's address behind an address the program saw; anything else maps to itself. */
    public long real(long seen) {
        if (placement == Placement.AS_PLACED) return seen;
        if (seen >= ALT_HEAP && seen < ALT_HEAP + (MASK + 1) * 16 && (seen & 15) == 0) {
            return HEAP + unblock((seen - ALT_HEAP) >>> 4) * 16;
        }
        if (seen >= ALT_STATICS && seen < ALT_STATICS + (MASK + 1) * 16 && (seen & 15) == 0) {
            return STATICS + unblock((seen - ALT_STATICS) >>> 4) * 16;
        }
        return -1;
    }

    /** Where a 16-byte block of a region is seen. */
    private long block(long b) {
        return placement == Placement.MIRRORED ? MASK - (b & MASK) : b * K & MASK;
    }

    private long unblock(long seen) {
        return placement == Placement.MIRRORED ? MASK - seen : seen * K_INVERSE & MASK;
    }

    /** A count only CPython's internals fix, as this world reports it. */
    public long unknownCount(long simulated) {
        return simulated + countShift;
    }

    /**
     * A str's hash in this world: the PYTHONHASHSEED=0 hash itself in the base world, another seed's
     * elsewhere; complemented in a mirrored world, which puts each in the slot across the table.
     */
    public long strHash(long base) {
        long h = base;
        if (hashSeed != 0) {
            // SplitMix64's finalizer: every bit of the seed reaches the low bits that pick a small table's
            // slot (a plain multiply left them to the seed's own low bits, so seeds alike there agreed).
            long z = base ^ hashSeed;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            h = z ^ (z >>> 31);
        }
        return hashesMirrored ? ~h : h;
    }

    private static long inverse(long k) {
        long x = k; // Newton's iteration doubles the correct low bits each step
        for (int i = 0; i < 6; i++) x *= 2 - k * x;
        return x & MASK;
    }
}
