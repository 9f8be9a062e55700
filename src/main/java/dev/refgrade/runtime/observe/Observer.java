package dev.refgrade.runtime.observe;

import dev.refgrade.runtime.HeapGraph;
import dev.refgrade.runtime.Session;
import dev.refgrade.runtime.StackGraph;
import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.Interpreter;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches a run for an embedder: what each run of a watched line printed, the object graph at
 * marked lines, and the life of captured objects (held without a reference, so watching changes
 * nothing): the lines whose run changed a captured object's count, and the line that freed it.
 */
public final class Observer implements Interpreter.LineHook, Heap.Listener {
    private final PyRuntime rt;
    private final Map<Session.Site, List<String>> printed = new HashMap<>();
    private final Map<Session.Site, List<String>> snapshotNames;
    public final Map<Session.Site, List<HeapGraph>> snapshots = new HashMap<>();
    private final Set<Session.Site> stackSites;
    public final Map<Session.Site, List<StackGraph>> stacks = new HashMap<>();
    /** The watched line now running: its frame, and where its output starts. */
    private Frame openFrame;
    private Session.Site openSite;
    private int openMark;
    public Session.Site failedOn;

    public final List<Session.Capture> captures = new ArrayList<>();
    private final Map<PyObject, Integer> captureIndex = new IdentityHashMap<>();
    /** Per frame, the line now running and the net change it made so far to each captured object. */
    private final Map<Frame, Segment> segments = new IdentityHashMap<>();

    private record Segment(Session.Site site, Map<Integer, Long> deltas) {}

    public Observer(PyRuntime rt, List<Session.Site> watched, Map<Session.Site, List<String>> snapshotNames,
            Set<Session.Site> stackSites, int captureSlots) {
        this.rt = rt;
        this.stackSites = stackSites;
        for (Session.Site s : watched) printed.put(s, new ArrayList<>());
        this.snapshotNames = snapshotNames;
        for (int i = 0; i < captureSlots; i++) captures.add(new Session.Capture());
    }

    public Map<Session.Site, List<String>> printed() {
        return printed;
    }

    /** The object a capture statement names now becomes the handle's object (its k-th run, or every run). */
    public void capture(int slot, int onHit, PyObject obj) {
        Session.Capture c = captures.get(slot);
        c.hits++;
        if (onHit != 0 && c.hits != onHit) return;
        if (c.object != null) captureIndex.remove(c.object);
        c.object = obj;
        c.changedOn.clear();
        c.freedOn = null;
        if (obj.refcnt < Heap.IMMORTAL) captureIndex.put(obj, slot);
    }

    @Override
    public void beforeLine(Frame frame, int line) {
        if (openFrame != null && !isInside(frame, openFrame)) close();
        closeSegment(frame);
        Session.Site site = new Session.Site(frame.code.file, line);
        // A comprehension, generator expression or lambda of the open line runs in a frame of its own
        // on that same line (3.11 compiles each to its own code): part of this run of the line, not another.
        if (openFrame != null && frame != openFrame && site.equals(openSite)) return;
        if (printed.containsKey(site)) {
            openFrame = frame;
            openSite = site;
            openMark = rt.out.length();
        }
        List<String> names = snapshotNames.get(site);
        if (names != null) snapshots.computeIfAbsent(site, k -> new ArrayList<>()).add(HeapGraph.of(rt, frame, names));
        if (stackSites.contains(site)) stacks.computeIfAbsent(site, k -> new ArrayList<>()).add(StackGraph.of(rt, frame, new HeapGraph.Walk(rt)));
    }

    @Override
    public void resumed(Frame caller) {
        if (openFrame != null && !isInside(caller, openFrame) && caller != openFrame) close();
        segments.keySet().removeIf(f -> {
            if (f == caller || isInside(caller, f)) return false;
            record(segments.get(f));
            return true;
        });
    }

    @Override
    public void finished() {
        if (openFrame != null) close();
        for (Segment s : segments.values()) record(s);
        segments.clear();
    }

    @Override
    public void raised() {
        if (openFrame != null) failedOn = openSite;
    }

    private void close() {
        printed.get(openSite).add(rt.out.text().substring(openMark));
        openFrame = null;
        openSite = null;
    }

    /** Whether {@code f} runs inside a call made by {@code outer}'s current line. */
    private static boolean isInside(Frame f, Frame outer) {
        for (Frame b = f.back; b != null; b = b.back) if (b == outer) return true;
        return false;
    }

    private void closeSegment(Frame f) {
        Segment s = segments.remove(f);
        if (s != null) record(s);
    }

    private void record(Segment s) {
        s.deltas.forEach((slot, delta) -> {
            if (delta != 0) captures.get(slot).changedOn.add(s.site);
        });
    }

    @Override
    public void allocated(PyObject obj) {}

    @Override
    public void refChanged(PyObject obj, long from, long to) {
        Integer slot = captureIndex.get(obj);
        Frame f = rt.interp.currentFrame();
        if (slot == null || f == null) return;
        Segment s = segments.computeIfAbsent(f, k -> new Segment(new Session.Site(k.code.file, k.line), new HashMap<>()));
        s.deltas.merge(slot, to - from, Long::sum);
    }

    @Override
    public void freed(PyObject obj) {
        Integer slot = captureIndex.remove(obj);
        if (slot == null) return;
        Frame f = rt.interp.currentFrame();
        Session.Capture c = captures.get(slot);
        if (f != null) c.freedOn = new Session.Site(f.code.file, f.line);
    }
}
