package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.LimitExceeded;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyGenerator;
import dev.refgrade.runtime.objects.PyGenerator.State;
import dev.refgrade.runtime.objects.PyObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators as Objects/genobject.c runs them: a generator function's call makes the frame and
 * wraps it (RETURN_GENERATOR), and each send, throw or close resumes the frame on its own
 * {@link Coroutine} thread (gen_send_ex2), with the resumer's frame as its caller, its saved
 * exc_info on top of the resumer's, and the recursion depth one deeper.
 */
public final class Generators {
    /** Run limit: generator bodies suspended at once, each holding a Java thread. */
    static final int MAX_LIVE_BODIES = 2000;

    private Generators() {}

    /** How a resumption ended: a yielded value, or the return value (both owned). */
    public sealed interface Step permits Yield, Return {}

    public record Yield(PyObject value) implements Step {}

    public record Return(PyObject value) implements Step {}

    /** The eval side of one generator: its coroutine, started on first resumption. */
    private static final class Runner implements PyGenerator.Runner {
        final Coroutine co;

        Runner(Coroutine co) {
            this.co = co;
        }

        /** A suspended body whose frame is cleared without close() unwinds, releasing its value stack. */
        @Override
        public void unwind() {
            if (co.alive()) co.resume(new Coroutine.Halt());
        }
    }

    /** RETURN_GENERATOR: the frame, arguments bound and cells made, moves into a new generator object. */
    static PyGenerator create(PyRuntime rt, Frame f, PyFunction fn) {
        Heap heap = rt.heap;
        PyGenerator g = new PyGenerator(f, heap.newRef(fn.code), heap.newRef(fn.name), rt.name(fn.qualname));
        f.generator = g;
        return heap.alloc(g);
    }

    /** gen_iternext: the next yielded value, or null once the generator returned (its value dropped). */
    public static PyObject next(PyRuntime rt, PyGenerator g) {
        if (g.state == State.CLEARED) return null;
        Step s = resume(rt, g, new Coroutine.Send(PyRuntime.NONE));
        if (s instanceof Yield y) return y.value();
        rt.heap.decref(((Return) s).value());
        return null;
    }

    /** gen.send(value) and next(): a yielded value, or StopIteration carrying the return value. */
    public static PyObject send(PyRuntime rt, PyGenerator g, PyObject value) {
        Heap heap = rt.heap;
        if (g.state == State.CREATED && value != PyRuntime.NONE) {
            throw rt.typeError("can't send non-None value to a just-started generator");
        }
        if (g.state == State.CLEARED) throw rt.error(PyExc.STOP_ITERATION, "");
        return yieldedOrStop(rt, resume(rt, g, new Coroutine.Send(heap.newRef(value))));
    }

    /** gen.throw(): the exception (owned) raised where the body is suspended; a finished generator raises it at once. */
    public static PyObject throwInto(PyRuntime rt, PyGenerator g, PyException e) {
        if (g.state == State.CLEARED) throw e;
        return yieldedOrStop(rt, resume(rt, g, new Coroutine.Throw(e)));
    }

    /** _PyGen_SetStopIterationValue: a returned None is a bare StopIteration, any other value its argument. */
    private static PyObject yieldedOrStop(PyRuntime rt, Step s) {
        if (s instanceof Yield y) return y.value();
        PyObject v = ((Return) s).value();
        if (v == PyRuntime.NONE) throw rt.error(PyExc.STOP_ITERATION, "");
        PyException stop = rt.error(PyExc.STOP_ITERATION, "");
        stop.argument = v;
        throw stop;
    }

    /**
     * gen_close: GeneratorExit is raised where the body is suspended (a body never started unwinds
     * at its first line); a body that yields instead is an error, one that ends is closed.
     */
    public static void close(PyRuntime rt, PyGenerator g) {
        if (g.state == State.CLEARED) return;
        Step s;
        try {
            s = resume(rt, g, new Coroutine.Throw(rt.error(PyExc.GENERATOR_EXIT, "")));
        } catch (PyException e) {
            if (!e.matches(PyExc.GENERATOR_EXIT) && !e.matches(PyExc.STOP_ITERATION)) throw e;
            e.discard(rt.heap);
            return;
        }
        if (s instanceof Yield y) {
            rt.heap.decref(y.value());
            throw rt.error(PyExc.RUNTIME_ERROR, "generator ignored GeneratorExit");
        }
        rt.heap.decref(((Return) s).value());
    }

