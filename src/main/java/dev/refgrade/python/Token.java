package dev.refgrade.python;

/** One token with its text and position; {@code value} holds a decoded literal. */
public record Token(Kind kind, String text, Object value, int line, int col, int endLine, int endCol) {
    public enum Kind { NAME, NUMBER, STRING, FSTRING, OP, NEWLINE, INDENT, DEDENT, EOF }

    Span span() {
        return new Span(line, col, endLine, endCol);
    }

    boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }
}
