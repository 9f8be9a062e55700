package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server in a child JVM on SQLite, killed with SIGKILL in the middle of a stream of
 * submissions and started again: every submission answered 201 is there, once, and a retry of
 * it with its Idempotency-Key stores nothing new. Stopped with SIGTERM instead, it finishes the
 * requests in flight, so everything it stored was answered.
 */
class ServerCrashTest {
    static final String E = "identity-is-vs-eq";
    @TempDir
    Path dir;

    @Test
    void everySubmissionAnswered201SurvivesSigkillExactlyOnce() throws Exception {
        JsonNode all = streamThenStop(true);
        System.out.printf("crash test: %d submissions stored after SIGKILL and restart, every 201 among them once%n", all.size());
    }

    /** SIGTERM lets every request in flight finish: nothing is stored that was not answered 201. */
    @Test
    void sigtermAnswersEveryRequestItStores() throws Exception {
        streamThenStop(false);
    }

    private JsonNode streamThenStop(boolean kill) throws Exception {
        Path library = TestServer.library(dir);
        String db = Databases.sqlite(dir);
        int port = freePort();
        Process server = start(library, db, port);
        Api api = new Api("http://localhost:" + port);
        Map<String, String> answered = new ConcurrentHashMap<>(); // Idempotency-Key -> submission id
        Map<String, String> keyStudent = new ConcurrentHashMap<>();
        Fixture f;
        try {
            f = Fixture.create(api, TestServer.ADMIN, "cs101", 32, "practice");
            AtomicInteger sent = new AtomicInteger();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 16; c++) {
                    int client = c;
                    pool.submit(() -> {
                        for (int n = 0; ; n++) {
                            String student = "s" + (1 + (client * 2 + n % 2));
                            String key = "c" + client + "-" + n;
                            keyStudent.put(key, student);
                            sent.incrementAndGet();
                            try {
                                Api.Response r = api.post(f.submissions(E), f.token(student), Map.of("answers", Map.of("alias", n % 3 == 0)),
                                        "Idempotency-Key", key);
                                if (r.status() == 201) answered.put(key, r.json().get("id").asText());
                            } catch (UncheckedIOException | IllegalStateException killed) {
                                return;
                            }
                        }
                    });
                }
                Instant until = Instant.now().plusSeconds(20);
                while (answered.size() < 400 && Instant.now().isBefore(until)) Thread.sleep(5);
                if (kill) server.destroyForcibly().waitFor(); // SIGKILL, with requests in flight
                else server.destroy(); // SIGTERM, with requests in flight
                server.waitFor();
            }
            assertTrue(answered.size() >= 400, "only " + answered.size() + " of " + sent.get() + " answered before the kill");
        } finally {
            server.destroyForcibly().waitFor();
        }

        server = start(library, db, port);
        try {
            Map<String, Integer> stored = new HashMap<>();
            JsonNode all = api.getAll(f.submissions(E), TestServer.ADMIN);
            for (JsonNode s : all) stored.merge(s.get("id").asText(), 1, Integer::sum);
            for (var e : answered.entrySet()) assertEquals(1, stored.getOrDefault(e.getValue(), 0), "submission " + e + " after the restart");
            Map<String, Integer> attempts = new HashMap<>();
            for (JsonNode s : all) {
                int n = attempts.merge(s.get("student").asText(), 1, Integer::sum);
                assertEquals(n, s.get("attempt").asInt(), "attempts are numbered without gaps or repeats");
            }
            // Retried after the restart, an answered request gives its first id again and stores nothing.
            for (String key : List.copyOf(answered.keySet()).subList(0, 50)) {
                Api.Response r = api.post(f.submissions(E), f.token(keyStudent.get(key)),
                        Map.of("answers", Map.of("alias", Integer.parseInt(key.substring(key.indexOf('-') + 1)) % 3 == 0)), "Idempotency-Key", key);
                assertEquals(answered.get(key), r.json().get("id").asText());
            }
            assertEquals(all.size(), api.getAll(f.submissions(E), TestServer.ADMIN).size());
            if (!kill) assertEquals(answered.size(), all.size(), "stored without an answer: " + (all.size() - answered.size()));
            return all;
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static Process start(Path library, String db, int port) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.refgrade.cli.Main", "serve", "--port", Integer.toString(port),
                "--db", db, "--exercises", library.resolve("exercises").toString(), "--rubrics", library.resolve("rubrics").toString(),
                "--rate-limit", "0", "--submits-per-minute", "0");
        pb.environment().put("REFGRADE_ADMIN_TOKEN", TestServer.ADMIN);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(library.resolve("server.log").toFile()));
        Process p = pb.start();
        Api api = new Api("http://localhost:" + port);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until) && p.isAlive()) {
            try {
                if (api.get("/health", null).status() == 200) return p;
            } catch (UncheckedIOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start; see " + library.resolve("server.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
