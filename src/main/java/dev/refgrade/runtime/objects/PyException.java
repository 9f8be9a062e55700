package dev.refgrade.runtime.objects;

import java.util.ArrayList;
import java.util.List;

/** A Python exception on its way up the simulated stack, collecting its traceback as it goes. */
public final class PyException extends RuntimeException {
    public final PyType excType;
    public final String pyMessage;
    /** Innermost frame last, as CPython prints them. */
    public final List<TracebackEntry> traceback = new ArrayList<>();

    public record TracebackEntry(String file, int line, String function) {}

    public PyException(PyType excType, String pyMessage) {
        super(excType.name + ": " + pyMessage, null, false, false);
        this.excType = excType;
        this.pyMessage = pyMessage;
    }

    /** The last line of CPython's traceback: `TypeError: ...`, or just the class name without a message. */
    public String lastLine() {
        return pyMessage == null || pyMessage.isEmpty() ? excType.name : excType.name + ": " + pyMessage;
    }
}
