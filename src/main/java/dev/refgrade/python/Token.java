package dev.refgrade.python;

/**
 * One token. Positions follow {@link Span}: 1-based line and column of the first character, and of
 * the position just after the last one; NEWLINE, INDENT, DEDENT and END are zero-width.
 *
 * @param text   the source text (names NFKC-normalised as Python does), or the spelling of a keyword/operator
 * @param depth  how many brackets enclose the token (a bracket itself counts as outside)
 * @param offset index of the first character in the source, after line endings are normalised to \n
 */
public record Token(TokenKind kind, String text, int line, int col, int endLine, int endCol, int depth, int offset) {
    public Span span() {
        return new Span(line, col, endLine, endCol);
    }

    @Override
    public String toString() {
        return kind + (kind.text == null && !text.isEmpty() ? "(" + text + ")" : "") + "@" + line + ":" + col;
    }
}
