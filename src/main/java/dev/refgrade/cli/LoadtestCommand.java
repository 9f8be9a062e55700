package dev.refgrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `loadtest`: a class submitting at once. Sets up a course of {@code --students} on a running
 * server, then {@code --clients} concurrent keep-alive connections each submit for their share of
 * the students as fast as answers come back; reports stored submissions per second and latencies.
 */
@Command(name = "loadtest", description = "Load a running server with concurrent submissions (docs/PERFORMANCE.md).")
final class LoadtestCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://localhost:7070") URI url;
    @Option(names = "--token", required = true, description = "An instructor's token (REFGRADE_ADMIN_TOKEN).") String token;
    @Option(names = "--clients", defaultValue = "64") int clients;
    @Option(names = "--students", defaultValue = "640") int students;
    @Option(names = "--exercise", defaultValue = "identity-is-vs-eq") String exercise;
    @Option(names = "--answers", defaultValue = "{\"alias\": true, \"after-append\": \"[1, 2, 3, 4]\", \"still-equal\": false}") String answers;
    @Option(names = "--warmup", defaultValue = "10", description = "Seconds of load before measuring.") int warmup;
    @Option(names = "--seconds", defaultValue = "30", description = "Seconds measured.") int seconds;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        String course = "load" + System.currentTimeMillis();
        List<String> tokens = setUp(course);
        String path = "/api/courses/" + course + "/assignments/a1/exercises/" + exercise + "/submissions";
        String body = "{\"answers\": " + answers + "}";
        long start = System.nanoTime(), measureFrom = start + warmup * 1_000_000_000L, end = measureFrom + seconds * 1_000_000_000L;
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[clients];
        long[] chars = new long[clients]; // of the measured 201 answers: what the server serialises per submission
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[] mine = new long[4_000_000 / clients];
            latencies.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                try (KeepAlive conn = new KeepAlive(url)) {
                    for (int n = 0; ; n++) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) return;
                        String student = tokens.get((client + n * clients) % tokens.size());
                        KeepAlive.Response r = conn.send("POST", path, student, body);
                        long t1 = System.nanoTime();
                        if (t0 < measureFrom) continue;
                        statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.status() == 201 && counts[client] < mine.length) {
                            mine[counts[client]++] = t1 - t0;
                            chars[client] += r.body().length();
                        }
                    }
                } catch (Exception e) {
                    System.err.println("client " + client + ": " + e);
                }
            }));
        }
        for (Thread t : threads) t.join();
        long[] all = new long[Arrays.stream(counts).sum()];
        for (int c = 0, at = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("clients    %d keep-alive connections, %d students, exercise %s, %d s warm-up, %d s measured%n",
                clients, students, exercise, warmup, seconds);
        System.out.printf("stored     %d submissions answered 201: %.0f per second%n", all.length, all.length / (double) seconds);
        System.out.printf("latency    p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms%n", pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.println("statuses   " + new TreeMap<>(statuses));
        System.out.printf("answers    %.0f characters of JSON each on average%n", all.length == 0 ? 0 : Arrays.stream(chars).sum() / (double) all.length);
        return statuses.keySet().stream().allMatch(s -> s == 201) ? 0 : 1;
    }

    private List<String> setUp(String course) throws Exception {
        try (KeepAlive conn = new KeepAlive(url)) {
            check(conn.send("POST", "/api/courses", token, JSON.writeValueAsString(Map.of("id", course, "title", "Load test"))));
            List<Map<String, String>> roster = new ArrayList<>();
            for (int i = 0; i < students; i++) roster.add(Map.of("id", "s" + i, "name", "Student " + i));
            JsonNode issued = JSON.readTree(check(conn.send("POST", "/api/courses/" + course + "/students", token, JSON.writeValueAsString(roster))));
            check(conn.send("POST", "/api/courses/" + course + "/assignments", token, JSON.writeValueAsString(Map.of("id", "a1",
                    "title", "Load", "exercises", List.of(exercise), "due", "2100-01-01T00:00:00Z", "rubric", "practice"))));
            List<String> tokens = new ArrayList<>();
            issued.forEach(s -> tokens.add(s.get("token").asText()));
            return tokens;
        }
    }

    private static String check(KeepAlive.Response r) {
        if (r.status() >= 300) throw new IllegalStateException("setting up failed: " + r.status() + " " + r.body());
        return r.body();
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }
}
