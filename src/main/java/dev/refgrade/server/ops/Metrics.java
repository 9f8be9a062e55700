package dev.refgrade.server.ops;

import dev.refgrade.server.Catalog;
import dev.refgrade.store.Store;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request counts and latencies for /metrics, by Micrometer's Prometheus registry (the names it
 * gives are those refgrade always served: refgrade_http_requests_total, refgrade_http_request_duration_seconds),
 * and the request log: one line per request, without headers, so no token is logged.
 */
public final class Metrics implements AutoCloseable {
    private static final Duration[] BUCKETS = {ms(1), Duration.ofNanos(2_500_000), ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500),
            ms(1000), ms(2500)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AccessLog log = new AccessLog();
    /**
     * Each request's meters, found once per label set: building a meter and registering it again
     * (which finds the existing one) was 5 % of a submission's CPU. Routes are the app's path
     * patterns, so the sets are few.
     */
    private final Map<Labels, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();

    private record Labels(String method, String route, int status) {}

    /**
     * Javalin 7 names any method a client sends (or puts in X-HTTP-Method-Override) as it came, so
     * the others share one label: made-up methods must not make meters without end.
     */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    public Metrics(Store store, Catalog catalog) {
        FunctionCounter.builder("refgrade.group.commit.batches", store, s -> s.commitStats()[0])
                .description("SQLite transactions that stored submissions.").register(registry);
        FunctionCounter.builder("refgrade.group.commit.submissions", store, s -> s.commitStats()[1])
                .description("Submissions those transactions stored.").register(registry);
        Gauge.builder("refgrade.exercises.served", catalog, c -> c.snapshot().exercises().size())
                .description("Exercises loaded and valid.").register(registry);
        Gauge.builder("refgrade.files.invalid", catalog, c -> c.snapshot().invalid().size())
                .description("Exercise and rubric files that failed to load.").register(registry);
        Gauge.builder("refgrade.lti.scores.owed", store, s -> s.lti().owed())
                .description("Scores waiting to be taken by an LMS (LTI AGS).").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** Javalin's request logger: called once per request when its response is written. */
    public void record(Context ctx, Float millis) {
        // Static files (the web UI) and unknown paths match no HTTP endpoint, so have no route path to report.
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        int status = ctx.statusCode();
        String route = endpoint != null ? endpoint.path : status == 404 ? "other" : "static";
        String method = METHODS.contains(ctx.method().name()) ? ctx.method().name() : "OTHER";
        requests.computeIfAbsent(new Labels(method, route, status), l -> Counter.builder("refgrade.http.requests")
                .description("HTTP requests by method, route and status.")
                .tags("method", l.method(), "route", l.route(), "status", Integer.toString(l.status())).register(registry)).increment();
        durations.computeIfAbsent(route, r -> Timer.builder("refgrade.http.request.duration").description("Time to answer a request, by route.")
                .tag("route", r).serviceLevelObjectives(BUCKETS).register(registry)).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        log.log(Instant.now() + " " + ctx.method() + " " + ctx.path() + " " + status + " " + Math.round(millis * 10) / 10.0 + " ms");
    }

    @Override
    public void close() {
        log.close();
        registry.close();
    }

    /** The Prometheus text exposition format. */
    public String render() {
        return registry.scrape();
    }
}
