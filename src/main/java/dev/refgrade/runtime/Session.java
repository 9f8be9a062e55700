package dev.refgrade.runtime;

import dev.refgrade.python.Module;
import dev.refgrade.python.ParseError;
import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.observe.Observer;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.Modules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One observed run of a script or of notebook cells, for embedders that ask questions about a
 * program: which lines to watch, where to draw the heap, how many objects to capture, which
 * {@link Variation}s of CPython's semantics to run under. Captures are made by the program itself,
 * through builtins this session adds: {@code __refgrade_capture__(slot, hit, obj)} (hit 0: every
 * run), and for probes {@code alive(h)} and {@code refcount(h)} on handle names bound to slot
 * numbers, {@code __refgrade_captured__(h)} for the captured object itself, and
 * {@code __refgrade_holders__(x, ...)}, which records who holds each argument (see {@link Held}).
 */
public final class Session {
    /** A program's text and the name its code objects carry. */
    public record Source(String name, String text) {}

    /** A line of one file (a script, or a cell named "<cell N>"). */
    public record Site(String file, int line) {}

    /** What became of a captured object: where its count changed, where it was freed. */
    public static final class Capture {
        public int hits;
        public PyObject object;
        public final Set<Site> changedOn = new LinkedHashSet<>();
        public Site freedOn;

        public boolean captured() {
            return object != null;
        }

        public Set<Site> changedOn() {
            return changedOn;
        }

        public Site freedOn() {
            return freedOn;
        }
    }

    /**
     * How the run went. {@code exitCode} as `run` gives it; {@code failedOn} is the watched line that
     * raised, if one did; {@code printed} holds, per watched line, what each of its runs printed;
     * {@code snapshots} the graphs of the names asked for, {@code stacks} the whole stack's, per run of the line;
     * {@code consulted} the variations whose mechanisms ran (see PyRuntime.consulted);
     * {@code observed} what it showed of its world (PyRuntime.observed): when nothing, the run comes
     * out the same in every world.
     */
    public record Report(String stdout, String stderr, int exitCode, List<String> cellOutputs,
            Map<Site, List<String>> printed, Site failedOn, Map<Site, List<HeapGraph>> snapshots,
            Map<Site, List<StackGraph>> stacks, List<Capture> captures, Map<Site, List<List<Held>>> held, Set<Variation> consulted,
            Set<World.Fact> observed) {}

    private final List<Site> watched = new ArrayList<>();
    private final Map<Site, List<String>> snapshotNames = new HashMap<>();
    private final Set<Site> stackSites = new HashSet<>();
    private final Map<String, Integer> handles = new HashMap<>();
    private int captureSlots;
    private Limits limits = Limits.DEFAULT;
    private World world = World.BASE;
    private Set<Variation> variations = Set.of();
    private VersionRules rules = VersionRules.of(PythonVersion.DEFAULT);

    public Session watch(Site site) {
        watched.add(site);
        return this;
    }

    public Session snapshot(Site site, List<String> names) {
        snapshotNames.put(site, List.copyOf(names));
        return this;
    }

    /** Draws the whole stack (every frame's names and what they reach) each time {@code site} is about to run. */
    public Session stack(Site site) {
        stackSites.add(site);
        return this;
    }

    /** A capture slot, visible to probes under {@code handle}. */
    public Session capture(String handle) {
        handles.put(handle, captureSlots++);
        return this;
    }

    public Session limits(Limits limits) {
        this.limits = limits;
        return this;
    }

    public Session world(World world) {
        this.world = world;
        return this;
    }

    public Session variations(Set<Variation> variations) {
        this.variations = Set.copyOf(variations);
        return this;
    }

    /** The CPython to reproduce; a version the simulator does not model yet makes every run a refusal (exit 2). */
    public Session python(PythonVersion python) {
        this.rules = VersionRules.of(python);
        return this;
    }

    /** A version's rules as they are, or with a change flipped ({@link VersionRules#flipped}). */
    public Session rules(VersionRules rules) {
        this.rules = rules;
        return this;
    }

    public Report runScript(String file, String source) {
        return run(List.of(new Source(file, source)), false);
    }

