package dev.refgrade.runtime;

/** A SyntaxError CPython's compiler (not its parser) raises: scoping mistakes such as a bad nonlocal. */
public final class CompileError extends RuntimeException {
    public final int line;

    public CompileError(String message, int line) {
        super(message, null, false, false);
        this.line = line;
    }
}
