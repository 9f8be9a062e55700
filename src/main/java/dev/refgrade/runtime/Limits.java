package dev.refgrade.runtime;

/**
 * What a simulated run may use before it is stopped: the guard against runaway programs. A step is
 * a statement run, or one item or character that a builtin creates, copies or compares in bulk
 * ([0] * n, list(x), str.join, s == t), so steps bound what a run allocates as well as how long it
 * loops. {@code maxMillis} of wall time backstops the rest, such as big-int arithmetic in a loop.
 */
public record Limits(long maxSteps, long maxObjects, int maxDepth, long maxOutputBytes, long maxSequenceLength,
                     long maxMillis) {
    private static final long A_MINUTE = 60_000L;

    /** CPython's default recursion limit is 1000 frames (sys.getrecursionlimit()). */
    public static final Limits DEFAULT = new Limits(50_000_000L, 2_000_000L, 1000, 4L << 20, 10_000_000L, A_MINUTE);

    /** Limits with a minute of wall time. */
    public Limits(long maxSteps, long maxObjects, int maxDepth, long maxOutputBytes, long maxSequenceLength) {
        this(maxSteps, maxObjects, maxDepth, maxOutputBytes, maxSequenceLength, A_MINUTE);
    }
}
