package dev.refgrade.runtime;

/** What a simulated run may use before it is stopped: the guard against runaway programs. */
public record Limits(long maxSteps, long maxObjects, int maxDepth, long maxOutputBytes, long maxSequenceLength) {
    /** CPython's default recursion limit is 1000 frames (sys.getrecursionlimit()). */
    public static final Limits DEFAULT = new Limits(50_000_000L, 2_000_000L, 1000, 4L << 20, 10_000_000L);
}
