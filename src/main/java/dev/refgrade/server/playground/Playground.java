package dev.refgrade.server.playground;

import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Programs;
import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.Trace;
import dev.refgrade.server.Json;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The playground: runs a pasted program on the simulator and returns every executed line with the
 * stack's object graph after it and the count changes it made. A program's own failure (a syntax
 * error, a construct outside the subset, an uncaught exception, a limit) is part of the result.
 */
public final class Playground {
    /** Small enough for a shared server and a browser: a few seconds of simulated work at most. */
    public static final Limits LIMITS = new Limits(2_000_000L, 200_000L, 1000, 64L << 10, 1_000_000L, 5_000L);
    public static final int MAX_STEPS = 2000;
    /** Objects drawn over all steps: about 150 bytes each gzipped to a tenth, a few MB at most for the page to hold. */
    public static final int MAX_DRAWN = 30_000;
    /**
     * The largest response, in bytes of JSON before gzip (issue 19: a 50-byte program once made 226 MB):
     * what 2000 steps of a typical lesson program take, several times over, and what a browser holds easily.
     */
    public static final long MAX_BYTES = 8L << 20;

    /**
     * What a run gives the page. {@code truncated}: steps stopped at {@code maxSteps}, or when their
     * graphs had drawn {@link #MAX_DRAWN} objects or taken {@link #MAX_BYTES}, while the program ran on; {@code error} is null when the program ran to its end.
     */
    public record Result(List<Trace.Line> steps, boolean truncated, int maxSteps, String stdout, String stderr,
            int exitCode, Problem error) {}

    /** Where and why a program stopped: kind is syntax, unsupported, exception or limit; line and col 0 when unknown. */
    public record Problem(String kind, String message, int line, int col) {}

    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private final Limits limits;
    private final int maxSteps;
    private final long maxBytes;

    public Playground(Limits limits, int maxSteps) {
        this(limits, maxSteps, MAX_BYTES);
    }

    public Playground(Limits limits, int maxSteps, long maxBytes) {
        this.limits = limits;
        this.maxSteps = maxSteps;
        this.maxBytes = maxBytes;
    }

    /**
     * The run as the JSON the page gets, at most {@code maxBytes}, built by the caller that holds the
     * simulator gate: serialising megabytes is work of the run, to be queued with it. The recorder
     * stops near the budget by its own estimate; text that JSON escapes can make the estimate short,
     * and then the last steps go too, and the result says it is truncated.
     */
    public byte[] json(String code) {
        Result r = run(code);
        byte[] whole = Json.bytes(r);
        if (whole.length <= maxBytes) return whole;
        long room = maxBytes - Json.bytes(withSteps(r, List.of())).length;
        int fit = 0;
        for (Trace.Line step : r.steps()) {
            room -= Json.bytes(step).length + 1;
            if (room < 0) break;
            fit++;
        }
        return Json.bytes(withSteps(r, r.steps().subList(0, fit)));
    }

    private static Result withSteps(Result r, List<Trace.Line> steps) {
        return new Result(steps, true, r.maxSteps(), r.stdout(), r.stderr(), r.exitCode(), r.error());
    }

    public Result run(String code) {
        Trace.Recording rec = Programs.onDeepStack(() -> Trace.record("<playground>", code, limits, true, maxSteps, MAX_DRAWN, maxBytes, PythonVersion.DEFAULT));
        Programs.Result end = rec.end();
        return new Result(rec.lines(), rec.truncated(), maxSteps, end.stdout(), end.stderr(), end.exitCode(), problem(rec));
    }

    private static Problem problem(Trace.Recording rec) {
        Programs.Result end = rec.end();
        if (end.exitCode() == 0) return null;
        String[] err = end.stderr().strip().split("\n");
        String message = err[err.length - 1].replaceFirst("^refgrade: ", "");
        if (rec.syntax() != null) {
            var p = rec.syntax();
            String kind = p.kind() == dev.refgrade.python.ParseError.Kind.UNSUPPORTED ? "unsupported" : "syntax";
            return new Problem(kind, kind.equals("syntax") ? message : "unsupported: " + p.message(), p.line(), Math.max(p.col(), 0));
        }
        String kind = switch (end.exitCode()) {
            case 1 -> message.startsWith("SyntaxError") ? "syntax" : "exception";
            case 2 -> "unsupported";
            default -> "limit";
        };
        // The innermost traceback entry, or the line an unsupported construct names, is the last "line N".
        int line = 0;
        for (Matcher m = LINE.matcher(end.stderr()); m.find(); ) line = Integer.parseInt(m.group(1));
        return new Problem(kind, message, line, 0);
    }
}
