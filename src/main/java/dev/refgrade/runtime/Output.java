package dev.refgrade.runtime;

/** What a simulated program prints, bounded so a runaway print loop cannot exhaust memory. */
public final class Output {
    private final StringBuilder text = new StringBuilder();
    private final long limit;

    public Output(long limit) {
        this.limit = limit;
    }

    public void write(String s) {
        if (text.length() + s.length() > limit) {
            throw new LimitExceeded("the program printed more than " + limit + " characters");
        }
        text.append(s);
    }

    public int length() {
        return text.length();
    }

    public String text() {
        return text.toString();
    }
}
