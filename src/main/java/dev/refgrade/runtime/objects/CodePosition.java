package dev.refgrade.runtime.objects;

import dev.refgrade.python.Span;

/**
 * An instruction's source position (co_positions), with what 3.11's traceback needs to mark the
 * part that failed: for a binary operation the operands, for a subscript the value and the index,
 * for a call the function (which 3.13's traceback marks too).
 */
public record CodePosition(Span span, Kind kind, Span left, Span right) {
    public enum Kind { PLAIN, BINARY, SUBSCRIPT, CALL }

    public static CodePosition of(Span span) {
        return new CodePosition(span, Kind.PLAIN, null, null);
    }

    public int line() {
        return span.line();
    }
}
