package dev.refgrade.runtime;

/**
 * A run that ended by SystemExit reaching the top (sys.exit): the exit status CPython's
 * handle_system_exit gives the process, after the interpreter's shutdown has run.
 */
public final class ProgramExit extends RuntimeException {
    public final int status;

    public ProgramExit(int status) {
        super("exit status " + status, null, false, false);
        this.status = status;
    }
}