    /** _PyGen_Finalize: a generator not yet finished is closed; what close raises is reported and dropped. */
    static void finalizeGenerator(PyRuntime rt, PyGenerator g) {
        if (g.state == State.CLEARED) return;
        try {
            close(rt, g);
        } catch (PyException e) {
            rt.interp.reportIgnored(g, "closing generator", e);
        }
    }

    /** Whether dropping the generator runs its finalizer: it has a frame that has not completed. */
    static boolean needsFinalizer(PyGenerator g) {
        return g.state == State.CREATED || g.state == State.SUSPENDED;
    }

    private static PyException running(PyRuntime rt) {
        return rt.error(PyExc.VALUE_ERROR, "generator already executing");
    }

    /** gen_send_ex2: one turn of the body, with the resumer's frame as its caller. */
    private static Step resume(PyRuntime rt, PyGenerator g, Coroutine.In message) {
        Interpreter in = rt.interp;
        if (g.state == State.RUNNING) {
            release(rt, message);
            throw running(rt);
        }
        if (in.depth + 1 > rt.limits.maxDepth()) {
            // _Py_EnterRecursiveCallTstate fails on entry: the frame unwinds at once (exit_unwind,
            // no traceback entry of its own) and the generator is finished.
            release(rt, message);
            g.state = State.CLEARED;
            in.clearFrame(g.frame);
            if (g.runner != null) g.runner.unwind();
            throw rt.error(PyExc.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
        if (g.runner == null) g.runner = new Runner(new Coroutine(first -> body(rt, g, first)));
        Coroutine co = ((Runner) g.runner).co;
        if (!co.alive()) in.startingBody(co);
        Frame f = g.frame;
        Frame caller = in.current;
        int depth = in.depth;
        f.back = caller;
        in.current = f;
        in.depth++;
        int mark = in.exc.attach(g.handled);
        g.state = State.RUNNING;
        Coroutine.Out out;
        try {
            out = co.resume(message);
        } finally {
            in.exc.detach(mark, g.handled);
            in.current = caller;
            in.depth = depth;
            f.back = null;
        }
        if (in.lineHook != null && caller != null) in.lineHook.resumed(caller);
        return switch (out) {
            case Coroutine.Yielded y -> {
                g.state = State.SUSPENDED;
                yield new Yield(y.value());
            }
            case Coroutine.Returned r -> {
                g.state = State.CLEARED;
                yield new Return(r.value());
            }
            case Coroutine.Raised r -> {
                g.state = State.CLEARED;
                if (r.error() instanceof PyException e) {
                    throw e.matches(PyExc.STOP_ITERATION) ? rt.interp.exc.fromCause(e, "generator raised StopIteration") : e;
                }
                if (r.error() instanceof RuntimeException re) throw re;
                if (r.error() instanceof Error err) throw err;
                throw new IllegalStateException(r.error());
            }
        };
    }

    private static void release(PyRuntime rt, Coroutine.In message) {
        switch (message) {
            case Coroutine.Send s -> rt.heap.decref(s.value());
            case Coroutine.Throw t -> t.exc().discard(rt.heap);
            case Coroutine.Halt h -> { }
        }
    }

    /**
     * The body's thread: the frame runs from its first line (or raises the exception thrown in
     * before it started), and when it completes it is cleared here (clear_gen_frame), before the
     * resumer sees the result.
     */
    private static Coroutine.Out body(PyRuntime rt, PyGenerator g, Coroutine.In first) {
        Frame f = g.frame;
        Interpreter in = rt.interp;
        Coroutine.Out out;
        try {
            switch (first) {
                case Coroutine.Halt h -> throw new Coroutine.Halted();
                case Coroutine.Throw t -> throw t.exc();
                case Coroutine.Send s -> rt.heap.decref(s.value());
            }
            int signal = Stmts.run(f.code.body, f);
            PyObject result = signal == PyCode.RETURN ? f.retval : PyRuntime.NONE;
            f.retval = null;
            out = new Coroutine.Returned(result);
        } catch (PyException e) {
            in.leaving(e, f);
            out = new Coroutine.Raised(e);
        }
        g.state = State.CLEARED;
        in.clearFrame(f);
        return out;
    }

    /** A yield: the value goes to the resumer; what it sends back is the expression's value (owned). */
    static PyObject yieldValue(PyRuntime rt, Frame f, PyObject value) {
        Coroutine co = ((Runner) f.generator.runner).co;
        return switch (co.suspend(value)) {
            case Coroutine.Send s -> s.value();
            case Coroutine.Throw t -> throw t.exc();
            case Coroutine.Halt h -> throw new Coroutine.Halted();
        };
    }

    /**
     * `yield from`: GET_YIELD_FROM_ITER, then SEND until the delegate returns: each value it
     * yields passes straight out, each value sent in goes to it (next() for None and a plain
     * iterator), a thrown exception to its throw() (GeneratorExit closes it first), and its
     * return value is the expression's value. The delegate sits on the value stack meanwhile.
     */
    static PyObject yieldFrom(PyRuntime rt, Frame f, PyObject iterable) {
        Heap heap = rt.heap;
        PyObject it = iterable instanceof PyGenerator ? iterable : rt.ops.iterTaking(iterable);
        Coroutine co = ((Runner) f.generator.runner).co;
        PyGenerator self = f.generator;
        f.stack.add(it);
        try {
            Coroutine.In message = new Coroutine.Send(PyRuntime.NONE);
            while (true) {
                Step s = delegate(rt, it, message);
                if (s instanceof Return r) return r.value();
                self.yieldFrom = it;
                try {
                    message = co.suspend(((Yield) s).value());
                } finally {
                    self.yieldFrom = null;
                }
                if (message instanceof Coroutine.Halt) throw new Coroutine.Halted();
            }
        } finally {
            f.stack.remove(f.stack.size() - 1);
            heap.decref(it);
        }
    }

    /** One SEND (or _gen_throw through a delegate): what the delegate yields or returns. */
    private static Step delegate(PyRuntime rt, PyObject it, Coroutine.In message) {
        Heap heap = rt.heap;
        if (message instanceof Coroutine.Throw t) {
            PyException e = t.exc();
            if (e.matches(PyExc.GENERATOR_EXIT)) {
                closeIter(rt, it);
                throw e;
            }
            if (it instanceof PyGenerator g) return stepOf(rt, () -> throwInto(rt, g, e));
            PyObject method = rt.ops.getAttrOrNull(it, rt.name("throw"));
            if (method == null) throw e;
            PyBaseExc v = rt.interp.exc.caught(e);
            return stepOf(rt, () -> rt.interp.callOwned(method, new PyObject[] {v}, Kwargs.NONE));
        }
        PyObject value = ((Coroutine.Send) message).value();
        if (it instanceof PyGenerator g) {
            try {
                if (g.state == State.CREATED && value != PyRuntime.NONE) {
                    throw rt.typeError("can't send non-None value to a just-started generator");
                }
                if (g.state == State.CLEARED) return new Return(PyRuntime.NONE);
                return resume(rt, g, new Coroutine.Send(heap.newRef(value)));
            } finally {
                heap.decref(value);
            }
        }
        if (value == PyRuntime.NONE) {
            PyObject y = rt.ops.next(it);
            return y != null ? new Yield(y) : new Return(PyRuntime.NONE);
        }
        PyObject method;
        try {
            method = rt.ops.getAttr(it, rt.name("send"));
        } catch (PyException e) {
            heap.decref(value);
            throw e;
        }
        return stepOf(rt, () -> rt.interp.callOwned(method, new PyObject[] {value}, Kwargs.NONE));
    }

    /** A send or throw method's result as a step: StopIteration is the delegate's return, carrying its value. */
    private static Step stepOf(PyRuntime rt, java.util.function.Supplier<PyObject> call) {
        try {
            return new Yield(call.get());
        } catch (PyException e) {
            if (!e.matches(PyExc.STOP_ITERATION)) throw e;
            PyBaseExc v = rt.interp.exc.caught(e);
            PyObject value = v.args.size() > 0 ? rt.heap.newRef(v.args.get(0)) : PyRuntime.NONE;
            rt.heap.decref(v);
            return new Return(value);
        }
    }

    /** gen_close_iter: a generator is closed; another delegate's close(), if it has one, is called. */
    private static void closeIter(PyRuntime rt, PyObject it) {
        if (it instanceof PyGenerator g) {
            close(rt, g);
            return;
        }
        PyObject method = rt.ops.getAttrOrNull(it, rt.name("close"));
        if (method != null) rt.heap.decref(rt.interp.callOwned(method, new PyObject[0], Kwargs.NONE));
    }

    /** At the end of a run, every body still suspended unwinds without running Python code. */
    static void haltAll(List<Coroutine> bodies) {
        for (Coroutine co : new ArrayList<>(bodies)) if (co.alive()) co.resume(new Coroutine.Halt());
        bodies.clear();
    }

    static LimitExceeded tooMany() {
        return new LimitExceeded("the program kept more than " + MAX_LIVE_BODIES + " generators running at once");
    }
}
