package dev.refgrade.server.ops;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The request log on stderr, one line per request. Requests only queue their line; one thread
 * writes whatever has queued in a single write, at most every few milliseconds, so a class
 * submitting at once does not wait on the terminal or the log file. Lines are dropped, never
 * waited for, if the writer falls far behind.
 */
final class AccessLog implements AutoCloseable {
    private static final String STOP = "";
    /**
     * How long the writer rests after each write. Meanwhile the lines of a busy server queue up and
     * go out in one write, and a request that queues its line behind others wakes no thread: waking
     * the writer for every line or two was most of what the log cost a loaded server.
     */
    private static final long REST_MILLIS = 20;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(100_000);
    private final OutputStream out = new FileOutputStream(FileDescriptor.err);
    private final Thread writer = Thread.ofPlatform().daemon().name("refgrade-access-log").start(this::run);

    void log(String line) {
        lines.offer(line);
    }

    private void run() {
        List<String> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(lines.take());
                lines.drainTo(batch);
                boolean stop = batch.remove(STOP);
                StringBuilder b = new StringBuilder();
                for (String l : batch) b.append(l).append('\n');
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                batch.clear();
                if (stop) return;
                Thread.sleep(REST_MILLIS);
            }
        } catch (InterruptedException | IOException e) {
            // stderr is gone or the server is stopping: nothing left to log to
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        lines.offer(STOP);
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
