package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two server instances on one PostgreSQL database, as when a course outgrows one machine. */
class ServerTwoInstancesTest {
    static final String E = "identity-is-vs-eq";
    @TempDir
    Path dir;
    String schema;
    TestServer one;
    TestServer two;

    @BeforeEach
    void start() throws Exception {
        schema = Databases.postgresSchema();
        Path library = TestServer.library(dir);
        // Started together: the migration runs once, the other instance waits for it.
        var first = CompletableFuture.supplyAsync(() -> TestServer.start(Databases.postgresUrl(schema), library));
        two = TestServer.start(Databases.postgresUrl(schema), library);
        one = first.get();
    }

    @AfterEach
    void stop() {
        one.close();
        two.close();
        Databases.dropPostgres(schema);
    }

    @Test
    void aSubmissionThroughOneIsGradedAndVisibleThroughTheOther() {
        Fixture f = Fixture.create(one, "cs101", 2, null);
        Api.Response r = one.api.post(f.submissions(E), f.token("s1"), Fixture.body(f.key(one, "s1", E)));
        assertEquals(201, r.status(), r.text());
        JsonNode seen = two.api.get(f.submissions(E), f.token("s1")).json();
        assertEquals(1, seen.size());
        assertEquals(r.json().get("id"), seen.get(0).get("id"));
        assertEquals(r.json().get("score"), seen.get(0).get("score"));
        assertEquals(5.0, two.api.get("/api/courses/cs101/grades", TestServer.ADMIN).json().get("students").get(0).get("total").asDouble());
    }

    @Test
    void aRetryThroughTheOtherInstanceCountsOnce() {
        Fixture f = Fixture.create(one, "cs101", 1, null);
        Map<String, Object> body = Map.of("answers", Map.of("alias", true));
        Api.Response first = one.api.post(f.submissions(E), f.token("s1"), body, "Idempotency-Key", "retry-1");
        Api.Response retry = two.api.post(f.submissions(E), f.token("s1"), body, "Idempotency-Key", "retry-1");
        assertEquals(201, retry.status());
        assertEquals(first.json(), retry.json());
        assertEquals(1, two.api.get(f.submissions(E), f.token("s1")).json().size());
    }

    @Test
    void attemptsThroughBothInstancesAtOnceAreNumberedOnce() throws Exception {
        Fixture f = Fixture.create(one, "cs101", 1, "practice");
        List<Future<Api.Response>> sent = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                TestServer via = i % 2 == 0 ? one : two;
                sent.add(pool.submit(() -> via.api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", true)))));
            }
        }
        Set<Integer> attempts = new HashSet<>();
        for (Future<Api.Response> r : sent) {
            assertEquals(201, r.get().status(), r.get().text());
            attempts.add(r.get().json().get("attempt").asInt());
        }
        assertEquals(20, attempts.size(), "every attempt number given once: " + attempts);
        assertEquals(20, one.api.get(f.submissions(E), f.token("s1")).json().size());
    }
}
