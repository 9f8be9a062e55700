package dev.refgrade.runtime;

import dev.refgrade.python.Module;
import dev.refgrade.python.ParseError;
import dev.refgrade.python.Parser;
import dev.refgrade.python.SymbolScope;
import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.Interpreter;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.observe.Referrers;
import dev.refgrade.runtime.observe.TraceText;
import dev.refgrade.runtime.protocol.Repr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run recorded line by line: for each executed line, what it allocated and freed and whose count
 * changed, with the references gained or lost that explain each change, and (when asked) the whole
 * stack's object graph right after it. Counts are compared between line boundaries, so a reference
 * held only while the line ran (a call's argument) does not show. `refgrade trace` prints it
 * ({@link TraceText}); a visualiser steps through it.
 */
public final class Trace implements Heap.Listener, Interpreter.LineHook {
    /** A line's run; CONTINUED is the rest of a caller's line after a call returned; SHUTDOWN is the interpreter's end. */
    public enum Phase { RUN, CONTINUED, SHUTDOWN }

    public enum Kind { NEW, COUNT, FREED }

    /**
     * One thing a line did to one object, described as a student recognises it. For COUNT,
     * {@code gained} and {@code lost} are the references behind the change; for FREED, {@code lost}
     * holds the reference whose loss freed it, when one is known. {@code node} is the object's id in
     * the line's {@link StackGraph}, when it is drawn there.
     */
    public record Event(Kind kind, String object, long from, long to, List<String> gained, List<String> lost, Integer node) {}

    /** One step: {@code function} is null at module level; {@code heap} is null unless snapshots were asked for. */
    public record Line(int line, String function, Phase phase, String source, String printed, List<Event> events, StackGraph heap) {}

    /**
     * A whole recording. {@code truncated}: recording stopped after the line limit while the program
     * ran on; {@code end} is how the run ended, as `run` reports it; {@code syntax} is the problem
     * when the source did not parse (then there are no lines).
     */
    public record Recording(List<Line> lines, boolean truncated, Programs.Result end, ParseError.Problem syntax) {}

    private final PyRuntime rt;
    private final Module module;
    private final boolean snapshots;
    private final int maxLines;
    /** How many objects the lines' graphs may draw in all: a recording's size grows with steps times objects. */
    private final int maxDrawn;
    private long drawn;
    /** About how many bytes the lines take as JSON, and how many they may: the recording's size whatever the program does. */
    private final long maxBytes;
    private long bytes;
    private final List<Line> lines = new ArrayList<>();
    private final Map<PyObject, long[]> changed = new LinkedHashMap<>();
    private final List<PyObject> allocated = new ArrayList<>();
    private final List<Event> freed = new ArrayList<>();
    private Map<PyObject, List<String>> before = new IdentityHashMap<>();
    private Line open;
    /** The module's frame: once the body is done its namespace lives on until shutdown, still worth drawing. */
    private Frame moduleFrame;
    private int printedUpTo;
    private boolean truncated;

    private Trace(PyRuntime rt, Module module, boolean snapshots, int maxLines, int maxDrawn, long maxBytes) {
        this.rt = rt;
        this.module = module;
        this.snapshots = snapshots;
        this.maxLines = maxLines;
        this.maxDrawn = maxDrawn;
        this.maxBytes = maxBytes;
    }

    /**
     * Runs a script under the recorder, on the caller's thread (use Programs.onDeepStack for deep
     * recursion). Recording stops, and says so, after {@code maxLines} lines or once the graphs have
     * drawn {@code maxDrawn} objects in all; the program still runs to its end.
     */
    public static Recording record(String fileName, String source, Limits limits, boolean snapshots, int maxLines, int maxDrawn) {
        return record(fileName, source, limits, snapshots, maxLines, maxDrawn, Long.MAX_VALUE, PythonVersion.DEFAULT);
    }

    /**
     * The same, reproducing {@code python}; recording also stops before a line that would take the lines past about
     * {@code maxBytes} of JSON ({@link #size}): a loop over a long line, or a line whose one object
     * gains a reference from each of a million slots, makes megabytes a step.
     */
    public static Recording record(String fileName, String source, Limits limits, boolean snapshots, int maxLines, int maxDrawn,
            long maxBytes, PythonVersion python) {
        Module module;
        try {
            module = Parser.parse(fileName, source);
        } catch (ParseError e) {
            boolean refused = e.reported().kind() == ParseError.Kind.UNSUPPORTED;
            return new Recording(List.of(), false, new Programs.Result("", e.renderCPython(), refused ? 2 : 1), e.reported());
        }
        ParseError.Problem refused = Programs.refused(module);
        if (refused != null) {
            return new Recording(List.of(), false, new Programs.Result("", ParseError.render(refused, module.lines()), 2), refused);
        }
        PyRuntime rt = new PyRuntime(limits, new Output(limits.maxOutputBytes()), World.BASE, java.util.Set.of(), VersionRules.of(python));
        Trace trace = new Trace(rt, module, snapshots, maxLines, maxDrawn, maxBytes);
        rt.interp.lineHook = trace;
        rt.heap.setListener(trace);
        Programs.Result end = Programs.execute(rt, () -> rt.interp.runScript(module, fileName), List.of(module));
        // A run stopped by a limit may leave a heap too big to describe; an exception's end is reported.
        if (end.exitCode() <= 1) trace.flush();
        return new Recording(List.copyOf(trace.lines), trace.truncated, end, null);
    }

    /** `refgrade trace`: the recording as text. */
    public static String run(String fileName, String source, Limits limits) {
        return text(record(fileName, source, limits, false, Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    /** A recording as `refgrade trace` prints it: one block per executed line, then how the program stopped. */
    public static String text(Recording rec) {
        return TraceText.render(rec);
    }

    @Override
    public void allocated(PyObject obj) {
        allocated.add(obj);
    }

    @Override
    public void refChanged(PyObject obj, long from, long to) {
        long[] r = changed.computeIfAbsent(obj, k -> new long[] {from, to});
        r[1] = to;
    }

    @Override
    public void freed(PyObject obj) {
        List<String> held = before.get(obj);
        List<String> last = held == null || held.isEmpty() ? List.of() : List.of(held.get(held.size() - 1));
        if (obj.refcountKnowable()) freed.add(new Event(Kind.FREED, obj.type().name + " at " + Repr.hex(obj.addr), 1, 0, List.of(), last, null));
        changed.remove(obj);
    }

    @Override
    public void beforeLine(Frame frame, int line) {
        flush();
        open = opened(frame, line, Phase.RUN);
    }

    @Override
    public void resumed(Frame caller) {
        flush();
        open = opened(caller, caller.line, Phase.CONTINUED);
    }

    @Override
    public void finished() {
        flush();
        open = new Line(0, null, Phase.SHUTDOWN, "", "", List.of(), null);
    }

    private Line opened(Frame frame, int line, Phase phase) {
        for (moduleFrame = frame; moduleFrame.back != null; ) moduleFrame = moduleFrame.back;
        String function = frame.code.kind == SymbolScope.Kind.FUNCTION ? frame.code.qualname : null;
        return new Line(line, function, phase, module.line(line).strip(), "", List.of(), null);
    }

    /** Closes the line that just ran: its allocations, frees and count changes, and the graph after it. */
    private void flush() {
        if (truncated) return;
        // Describing an object may run repr code that allocates and frees: the trace's own doing,
        // not the line's, and it must not change the lists being walked.
        rt.heap.setListener(null);
        // Describing the heap after each line visits (and sorts) every live object: work done for the
        // run, charged to it like a builtin's, so the step and time limits bound a recording too.
        rt.charge(rt.heap.liveObjects() + 1);
        Map<PyObject, List<String>> after = Referrers.scan(rt, rt.interp.mainGlobals);
        if (open != null) {
            Line line = close(after);
            bytes += size(line);
            if (bytes <= maxBytes) lines.add(line);
            else truncated = true; // a line is shown whole or not at all
            freed.clear();
        }
        before = after;
        changed.clear();
        allocated.clear();
        open = null;
        if (truncated || lines.size() >= maxLines || drawn >= maxDrawn) {
            // The program runs on to its end, unobserved, so its output and exit stay whole.
            truncated = true;
            rt.interp.lineHook = null;
        } else {
            rt.heap.setListener(this);
        }
    }

    private Line close(Map<PyObject, List<String>> after) {
        String printed = rt.out.text().substring(printedUpTo);
        printedUpTo = rt.out.text().length();
        HeapGraph.Walk walk = new HeapGraph.Walk(rt);
        Frame frame = rt.interp.currentFrame();
        if (frame == null && open.phase() != Phase.SHUTDOWN) frame = moduleFrame;
        StackGraph heap = !snapshots ? null : frame == null ? StackGraph.EMPTY : StackGraph.of(rt, frame, walk);
        if (heap != null) drawn += heap.objects().size();
        List<Event> events = new ArrayList<>();
        Set<PyObject> isNew = Collections.newSetFromMap(new IdentityHashMap<>());
        isNew.addAll(allocated);
        for (PyObject o : allocated) {
            if (o.addr > 0 && o.refcountKnowable()) events.add(new Event(Kind.NEW, describe(rt, o), 0, o.refcnt, List.of(), List.of(), walk.idOf(o)));
        }
        for (var e : changed.entrySet()) {
            PyObject o = e.getKey();
            long from = e.getValue()[0], to = o.refcnt;
            if (from == to || o.addr <= 0 || !o.refcountKnowable() || isNew.contains(o)) continue;
            List<String> was = before.getOrDefault(o, List.of()), is = after.getOrDefault(o, List.of());
            events.add(new Event(Kind.COUNT, describe(rt, o), from, to, minus(is, was), minus(was, is), walk.idOf(o)));
        }
        events.addAll(freed);
        return new Line(open.line(), open.function(), open.phase(), open.source(), printed, List.copyOf(events), heap);
    }

    /** About a line's size as JSON: its texts, and a few dozen bytes for each field, number and list item around them. */
    static long size(Line l) {
        long n = 100 + l.source().length() + l.printed().length() + (l.function() == null ? 0 : l.function().length());
        for (Event e : l.events()) {
            n += 100 + e.object().length();
            for (String s : e.gained()) n += s.length() + 3;
            for (String s : e.lost()) n += s.length() + 3;
        }
        if (l.heap() == null) return n;
        for (StackGraph.FrameNames f : l.heap().frames()) {
            n += 40 + f.function().length();
            for (String name : f.names().keySet()) n += name.length() + 12;
        }
        for (HeapGraph.Node o : l.heap().objects()) {
            n += 70 + o.type().length() + (o.value() == null ? 0 : o.value().length());
            for (HeapGraph.Ref r : o.refs()) n += r.label().length() + 22;
        }
        return n;
    }

    /** The references in {@code a} that {@code b} does not have, counting repeats. */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        for (String s : b) rest.remove(s);
        return List.copyOf(rest);
    }

    /** An object as a student recognises it: its type, a short value, its address. */
    public static String describe(PyRuntime rt, PyObject o) {
        return switch (o) {
            case PyInstance inst -> inst.cls.name + " object at " + Repr.hex(o.addr);
            case PyFunction f -> "function " + f.qualname;
            case PyCode c -> "code of " + c.qualname;
            default -> o.type().name + " " + shortRepr(rt, o) + " at " + Repr.hex(o.addr);
        };
    }

    public static String shortRepr(PyRuntime rt, PyObject o) {
        if (o instanceof PyInstance inst) return "<" + inst.cls.name + " object>";
        String r;
        try {
            r = Repr.repr(rt, o);
        } catch (RuntimeException e) {
            r = "<" + o.type().name + ">";
        }
        return r.length() > 40 ? r.substring(0, 37) + "..." : r;
    }
}
