package dev.refgrade.python;

import java.util.List;

/** Everything wrong with a source file, found before any of it runs. */
public final class ParseError extends Exception {
    public enum Kind { SYNTAX, UNSUPPORTED }

    /** One problem; {@code pyType} is CPython's exception class for a syntax problem, null otherwise. */
    public record Problem(Kind kind, String pyType, Diagnostic diagnostic) {}

    private final List<Problem> problems;

    public ParseError(List<Problem> problems) {
        super(problems.get(0).diagnostic().render(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** What a run reports: the first syntax error if there is one (CPython could not compile), else the first refusal. */
    public Problem first() {
        return problems.stream().filter(p -> p.kind() == Kind.SYNTAX).findFirst().orElse(problems.get(0));
    }

    /** CPython's stderr for the first syntax error, or refgrade's one line for a refused construct. */
    public String render(List<String> sourceLines) {
        Problem p = first();
        Diagnostic d = p.diagnostic();
        if (p.kind() == Kind.UNSUPPORTED) return "refgrade: unsupported: " + d.message() + " at line " + d.line() + "\n";
        String text = d.line() >= 1 && d.line() <= sourceLines.size() ? sourceLines.get(d.line() - 1) : "";
        String stripped = text.stripLeading();
        int caret = Math.max(0, d.col() - 1 - (text.length() - stripped.length()));
        return "  File \"" + d.file() + "\", line " + d.line() + "\n    " + stripped.stripTrailing() + "\n    "
                + " ".repeat(Math.min(caret, stripped.length())) + "^\n" + p.pyType() + ": " + d.message() + "\n";
    }
}
