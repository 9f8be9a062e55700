package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.runtime.Limits;
import dev.refgrade.server.preview.PreviewRoutes;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the web UI needs beyond the contract: probe lines, the heap at a probe, exercise preview, the playground open to anyone. */
class WebApiTest {
    static final String E = "identity-is-vs-eq";
    @TempDir
    Path dir;
    TestServer s;
    Fixture f;

    @BeforeEach
    void start() {
        s = TestServer.start(Databases.sqlite(dir), TestServer.library(dir));
        f = Fixture.create(s, "cs101", 1, null);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void theExerciseViewSaysWhereEachQuestionProbes() {
        JsonNode q = s.api.get(f.exercisePath(E), f.token("s1")).json().get("questions").get(0);
        assertEquals("alias", q.get("id").asText());
        assertEquals(2, q.get("after").asInt());
    }

    @Test
    void aRevealedQuestionComesWithTheHeapAtItsProbe() {
        Api.Response r = s.api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", true, "still-equal", false)));
        assertEquals(201, r.status(), r.text());
        JsonNode alias = r.json().get("questions").get(0), wrong = r.json().get("questions").get(3);
        JsonNode module = alias.get("heap").get("frames").get(0);
        assertEquals("<module>", module.get("function").asText());
        assertEquals(module.get("names").get("a"), module.get("names").get("b"), "a and b name one list");
        assertTrue(wrong.get("heap").isNull(), "no drawing while the truth stays hidden");
        JsonNode again = s.api.get(f.submissions(E), f.token("s1")).json().get(0).get("questions").get(0);
        assertEquals(alias.get("heap"), again.get("heap"));
    }

    @Test
    void previewShowsEveryVariantsKeyAndADraftsProblemsWithPositions() {
        JsonNode p = s.api.get("/api/exercises/" + E + "/preview", TestServer.ADMIN).json();
        assertTrue(p.get("variants").get(0).get("answers").get("alias").asBoolean());
        assertEquals(0, p.get("problems").size());
        assertEquals(403, s.api.get("/api/exercises/" + E + "/preview", f.token("s1")).status());
        JsonNode draft = s.api.post("/api/exercises/check", TestServer.ADMIN,
                Map.of("yaml", "id: d\ntitle: D\ncode: |\n  a = 1\nquestions:\n  - id: q\n    prompt: p\n    answer: int\n    aftr: 1\n")).json();
        assertTrue(draft.get("problems").get(0).asText().startsWith("d.yaml:9:5: "), draft.toString());
        assertEquals(422, s.api.post("/api/exercises/check", TestServer.ADMIN, Map.of("yaml", " ")).status());
    }

    @Test
    void previewGivesEachVariantItsOwnProgramBesideItsKey() {
        JsonNode variants = s.api.get("/api/exercises/smallint-cache-boundary/preview", TestServer.ADMIN).json().get("variants");
        assertEquals(4, variants.size(), "hi in 255, 256 times lo in -5, -6");
        for (JsonNode v : variants) {
            String hi = v.get("params").get("hi").asText();
            assertTrue(v.get("code").asText().startsWith("a = int(\"" + hi + "\")"), v.get("code").asText());
            String lo = v.get("params").get("lo").asText();
            assertEquals(lo.equals("-5"), v.get("answers").get("low").asBoolean(), "the key of this variant's program: -5 is cached, -6 not");
        }
    }

    @Test
    void aDraftThatLoopsIsStoppedWithinTheDraftsOwnLimits() {
        String yaml = "id: loops\ntitle: L\ncode: |\n  while True:\n      pass\nquestions:\n  - id: q\n    prompt: p\n    answer: output\n";
        JsonNode draft = s.api.post("/api/exercises/check", TestServer.ADMIN, Map.of("yaml", yaml)).json();
        String problem = draft.get("problems").get(0).asText();
        Limits limits = PreviewRoutes.DRAFT_LIMITS;
        assertTrue(problem.contains("more than " + limits.maxSteps() + " steps") || problem.contains("more than " + limits.maxMillis() + " ms"),
                problem);
    }

    @Test
    void simulatorWorkWaitsForTheSharedGateThenIsRefusedAsBusy() throws Exception {
        SimulatorGate gate = new SimulatorGate(1, Duration.ofMillis(300));
        try (TestServer gated = new TestServer(Databases.sqlite(dir.resolve("gated")), dir,
                Config.defaults().withAdminToken(TestServer.ADMIN).withRateLimit(0, 0), new TestServer.MutableClock(), gate)) {
            CountDownLatch holding = new CountDownLatch(1), release = new CountDownLatch(1);
            Thread holder = Thread.ofVirtual().start(() -> {
                try {
                    gate.run(() -> {
                        holding.countDown();
                        return release.await(30, TimeUnit.SECONDS);
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            holding.await();
            Map<String, String> program = Map.of("code", "a = 1\n");
            for (Api.Response busy : List.of(gated.api.post("/api/playground/run", null, program),
                    gated.api.post("/api/exercises/check", TestServer.ADMIN, Map.of("yaml", "id: d\n")))) {
                assertEquals(503, busy.status(), busy.text());
                assertEquals("busy", busy.error());
                assertTrue(busy.raw().headers().firstValue("Retry-After").isPresent());
            }
            assertEquals(200, gated.api.get("/api/me", TestServer.ADMIN).status(), "other routes do not wait for the gate");
            release.countDown();
            holder.join();
            assertEquals(200, gated.api.post("/api/playground/run", null, program).status());
        }
    }

    @Test
    void largeAnswersAreGzippedForClientsThatAcceptItAndSubmissionsAreNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder run = HttpRequest.newBuilder(URI.create("http://localhost:" + s.app.port() + "/api/playground/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.write(Map.of("code", "a = []\nfor i in range(200):\n    a.append(i)\n"))));
        HttpResponse<byte[]> zipped = http.send(run.copy().header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse("none"));
        JsonNode steps = Api.MAPPER.readTree(new GZIPInputStream(new ByteArrayInputStream(zipped.body())));
        HttpResponse<String> plain = http.send(run.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("none", plain.headers().firstValue("Content-Encoding").orElse("none"), "no Accept-Encoding, no gzip");
        assertEquals(Api.MAPPER.readTree(plain.body()), steps);
        assertTrue(zipped.body().length * 10 < plain.body().length(), zipped.body().length + " bytes gzipped, " + plain.body().length() + " plain");

        Api.Response sub = s.api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", true)), "Accept-Encoding", "gzip");
        assertEquals(201, sub.status(), sub.text());
        assertEquals("none", sub.raw().headers().firstValue("Content-Encoding").orElse("none"), "a submission's answer is sent as is");
    }

    @Test
    void thePlaygroundIsForAnyone() {
        Api.Response anonymous = s.api.post("/api/playground/run", null, Map.of("code", "a = [1]\nb = a\n"));
        assertEquals(200, anonymous.status(), anonymous.text());
        assertEquals(2, anonymous.json().get("steps").get(1).get("line").asInt());
        assertEquals(200, s.api.post("/api/playground/run", f.token("s1"), Map.of("code", "a = 1\n")).status());
        assertEquals(401, s.api.post("/api/playground/run", "not-a-token", Map.of("code", "a = 1\n")).status(),
                "a token the server does not know is still refused, not taken for none");
    }

    @Test
    void callersWithoutAKnownTokenAreRateLimitedByTheirAddress() throws Exception {
        try (TestServer limited = new TestServer(Databases.sqlite(dir.resolve("limited")), dir,
                Config.defaults().withAdminToken(TestServer.ADMIN).withRateLimit(1, 3), new TestServer.MutableClock())) {
            String base = "http://127.0.0.1:" + limited.app.port();
            Api flooder = new Api(base, InetAddress.getByName("127.0.0.2"));
            Api neighbour = new Api(base, InetAddress.getByName("127.0.0.3"));
            assertEquals(200, neighbour.get("/api/me", TestServer.ADMIN).status());
            int refusedAt = -1;
            for (int i = 0; i < 6 && refusedAt < 0; i++) if (flooder.get("/api/me", "guess-" + i).status() == 429) refusedAt = i;
            assertEquals(3, refusedAt, "a burst of 3 unknown tokens, then refused before the database is asked");
            Api.Response r = flooder.get("/api/me", "guess-6");
            assertEquals("rate_limited", r.error());
            assertTrue(r.raw().headers().firstValue("Retry-After").isPresent());
            Map<String, String> program = Map.of("code", "a = 1\n");
            assertEquals(429, flooder.post("/api/playground/run", null, program).status(), "anonymous runs from that address too");
            assertEquals(200, neighbour.post("/api/playground/run", null, program).status(), "another address has its own bucket");
            assertEquals(200, neighbour.get("/api/me", TestServer.ADMIN).status(), "a valid token is unaffected by the flood");
            assertEquals(200, flooder.get("/api/me", TestServer.ADMIN).status(), "a known token counts for itself, even from that address");
        }
    }

    @Test
    void aKnownTokenReadAgainAfterItsMemoryExpiredDoesNotSpendItsAddressBudget() throws Exception {
        TestServer.MutableClock clock = new TestServer.MutableClock();
        try (TestServer limited = new TestServer(Databases.sqlite(dir.resolve("remembered")), dir,
                Config.defaults().withAdminToken(TestServer.ADMIN).withRateLimit(1, 3), clock)) {
            Api school = new Api("http://127.0.0.1:" + limited.app.port(), InetAddress.getByName("127.0.0.4"));
            assertEquals(200, school.get("/api/me", TestServer.ADMIN).status(), "first seen: the address pays");
            assertEquals(401, school.get("/api/me", "guess-1").status());
            assertEquals(401, school.get("/api/me", "guess-2").status());
            clock.now = clock.now.plusSeconds(11);
            assertEquals(200, school.get("/api/me", TestServer.ADMIN).status(), "the address's budget is spent, yet the token is read again");
        }
    }
}
