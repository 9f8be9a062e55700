package dev.refgrade.store;

import dev.refgrade.store.Records.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * SQLite's one writer: submissions that arrive while a transaction commits wait in a queue and
 * go to disk together in the next one, so one fsync covers a whole batch. Each caller's future
 * completes only after its batch committed.
 */
final class GroupCommit {
    private static final int MAX_BATCH = 512;
    private static final long GATHER_NANOS = 1_000_000;
    private record Pending(Submission submission, CompletableFuture<Boolean> stored) {}
    private static final Pending STOP = new Pending(null, null);

    private final Jdbc jdbc;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    final LongAdder batches = new LongAdder();
    final LongAdder rows = new LongAdder();
    private volatile boolean closed;

    GroupCommit(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.writer = Thread.ofPlatform().name("refgrade-group-commit").start(this::run);
    }

    CompletableFuture<Boolean> submit(Submission s) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the store is closed"));
        if (!writer.isAlive()) return CompletableFuture.failedFuture(new IllegalStateException("the store's writer has stopped"));
        Pending p = new Pending(s, new CompletableFuture<>());
        queue.add(p);
        return p.stored();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        boolean busy = false;
        try {
            while (true) {
                batch.add(queue.take());
                // Under load, a moment for the submissions already on their way: one commit and one
                // fsync for all of them costs less CPU than one each. A lone submission does not wait.
                if (busy && queue.isEmpty()) LockSupport.parkNanos(GATHER_NANOS);
                queue.drainTo(batch, MAX_BATCH - 1);
                busy = batch.size() > 1;
                boolean stop = batch.remove(STOP);
                if (!batch.isEmpty()) commit(batch);
                batch.clear();
                if (stop) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<Boolean> stored = jdbc.tx(c -> {
                List<Boolean> out = new ArrayList<>(batch.size());
                try (var prepared = new Jdbc.Prepared(c)) {
                    for (Pending p : batch) out.add(Submissions.insert(prepared, p.submission()));
                }
                return out;
            });
            batches.increment();
            rows.add(batch.size());
            for (int i = 0; i < batch.size(); i++) batch.get(i).stored().complete(stored.get(i));
        } catch (RuntimeException e) {
            // One bad row must not fail its neighbours: retry each in a transaction of its own.
            for (Pending p : batch) {
                try {
                    p.stored().complete(jdbc.tx(c -> Submissions.insert(Jdbc.on(c), p.submission())));
                } catch (RuntimeException one) {
                    p.stored().completeExceptionally(one);
                } catch (Error fatal) {
                    p.stored().completeExceptionally(fatal);
                }
            }
        } catch (Error e) {
            // An Error (out of memory, a driver's assertion) must not leave this batch waiting for ever,
            // nor stop the one thread every later submission waits on: they fail, and the next batch is tried.
            for (Pending p : batch) p.stored().completeExceptionally(e);
        }
    }

    /** Stops taking submissions, commits those already queued, and waits for the writer to finish. */
    void close() throws InterruptedException {
        closed = true;
        queue.add(STOP);
        writer.join();
    }
}
