package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyObject;
import java.util.concurrent.locks.LockSupport;

/**
 * A generator body's own Java thread, run in strict turns with the thread that resumes it: the
 * interpreter's frames are Java stack frames, so a body that suspends mid-statement keeps its
 * place on a stack of its own. Exactly one thread runs Python code at any time; each hand-off is
 * a semaphore release and acquire, which also orders every write of one turn before the next.
 */
final class Coroutine {
    /** What the resumer hands the body: a value to send, an exception to raise at the yield, or the end of the run. */
    sealed interface In permits Send, Throw, Halt {}

    /** gen.send(value) / next(): the value the yield expression evaluates to (owned). */
    record Send(PyObject value) implements In {}

    /** gen.throw() / close(): the exception raised where the body is suspended. */
    record Throw(PyException exc) implements In {}

    /** The run is over: the body unwinds without running Python code. */
    record Halt() implements In {}

    /** What the body hands back: a yielded value, its return value, or what it raised. */
    sealed interface Out permits Yielded, Returned, Raised {}

    record Yielded(PyObject value) implements Out {}

    record Returned(PyObject value) implements Out {}

    /** A Python exception, or a run limit, a refusal or a simulator bug that must reach the resumer. */
    record Raised(Throwable error) implements Out {}

    /** Unwinds a body whose run has ended; never seen by Python code. */
    static final class Halted extends Error {
        Halted() {
            super("generator halted with its run", null, false, false);
        }
    }

    /** The body: runs on the coroutine's thread, given the first thing sent, and returns or throws. */
    interface Body {
        Out run(In first);
    }

    /** The Java stack a body may use: as deep as Python's recursion limit lets it nest inside a generator. */
    private static final long STACK_BYTES = 1L << 28;

    /** Spins before parking: a hand-off usually completes within them, and parking costs tens of microseconds. */
    private static final int SPINS = 200;
    private static final int RESUMER = 0, BODY = 1;

    /** Whose turn it is; the volatile write and read order everything either side wrote before it. */
    private volatile int turn = RESUMER;
    /** Each side's thread while it may be parked waiting for its turn, so the other knows to unpark it. */
    private volatile Thread resumerParked, bodyParked;
    private final Body body;
    private Thread thread;
    private In in;
    private Out out;
    private boolean ended;

    Coroutine(Body body) {
        this.body = body;
    }

    /** Whether the body's thread runs or waits: started and not yet finished. */
    boolean alive() {
        return thread != null && !ended;
    }

    /** Gives the body its turn with {@code message} and waits until it yields, returns or raises. */
    Out resume(In message) {
        in = message;
        if (thread == null) {
            thread = new Thread(null, this::main, "refgrade-generator", STACK_BYTES);
            thread.setDaemon(true);
            turn = BODY;
            thread.start();
        } else {
            handTo(BODY);
        }
        await(RESUMER);
        return out;
    }

    /** On the body's thread: hands {@code value} to the resumer and waits for its next message. */
    In suspend(PyObject value) {
        out = new Yielded(value);
        handTo(RESUMER);
        await(BODY);
        return in;
    }

    private void main() {
        Out result;
        try {
            result = body.run(in);
        } catch (Halted h) {
            result = new Returned(null);
        } catch (Throwable t) {
            result = new Raised(t);
        }
        out = result;
        ended = true;
        handTo(RESUMER);
    }

    private void handTo(int who) {
        turn = who;
        Thread waiting = who == RESUMER ? resumerParked : bodyParked;
        if (waiting != null) LockSupport.unpark(waiting);
    }

    /** Waits for the turn: spinning a while, then parked until the other side hands it over. */
    private void await(int who) {
        for (int i = 0; i < SPINS; i++) {
            if (turn == who) return;
            Thread.onSpinWait();
        }
        Thread me = Thread.currentThread();
        while (turn != who) {
            if (who == RESUMER) resumerParked = me;
            else bodyParked = me;
            if (turn != who) LockSupport.park(this);
            if (who == RESUMER) resumerParked = null;
            else bodyParked = null;
        }
    }
}