    /** Cells run in order in one namespace; a notebook names them "<cell 1>", "<cell 2>", ... */
    public Report runCells(List<Source> cells) {
        return run(cells, true);
    }

    private Report run(List<Source> sources, boolean cells) {
        return Programs.onDeepStack(() -> runHere(sources, cells));
    }

    private Report runHere(List<Source> sources, boolean cells) {
        List<Module> modules = new ArrayList<>();
        for (Source s : sources) {
            try {
                modules.add(RecentModules.parse(s.name(), s.text()));
            } catch (ParseError e) {
                boolean refused = e.reported().kind() == ParseError.Kind.UNSUPPORTED;
                return failed(e.renderCPython(), refused ? 2 : 1);
            }
        }
        for (Module m : modules) {
            ParseError.Problem refused = Programs.refused(m);
            if (refused != null) return failed(ParseError.render(refused, m.lines()), 2);
        }
        Output out = new Output(limits.maxOutputBytes());
        PyRuntime rt = new PyRuntime(limits, out, world, variations, rules);
        Observer obs = new Observer(rt, watched, snapshotNames, stackSites, captureSlots);
        Map<Site, List<List<Held>>> held = new HashMap<>();
        install(rt, obs, held);
        rt.interp.lineHook = obs;
        rt.heap.setListener(obs);
        Programs.Result r = Programs.execute(rt, () -> {
            if (cells) rt.interp.runCells(modules);
            else rt.interp.runScript(modules.get(0), sources.get(0).name());
        }, modules);
        return new Report(r.stdout(), r.stderr(), r.exitCode(), rt.interp.cellOutputs(), obs.printed(), obs.failedOn,
                obs.snapshots, obs.stacks, obs.captures, held, rt.consulted(),
                rt.observed());
    }

    private Report failed(String err, int code) {
        return new Report("", err, code, List.of(), Map.of(), null, Map.of(), Map.of(), List.of(), Map.of(), Set.of(), Set.of());
    }

    private void install(PyRuntime rt, Observer obs, Map<Site, List<List<Held>>> held) {
        handles.forEach(rt::addBuiltinInt);
        rt.addBuiltin("__refgrade_capture__", "slot, line, obj, /", (r, self, a) -> {
            obs.capture((int) Arith.toLong(r, a.get("slot")), (int) Arith.toLong(r, a.get("line")), a.get("obj"));
            return PyRuntime.NONE;
        });
        // Under Variation.DEL_DESTROYS an object `del` destroyed is gone to these two, whoever still holds it.
        rt.addBuiltin("alive", "handle, /", (r, self, a) -> {
            PyObject o = captured(r, obs, a, "alive");
            return PyRuntime.bool(o.addr > 0 && !r.destroyedByDel(o));
        });
        rt.addBuiltin("refcount", "handle, /", (r, self, a) -> {
            PyObject o = captured(r, obs, a, "refcount");
            if (r.destroyedByDel(o)) return r.newInt(0);
            return Modules.countOf(r, live(r, o, "refcount"));
        });
        rt.addBuiltin("__refgrade_captured__", "handle, /", (r, self, a) ->
                r.heap.newRef(live(r, captured(r, obs, a, "__refgrade_captured__"), "__refgrade_captured__")));
        rt.addBuiltin("__refgrade_holders__", "*objects", (r, self, a) -> {
            Frame f = r.interp.currentFrame();
            held.computeIfAbsent(new Site(f.code.file, f.line), k -> new ArrayList<>()).add(Held.of(r, a.rest()));
            return PyRuntime.NONE;
        });
    }

    private static PyObject live(PyRuntime rt, PyObject o, String fn) {
        if (o.addr <= 0) throw rt.error(PyExc.VALUE_ERROR, fn + "() of an object that no longer exists");
        return o;
    }

    private static PyObject captured(PyRuntime rt, Observer obs, Args a, String fn) {
        long slot = Arith.toLong(rt, a.get("handle"));
        if (slot < 0 || slot >= obs.captures.size()) throw rt.error(PyExc.VALUE_ERROR, fn + "() needs a capture handle");
        PyObject o = obs.captures.get((int) slot).object;
        if (o == null) throw rt.error(PyExc.VALUE_ERROR, fn + "() of a handle whose capture has not run yet");
        return o;
    }
}
