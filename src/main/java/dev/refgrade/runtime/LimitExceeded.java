package dev.refgrade.runtime;

/** A run went past one of its {@link Limits}; it ends the run, it is not a Python exception. */
public final class LimitExceeded extends RuntimeException {
    public LimitExceeded(String message) {
        super(message, null, false, false);
    }
}
