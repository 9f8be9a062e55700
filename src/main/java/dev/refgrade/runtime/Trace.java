package dev.refgrade.runtime;

import dev.refgrade.python.Module;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `refgrade trace`: for each executed line, what it allocated and freed and whose count changed,
 * with the references gained or lost that explain each change. Counts are compared between line
 * boundaries, so a reference held only while the line ran (a call's argument) does not show.
 */
public final class Trace implements Heap.Listener, Interpreter.LineHook {
    private final Runtime rt;
    private final Module module;
    private final StringBuilder report = new StringBuilder();
    private final Map<PyObject, long[]> changed = new LinkedHashMap<>();
    private final List<PyObject> allocated = new ArrayList<>();
    private final List<String> freed = new ArrayList<>();
    private Map<PyObject, List<String>> before = new IdentityHashMap<>();
    private String header;
    private int printedUpTo;

    Trace(Runtime rt, Module module) {
        this.rt = rt;
        this.module = module;
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
        String why = held == null || held.isEmpty() ? "" : "  (its last reference was " + held.get(held.size() - 1) + ")";
        if (obj.refcountKnowable()) freed.add("    freed " + obj.type().name + " at " + Repr.hex(obj.addr) + why);
        changed.remove(obj);
    }

    @Override
    public void beforeLine(Frame frame, int line) {
        flush();
        String where = frame.code.kind == Scope.Kind.FUNCTION ? " (in " + frame.code.qualname + ")" : "";
        header = "line " + line + where + ": " + module.line(line).strip();
    }

    @Override
    public void resumed(Frame caller) {
        flush();
        String where = caller.code.kind == Scope.Kind.FUNCTION ? " (in " + caller.code.qualname + ")" : "";
        header = "line " + caller.line + where + ", continued: " + module.line(caller.line).strip();
    }

    @Override
    public void finished() {
        flush();
        header = "when the program ends (interpreter shutdown)";
    }

    /** Closes the line that just ran: its allocations, frees and count changes. */
    void flush() {
        // Describing an object may run repr code that allocates and frees: the trace's own doing,
        // not the line's, and it must not change the lists being walked.
        rt.heap.setListener(null);
        try {
            Map<PyObject, List<String>> after = Referrers.scan(rt, rt.interp.mainGlobals);
            if (header != null) reportLine(after);
            before = after;
        } finally {
            rt.heap.setListener(this);
        }
        if (header != null) freed.clear();
        changed.clear();
        allocated.clear();
        header = null;
    }

    private void reportLine(Map<PyObject, List<String>> after) {
        report.append(header).append('\n');
        String printed = rt.out.text().substring(printedUpTo);
        printedUpTo = rt.out.text().length();
        for (String p : printed.split("\n", -1)) if (!p.isEmpty()) report.append("    prints: ").append(p).append('\n');
        for (PyObject o : allocated) {
            if (o.addr > 0 && o.refcountKnowable()) report.append("    new ").append(describe(rt, o)).append('\n');
        }
        for (var e : changed.entrySet()) {
            PyObject o = e.getKey();
            long from = e.getValue()[0], to = o.refcnt;
            if (from == to || o.addr <= 0 || !o.refcountKnowable() || allocated.contains(o)) continue;
            report.append("    ").append(describe(rt, o)).append(": refcount ").append(from).append(" -> ").append(to)
                    .append(causes(before.getOrDefault(o, List.of()), after.getOrDefault(o, List.of()))).append('\n');
        }
        freed.forEach(f -> report.append(f).append('\n'));
    }

    private static String causes(List<String> was, List<String> is) {
        List<String> gained = new ArrayList<>(is), lost = new ArrayList<>(was);
        for (String s : was) gained.remove(s);
        for (String s : is) lost.remove(s);
        List<String> parts = new ArrayList<>();
        gained.forEach(g -> parts.add("+ " + g));
        lost.forEach(l -> parts.add("- " + l));
        return parts.isEmpty() ? "" : "  (" + String.join(", ", parts) + ")";
    }

    /** An object as a student recognises it: its type, a short value, its address. */
    static String describe(Runtime rt, PyObject o) {
        return switch (o) {
            case PyInstance inst -> inst.cls.name + " object at " + Repr.hex(o.addr);
            case PyFunction f -> "function " + f.qualname;
            case PyCode c -> "code of " + c.qualname;
            default -> o.type().name + " " + shortRepr(rt, o) + " at " + Repr.hex(o.addr);
        };
    }

    static String shortRepr(Runtime rt, PyObject o) {
        if (o instanceof PyInstance inst) return "<" + inst.cls.name + " object>";
        String r;
        try {
            r = Repr.repr(rt, o);
        } catch (RuntimeException e) {
            r = "<" + o.type().name + ">";
        }
        return r.length() > 40 ? r.substring(0, 37) + "..." : r;
    }

    /** Runs a script under the trace; the report, then the program's exit as `run` would give it. */
    public static String run(String fileName, String source, Limits limits) {
        Module module;
        try {
            module = dev.refgrade.python.Parser.parse(fileName, source);
        } catch (dev.refgrade.python.ParseError e) {
            return e.renderCPython();
        }
        Runtime rt = new Runtime(limits, new Output(limits.maxOutputBytes()));
        Trace trace = new Trace(rt, module);
        rt.interp.lineHook = trace;
        rt.heap.setListener(trace);
        try {
            rt.interp.runScript(module, fileName);
            trace.flush();
        } catch (PyException e) {
            trace.flush();
            trace.report.append("stopped by ").append(e.lastLine()).append('\n');
        } catch (LimitExceeded | Unsupported | CompileError e) {
            trace.report.append("stopped: ").append(e.getMessage()).append('\n');
        }
        return trace.report.toString();
    }
}
