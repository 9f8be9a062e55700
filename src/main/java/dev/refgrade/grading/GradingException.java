package dev.refgrade.grading;

/** Why a submission cannot be graded at all; {@code field} is the JSON path at fault, when one is. */
public final class GradingException extends Exception {
    public enum Reason { MALFORMED, UNKNOWN_QUESTION, WRONG_KIND, PAST_CUTOFF, NO_ATTEMPTS_LEFT }

    private final Reason reason;
    private final String field;

    public GradingException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
