package dev.refgrade.python;

/**
 * Where a node stands in its source: 1-based line and column of its first character, and of the
 * position just after its last one. {@code endLine} is what a probe's {@code after:} refers to.
 */
public record Span(int line, int col, int endLine, int endCol) {
    public static Span of(Span first, Span last) {
        return new Span(first.line, first.col, last.endLine, last.endCol);
    }

    public Span to(Span last) {
        return of(this, last);
    }
}
