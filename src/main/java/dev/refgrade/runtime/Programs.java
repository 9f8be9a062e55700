package dev.refgrade.runtime;

import dev.refgrade.python.Diagnostic;
import dev.refgrade.python.Module;
import dev.refgrade.python.ParseError;
import dev.refgrade.python.Parser;
import dev.refgrade.runtime.compile.Refusals;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs one program on a fresh simulated interpreter: the runtime's entry point for embedders. */
public final class Programs {
    /** Threads with a 512 MB stack; daemons, so an idle pool never keeps the JVM alive. */
    private static final ExecutorService DEEP_STACKS = Executors.newCachedThreadPool(DeepStack::new);

    private static final class DeepStack extends Thread {
        DeepStack(Runnable r) {
            super(null, r, "refgrade-run", 1L << 29);
            setDaemon(true);
        }
    }

    /** The Java stack ran out first: on a thread with a small stack, before Python's own limits. */
    private static final String TOO_DEEP = "refgrade: limit: the program nested too deeply for the simulator\n";

    private Programs() {}

    /**
     * Whether a run was stopped by the simulator (exit 2, a refusal; exit 3, a limit or its own
     * error), not ended by the program: a program's sys.exit(2) or sys.exit(3) exits the same way,
     * but only the simulator writes "refgrade: " at the start of stderr.
     */
    public static boolean stoppedBySimulator(int exitCode, String stderr) {
        return (exitCode == 2 || exitCode == 3) && stderr.startsWith("refgrade: ");
    }

    /** How a run ended: its stdout, its stderr, and CPython's exit status (0, 1 for an exception, 2 refused). */
    public record Result(String stdout, String stderr, int exitCode) {}

    public static Result run(String fileName, String source, Limits limits) {
        return run(fileName, source, limits, PythonVersion.DEFAULT);
    }

    /** Runs as {@code python} would (VersionRules: what changed after 3.11). */
    public static Result run(String fileName, String source, Limits limits, PythonVersion python) {
        Module module;
        try {
            module = Parser.parse(fileName, source);
        } catch (ParseError e) {
            boolean refused = e.reported().kind() == ParseError.Kind.UNSUPPORTED;
            return new Result("", e.renderCPython(), refused ? 2 : 1);
        } catch (StackOverflowError so) {
            return new Result("", TOO_DEEP, 3);
        } catch (RuntimeException | Error bug) {
            return internalError(bug, 0);
        }
        Output out = new Output(limits.maxOutputBytes());
        PyRuntime rt = new PyRuntime(limits, out, World.BASE, java.util.Set.of(), VersionRules.of(python));
        Result r = execute(rt, () -> rt.interp.runScript(module, fileName), java.util.List.of(module));
        if (r.exitCode() == 2) return r;
        java.util.function.Function<World, String> printedIn = w -> {
            PyRuntime again = new PyRuntime(limits, new Output(limits.maxOutputBytes()), w, java.util.Set.of(), VersionRules.of(python));
            return execute(again, () -> again.interp.runScript(module, fileName), java.util.List.of(module)).stdout();
        };
        String notes = "";
        // A set of strings iterates in the order of their hashes, which CPython seeds at random per
        // process: the same program under other hashes tells whether what it printed shows that
        // order. Complemented hashes reverse the order of members whose slots do not collide, and a
        // few seeds catch those that do, since a small set can come out in one order under two of them.
        if (rt.setOrderFollowsHashSeed && OTHER_HASHES.stream().anyMatch(w -> !printedIn.apply(w).equals(r.stdout()))) {
            notes += "refgrade: note: the output shows the order of a set of strings, which follows their hashes, which"
                    + " CPython seeds at random per process: this is the order PYTHONHASHSEED=0 gives\n";
        }
        // What follows from where objects live and is not an address itself (each printed address has
        // its own note): the order of a set whose members hash by address (None, types, instances), of
        // ids compared or sorted, a hash of an address taken modulo. CPython's layout decides those,
        // per build and per run; the simulator's own is one of many. Other placements tell.
        if (rt.observed().contains(World.Fact.ADDRESS)) {
            for (World w : OTHER_PLACEMENTS) {
                if (showsPlacement(rt, r.stdout(), printedIn.apply(w))) {
                    notes += "refgrade: note: the output follows where objects live in memory (the order of a set of"
                            + " objects hashed by address, ids compared or sorted, a hash of an address): CPython's memory"
                            + " layout decides that, and this is the simulator's\n";
                    break;
                }
            }
        }
        return notes.isEmpty() ? r : new Result(r.stdout(), r.stderr() + notes, r.exitCode());
    }

    /** Other addresses, the same hashes: the mirrored placement reverses what the scrambled one may keep. */
    private static final java.util.List<World> OTHER_PLACEMENTS = java.util.List.of(World.MIRROR.addressesOnly(), World.OTHER.addressesOnly());

    /** Whether {@code other} differs from {@code printed} in a line that is not itself a printed address. */
    private static boolean showsPlacement(PyRuntime rt, String printed, String other) {
        String[] a = printed.split("\n", -1), b = other.split("\n", -1);
        if (a.length != b.length) return true;
        for (int i = 0; i < a.length; i++) if (!a[i].equals(b[i]) && !rt.heap.showsAddress(a[i])) return true;
        return false;
    }

