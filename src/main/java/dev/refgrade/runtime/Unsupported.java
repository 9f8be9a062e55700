package dev.refgrade.runtime;

/** A construct the simulator does not model, found before the program runs. */
public final class Unsupported extends RuntimeException {
    public final String what;
    public final int line;

    public Unsupported(String what, int line) {
        super(what + " at line " + line, null, false, false);
        this.what = what;
        this.line = line;
    }
}
