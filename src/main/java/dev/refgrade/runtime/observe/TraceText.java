package dev.refgrade.runtime.observe;

import dev.refgrade.runtime.Trace;

/** `refgrade trace`'s report: a recording as lines of text, one block per executed line. */
public final class TraceText {
    private TraceText() {}

    public static String render(Trace.Recording rec) {
        if (rec.syntax() != null) return rec.end().stderr();
        StringBuilder b = new StringBuilder();
        for (Trace.Line line : rec.lines()) {
            b.append(header(line)).append('\n');
            for (String p : line.printed().split("\n", -1)) if (!p.isEmpty()) b.append("    prints: ").append(p).append('\n');
            for (Trace.Event e : line.events()) b.append("    ").append(event(e)).append('\n');
        }
        String[] err = rec.end().stderr().strip().split("\n");
        String last = err[err.length - 1];
        switch (rec.end().exitCode()) {
            case 0 -> {}
            case 1 -> b.append("stopped by ").append(last).append('\n');
            default -> b.append("stopped: ").append(last.replaceFirst("^refgrade: ", "")).append('\n');
        }
        return b.toString();
    }

    private static String header(Trace.Line l) {
        if (l.phase() == Trace.Phase.SHUTDOWN) return "when the program ends (interpreter shutdown)";
        String where = l.function() == null ? "" : " (in " + l.function() + ")";
        String continued = l.phase() == Trace.Phase.CONTINUED ? ", continued" : "";
        return "line " + l.line() + where + continued + ": " + l.source();
    }

    private static String event(Trace.Event e) {
        return switch (e.kind()) {
            case NEW -> "new " + e.object();
            case FREED -> "freed " + e.object() + (e.lost().isEmpty() ? "" : "  (its last reference was " + e.lost().get(0) + ")");
            case COUNT -> {
                StringBuilder causes = new StringBuilder();
                e.gained().forEach(g -> causes.append(causes.isEmpty() ? "" : ", ").append("+ ").append(g));
                e.lost().forEach(l -> causes.append(causes.isEmpty() ? "" : ", ").append("- ").append(l));
                yield e.object() + ": refcount " + e.from() + " -> " + e.to() + (causes.isEmpty() ? "" : "  (" + causes + ")");
            }
        };
    }
}
