package dev.refgrade.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work begun on a daemon thread while the command goes on, for a cold command whose own thread is
 * busy loading and keying while the machine's other core waits: reading a rubrics folder, parsing
 * --due (DateTimeFormatter's class initialisation alone is 3 ms).
 */
final class OtherCore<T> {
    private final FutureTask<T> task;

    private OtherCore(Callable<T> work) {
        this.task = new FutureTask<>(work);
        Thread.ofPlatform().daemon().start(task);
    }

    static <T> OtherCore<T> start(Callable<T> work) {
        return new OtherCore<>(work);
    }

    /** Its result once it is done; what it threw is thrown here, an unchecked exception as it was. */
    T get() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
