package dev.refgrade.python;

/** One problem found in a source file, rendered the way compilers do: {@code file:line:col: message}. */
public record Diagnostic(String file, int line, int col, String message) {
    public String render() {
        return file + ":" + line + ":" + col + ": " + message;
    }

    @Override
    public String toString() {
        return render();
    }
}
