package dev.refgrade.server.ops;

import dev.refgrade.server.Catalog;
import dev.refgrade.store.Store;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Request counts and latencies for /metrics (Prometheus text format), and the request log: one
 * line per request, without headers, so no token is logged.
 */
public final class Metrics implements AutoCloseable {
    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private record Key(String method, String route, int status) {}

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) counts[i] = new LongAdder();
        }

        void add(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]) counts[i].increment();
            count.increment();
            sum.add(seconds);
        }
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> durations = new ConcurrentHashMap<>();
    private final Store store;
    private final Catalog catalog;
    private final AccessLog log = new AccessLog();

    public Metrics(Store store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Javalin's request logger: called once per request when its response is written. */
    public void record(Context ctx, Float millis) {
        // Static files (the web UI) are answered by a before-handler, which has no endpoint path to ask for.
        boolean staticFile = ctx.handlerType() == HandlerType.BEFORE;
        String path = staticFile ? "" : ctx.endpointHandlerPath();
        String route = staticFile ? "static" : path.equals("*") || path.isEmpty() ? "other" : path;
        int status = ctx.statusCode();
        requests.computeIfAbsent(new Key(ctx.method().name(), route, status), k -> new LongAdder()).increment();
        durations.computeIfAbsent(route, r -> new Histogram()).add(millis / 1000.0);
        log.log(Instant.now() + " " + ctx.method() + " " + ctx.path() + " " + status + " " + Math.round(millis * 10) / 10.0 + " ms");
    }

    @Override
    public void close() throws InterruptedException {
        log.close();
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("# HELP refgrade_http_requests_total HTTP requests by method, route and status.\n");
        b.append("# TYPE refgrade_http_requests_total counter\n");
        new TreeMap<String, Long>(requests.entrySet().stream().collect(Collectors.toMap(
                e -> "{method=\"" + e.getKey().method() + "\",route=\"" + e.getKey().route() + "\",status=\"" + e.getKey().status() + "\"}",
                e -> e.getValue().sum()))).forEach((labels, n) -> b.append("refgrade_http_requests_total").append(labels).append(' ').append(n).append('\n'));
        b.append("# HELP refgrade_http_request_duration_seconds Time to answer a request, by route.\n");
        b.append("# TYPE refgrade_http_request_duration_seconds histogram\n");
        new TreeMap<>(durations).forEach((route, h) -> {
            String r = "route=\"" + route + "\"";
            for (int i = 0; i < BUCKETS.length; i++) {
                b.append("refgrade_http_request_duration_seconds_bucket{").append(r).append(",le=\"").append(BUCKETS[i]).append("\"} ")
                        .append(h.counts[i].sum()).append('\n');
            }
            b.append("refgrade_http_request_duration_seconds_bucket{").append(r).append(",le=\"+Inf\"} ").append(h.count.sum()).append('\n');
            b.append("refgrade_http_request_duration_seconds_sum{").append(r).append("} ").append(h.sum.sum()).append('\n');
            b.append("refgrade_http_request_duration_seconds_count{").append(r).append("} ").append(h.count.sum()).append('\n');
        });
        long[] commits = store.commitStats();
        gauge(b, "refgrade_group_commit_batches_total", "counter", "SQLite transactions that stored submissions.", commits[0]);
        gauge(b, "refgrade_group_commit_submissions_total", "counter", "Submissions those transactions stored.", commits[1]);
        Catalog.Snapshot s = catalog.snapshot();
        gauge(b, "refgrade_exercises_served", "gauge", "Exercises loaded and valid.", s.exercises().size());
        gauge(b, "refgrade_files_invalid", "gauge", "Exercise and rubric files that failed to load.", s.invalid().size());
        return b.toString();
    }

    private static void gauge(StringBuilder b, String name, String type, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        b.append(name).append(' ').append(value).append('\n');
    }
}