    private static final java.util.List<World> OTHER_HASHES = otherHashes();

    private static java.util.List<World> otherHashes() {
        java.util.List<World> worlds = new java.util.ArrayList<>(java.util.List.of(World.MIRROR.hashesOnly(), World.OTHER.hashesOnly()));
        worlds.addAll(World.BASE.reseeded());
        return java.util.List.copyOf(worlds);
    }

    /**
     * The first construct of a parsed module the simulator refuses, as the problem a run reports
     * before anything runs (exit 2); null when there is none.
     */
    public static ParseError.Problem refused(Module m) {
        Refusals.Refused r = Refusals.first(m.body());
        if (r == null) return null;
        var at = new Diagnostic(m.fileName(), r.where().line(), r.where().col(), r.what());
        return new ParseError.Problem(ParseError.Kind.UNSUPPORTED, null, at, r.where().endLine(), r.where().endCol());
    }

    /**
     * Runs {@code body} on {@code rt} and turns how it ended into a Result: CPython's traceback for
     * an uncaught exception, exit 2 for a construct the simulator refuses, exit 3 for a run limit.
     */
    static Result execute(PyRuntime rt, Runnable body, java.util.List<Module> modules) {
        Output out = rt.out;
        try {
            body.run();
            return new Result(out.text(), rt.interp.errors(), 0);
        } catch (Unsupported u) {
            // Line 0: found where no line is known (the heap), so the line running then.
            int line = u.line > 0 ? u.line : rt.interp.lastLine();
            return new Result("", "refgrade: unsupported: " + u.what + " at line " + line + "\n", 2);
        } catch (PyException e) {
            // The interpreter printed the traceback when the exception reached the top (PyErr_Print).
            return new Result(out.text(), rt.interp.errors(), 1);
        } catch (ProgramExit e) {
            return new Result(out.text(), rt.interp.errors(), e.status);
        } catch (LimitExceeded l) {
            return new Result(out.text(), "refgrade: limit: " + l.getMessage() + "\n", 3);
        } catch (StackOverflowError so) {
            return new Result(out.text(), TOO_DEEP, 3);
        } catch (RuntimeException | Error bug) {
            return internalError(bug, rt.interp.lastLine());
        }
    }

    /**
     * A Java exception the simulator did not mean to throw: the simulator's bug, never the program's.
     * It ends this one run (exit 3, as a limit: the simulator, not the program, stopped it), so a
     * batch goes on with its next file and no server thread dies of it.
     */
    static Result internalError(Throwable bug, int line) {
        return new Result("", "refgrade: internal error: " + bug + " at line " + line + " (please report this bug)\n", 3);
    }

    /** Runs on a thread with a deep stack, so deep Python recursion meets RecursionError, not the JVM's limit. */
    public static Result runIsolated(String fileName, String source, Limits limits) {
        return runIsolated(fileName, source, limits, PythonVersion.DEFAULT);
    }

    public static Result runIsolated(String fileName, String source, Limits limits, PythonVersion python) {
        return onDeepStack(() -> run(fileName, source, limits, python));
    }

    /**
     * Runs {@code work} on one of a few reused threads with a 512 MB stack. Starting such a thread
     * costs about as much as running a small program, so runs share them instead of each making one.
     */
    public static <T> T onDeepStack(Callable<T> work) {
        // Already on one (a command that runs many programs runs whole there): handing each run to
        // another thread and waiting for it was a fiftieth of a cold grade's CPU.
        if (Thread.currentThread() instanceof DeepStack) {
            try {
                return work.call();
            } catch (Exception e) {
                throw unchecked(e);
            }
        }
        try {
            return DEEP_STACKS.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    /** What the work threw, to throw again: an Error or unchecked exception as it is, a checked one wrapped. */
    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof Error e) throw e;
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /**
     * Each piece of {@code work} done on a deep-stack thread, as many at once as there are cores (this
     * thread among them if it is one), the results in the work's order. For independent runs of a
     * command that would leave the other cores idle: the first failure is thrown once all have ended.
     */
    public static <T> List<T> onDeepStacks(List<Callable<T>> work) {
        int workers = Math.min(work.size(), Runtime.getRuntime().availableProcessors());
        if (workers <= 1) return onDeepStack(() -> {
            List<T> out = new ArrayList<>();
            for (Callable<T> w : work) out.add(w.call());
            return out;
        });
        Object[] results = new Object[work.size()];
        Throwable[] failed = new Throwable[1];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                try {
                    results[i] = work.get(i).call();
                } catch (Throwable t) {
                    synchronized (failed) {
                        if (failed[0] == null) failed[0] = t;
                    }
                }
            }
        };
        boolean here = Thread.currentThread() instanceof DeepStack;
        List<java.util.concurrent.Future<?>> helpers = new ArrayList<>();
        for (int i = here ? 1 : 0; i < workers; i++) helpers.add(DEEP_STACKS.submit(worker));
        if (here) worker.run();
        for (var h : helpers) {
            try {
                h.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause()); // the worker catches what its work throws
            }
        }
        if (failed[0] != null) throw unchecked(failed[0]);
        @SuppressWarnings("unchecked")
        List<T> out = (List<T>) java.util.Arrays.asList(results);
        return out;
    }
}
