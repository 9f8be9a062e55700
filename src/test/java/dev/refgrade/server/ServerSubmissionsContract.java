package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Submitting over real HTTP: grading, storing, refusals, idempotency, attempts; once per database. */
abstract class ServerSubmissionsContract extends ServerWithTestServer {
    ServerSubmissionsContract(Databases.Kind kind) {
        super(kind);
    }

    @Test
    void aSubmissionIsGradedStoredAndListed() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        Api.Response r = api.post(f.submissions(E), f.token("s1"), Fixture.body(f.key(s, "s1", E)));
        assertEquals(201, r.status(), r.text());
        assertEquals(r.json().get("max").asDouble(), r.json().get("score").asDouble());
        assertEquals(1, r.json().get("attempt").asInt());
        assertTrue(r.json().get("questions").get(0).get("correct").asBoolean());
        assertNotNull(r.json().get("questions").get(0).get("truth"), "the default rubric reveals what was answered correctly");
        JsonNode mine = api.get(f.submissions(E), f.token("s1")).json();
        assertEquals(1, mine.size());
        assertEquals(r.json().get("id"), mine.get(0).get("id"));
        JsonNode all = api.get(f.submissions(E), TestServer.ADMIN).json();
        assertEquals("s1", all.get(0).get("student").asText());
    }

    @Test
    void badSubmissionsAreRefusedAndStoreNothing() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        String t = f.token("s1");
        Api.Response wrongKind = api.post(f.submissions(E), t, Map.of("answers", Map.of("alias", "yes")));
        assertEquals(422, wrongKind.status(), wrongKind.text());
        assertEquals("wrong_kind", wrongKind.error());
        assertEquals("answers.alias", wrongKind.json().get("field").asText());
        Api.Response unknown = api.post(f.submissions(E), t, Map.of("answers", Map.of("q9", 1)));
        assertEquals("unknown_question", unknown.error());
        assertEquals("answers.q9", unknown.json().get("field").asText());
        Api.Response malformed = api.post(f.submissions(E), t, "{\"answers\": {\"alias\": tru}}");
        assertEquals(400, malformed.status());
        assertTrue(malformed.json().get("detail").asText().contains("line 1, column"), malformed.text());
        Api.Response shape = api.post(f.submissions(E), t, "{\"answer\": {}}");
        assertEquals(422, shape.status());
        assertEquals("answer", shape.json().get("field").asText());
        Api.Response big = api.post(f.submissions(E), t, Map.of("answers", Map.of("after-append", "x".repeat(300_000))));
        assertEquals(413, big.status());
        assertEquals("too_large", big.error());
        Api.Response chunked = api.postChunked(f.submissions(E), t, Api.write(Map.of("answers", Map.of("after-append", "x".repeat(300_000)))));
        assertEquals(413, chunked.status(), "without a Content-Length the limit holds too");
        Api.Response cut = api.post(f.submissions(E), t, "{\"answers\": [1, 2");
        assertEquals(400, cut.status(), "not JSON, whatever its shape so far: " + cut.text());
        assertEquals(404, api.post(f.submissions("no-such-exercise"), t, Map.of("answers", Map.of())).status());
        assertEquals(0, api.get(f.submissions(E), t).json().size());
        assertEquals(1, api.post(f.submissions(E), t, Map.of("answers", Map.of())).json().get("attempt").asInt(),
                "refused requests used no attempt");
    }

    @Test
    void anIdempotencyKeyMakesARetryCountOnce() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        Map<String, Object> body = Map.of("answers", Map.of("alias", true));
        Api.Response first = api.post(f.submissions(E), f.token("s1"), body, "Idempotency-Key", "k-1");
        Api.Response again = api.post(f.submissions(E), f.token("s1"), body, "Idempotency-Key", "k-1");
        assertEquals(201, again.status());
        assertEquals(first.json(), again.json());
        Api.Response other = api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", false)), "Idempotency-Key", "k-1");
        assertEquals(409, other.status());
        assertEquals("idempotency_key_reused", other.error());
        assertEquals(1, api.get(f.submissions(E), f.token("s1")).json().size());
    }

    @Test
    void concurrentSubmissionsOfOneStudentGetDistinctAttempts() throws Exception {
        Fixture f = Fixture.create(s, "cs101", 1, "practice");
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
            for (int i = 0; i < 16; i++) futures.add(pool.submit(() -> api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of("alias", true)))));
            for (var fu : futures) assertEquals(201, fu.get().status());
        }
        JsonNode mine = api.get(f.submissions(E), f.token("s1")).json();
        assertEquals(16, mine.size());
        for (int i = 0; i < 16; i++) assertEquals(i + 1, mine.get(i).get("attempt").asInt());
    }

    @Test
    void theRubricLimitsAttemptsAndCutsOffLateWork() {
        Fixture f = Fixture.create(s, "cs101", 2, "exam");
        Api.Response first = api.post(f.submissions(E), f.token("s1"), Fixture.body(f.key(s, "s1", E)));
        assertEquals(201, first.status());
        assertTrue(first.json().get("questions").get(0).get("truth").isNull(), "the exam rubric never reveals");
        assertEquals(0, api.get(f.exercisePath(E), f.token("s1")).json().get("truths").size());
        Api.Response second = api.post(f.submissions(E), f.token("s1"), Fixture.body(f.key(s, "s1", E)));
        assertEquals(409, second.status());
        assertEquals("no_attempts_left", second.error());
        s.clock.now = Fixture.DUE.plusSeconds(1);
        Api.Response late = api.post(f.submissions(E), f.token("s2"), Fixture.body(f.key(s, "s2", E)));
        assertEquals(409, late.status());
        assertEquals("past_cutoff", late.error());
        assertEquals(0, api.get(f.submissions(E), f.token("s2")).json().size());
    }

    @Test
    void aTruthIsShownOnlyOnceTheRubricAllows() {
        Fixture f = Fixture.create(s, "cs101", 1, null); // default rubric: a truth once answered correctly
        String t = f.token("s1");
        JsonNode key = f.key(s, "s1", E);
        Api.Response wrong = api.post(f.submissions(E), t, Map.of("answers", Map.of("alias", !key.get("alias").asBoolean())));
        assertTrue(wrong.json().get("questions").get(0).get("truth").isNull(), wrong.text());
        assertEquals(0, api.get(f.exercisePath(E), t).json().get("truths").size());
        assertTrue(api.get(f.submissions(E), t).json().get(0).get("questions").get(0).get("truth").isNull());
        api.post(f.submissions(E), t, Map.of("answers", Map.of("alias", key.get("alias").asBoolean())));
        JsonNode truths = api.get(f.exercisePath(E), t).json().get("truths");
        assertEquals(1, truths.size(), "only the question answered correctly: " + truths);
        assertEquals(key.get("alias"), truths.get("alias"));
        assertEquals(key.get("alias"), api.get(f.submissions(E), t).json().get(0).get("questions").get(0).get("truth"),
                "an earlier attempt shows it now too");
    }

    @Test
    void anExamShowsNeitherScoreNorVerdictUntilTheDueDate() {
        Fixture f = Fixture.create(s, "cs101", 1, "exam");
        JsonNode first = api.post(f.submissions(E), f.token("s1"), Fixture.body(f.key(s, "s1", E))).json();
        assertTrue(first.get("withheld").asBoolean());
        assertTrue(first.get("score").isNull(), first.toString());
        JsonNode q = first.get("questions").get(0);
        assertTrue(q.get("correct").isNull() && q.get("points").isNull() && q.get("feedback").isNull(), "a verdict would give the truth away: " + q);
        assertTrue(api.get(f.submissions(E), TestServer.ADMIN).json().get(0).get("questions").get(0).get("correct").asBoolean(),
                "the instructor sees every verdict");
        s.clock.now = Fixture.DUE.plusSeconds(1);
        JsonNode after = api.get(f.submissions(E), f.token("s1")).json().get(0);
        assertEquals(after.get("max").asDouble(), after.get("score").asDouble(), "after the due date the score is shown");
        assertTrue(after.get("questions").get(0).get("correct").asBoolean());
    }

    @Test
    void theExerciseStatesTheTermsOfTheNextAttempt() {
        Fixture f = Fixture.create(s, "cs101", 1, null); // default rubric: 5 attempts, 10% per attempt after the first, 10% per late day
        api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of()));
        s.clock.now = Fixture.DUE.plusSeconds(3600);
        JsonNode terms = api.get(f.exercisePath(E), f.token("s1")).json().get("terms");
        assertEquals(5, terms.get("attempts_allowed").asInt());
        assertEquals(1, terms.get("attempts_made").asInt());
        assertTrue(terms.get("late_now").asBoolean());
        assertEquals(0.9 * 0.9, terms.get("next_attempt_keeps").asDouble(), 1e-9, "attempt 2, one started day late");
        assertEquals(Fixture.DUE.plus(java.time.Duration.ofDays(7)).toString(), terms.get("closes_at").asText());
        assertTrue(terms.get("closed").isNull());
        s.clock.now = Fixture.DUE.plus(java.time.Duration.ofDays(8));
        assertEquals("past_cutoff", api.get(f.exercisePath(E), f.token("s1")).json().get("terms").get("closed").asText());
    }

    @Test
    void aStudentsProgressIsOneRequestForEveryAssignment() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        api.post(f.submissions(E), f.token("s1"), Fixture.body(f.key(s, "s1", E)));
        JsonNode page = api.get("/api/progress", f.token("s1")).json();
        assertEquals("cs101", page.get("course").get("id").asText());
        JsonNode exercises = page.get("assignments").get(0).get("exercises");
        assertEquals(E, exercises.get(0).get("id").asText());
        assertEquals(1, exercises.get(0).get("attempts_made").asInt());
        assertEquals(5, exercises.get(0).get("attempts_allowed").asInt());
        assertEquals(exercises.get(0).get("max").asDouble(), exercises.get(0).get("score").asDouble());
        assertTrue(exercises.get(1).get("score").isNull(), "not submitted is blank, not 0");
        assertEquals(403, api.get("/api/progress", TestServer.ADMIN).status());
    }

    @Test
    void anExtensionAndExtraAttemptsHoldForThatStudentOnly() {
        Fixture f = Fixture.create(s, "cs101", 2, "exam"); // one attempt, no late work
        String path = "/api/courses/cs101/assignments/hw1/accommodations/s1";
        var extension = Map.of("due", Fixture.DUE.plus(java.time.Duration.ofDays(3)).toString(), "extra_attempts", 1, "note", "ill");
        Api.Response put = api.send("PUT", path, TestServer.ADMIN, Api.write(extension), "application/json");
        assertEquals(200, put.status(), put.text());
        s.clock.now = Fixture.DUE.plus(java.time.Duration.ofDays(1));
        assertEquals(201, api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of())).status(), "s1's own due date");
        assertEquals(201, api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of())).status(), "s1's second attempt");
        assertEquals("no_attempts_left", api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of())).error());
        assertEquals("past_cutoff", api.post(f.submissions(E), f.token("s2"), Map.of("answers", Map.of())).error(), "s2 has no extension");
        JsonNode terms = api.get(f.exercisePath(E), f.token("s1")).json().get("terms");
        assertEquals(extension.get("due"), terms.get("due").asText());
        assertEquals(2, terms.get("attempts_allowed").asInt());
        assertEquals("ill", api.get("/api/courses/cs101/assignments/hw1/accommodations", TestServer.ADMIN).json().get(0).get("note").asText());
        assertEquals(204, api.send("DELETE", path, TestServer.ADMIN, null, null).status());
        assertEquals(404, api.send("PUT", "/api/courses/cs101/assignments/hw1/accommodations/nobody", TestServer.ADMIN,
                Api.write(extension), "application/json").status());
    }

    @Test
    void anAssignmentIsNotThereForStudentsUntilItsRelease() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        var later = Map.of("id", "hw2", "title", "Later", "exercises", java.util.List.of(E), "due", Fixture.DUE.toString(),
                "release", s.clock.now.plusSeconds(3600).toString());
        assertEquals(201, api.post("/api/courses/cs101/assignments", TestServer.ADMIN, later).status());
        String hw2 = "/api/courses/cs101/assignments/hw2/exercises/" + E;
        assertEquals(1, api.get("/api/progress", f.token("s1")).json().get("assignments").size(), "hw1 only");
        assertEquals(1, api.get("/api/courses/cs101/assignments", f.token("s1")).json().size());
        assertEquals(404, api.get(hw2, f.token("s1")).status());
        assertEquals(404, api.post(hw2 + "/submissions", f.token("s1"), Map.of("answers", Map.of())).status());
        assertEquals(2, api.get("/api/courses/cs101/assignments", TestServer.ADMIN).json().size(), "the instructor sees it");
        s.clock.now = s.clock.now.plusSeconds(3600);
        assertEquals(2, api.get("/api/progress", f.token("s1")).json().get("assignments").size());
        assertEquals(201, api.post(hw2 + "/submissions", f.token("s1"), Map.of("answers", Map.of())).status());
    }

    @Test
    void aReleaseAfterTheDueDateIsRefused() {
        Fixture.create(s, "cs101", 1, null);
        var bad = Map.of("id", "hw2", "title", "Later", "exercises", java.util.List.of(E), "due", Fixture.DUE.toString(),
                "release", Fixture.DUE.plusSeconds(1).toString());
        Api.Response r = api.post("/api/courses/cs101/assignments", TestServer.ADMIN, bad);
        assertEquals(422, r.status());
        assertEquals("release", r.json().get("field").asText());
    }

    @Test
    void aResetGivesTheStudentAFreshStartAndKeepsTheOldAttemptsStored() {
        Fixture f = Fixture.create(s, "cs101", 2, "exam"); // one attempt
        String reset = f.exercisePath(E) + "/students/s1/reset";
        assertEquals(201, api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of())).status());
        assertEquals("no_attempts_left", api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of())).error());
        Api.Response r = api.post(reset, TestServer.ADMIN, Map.of());
        assertEquals(200, r.status(), r.text());
        assertEquals(1, r.json().get("voided_through").asInt());
        assertEquals(0, api.get(f.exercisePath(E), f.token("s1")).json().get("terms").get("attempts_made").asInt());
        assertTrue(api.get("/api/courses/cs101/grades", TestServer.ADMIN).json().get("students").get(0).get("exercises").get("hw1/" + E).isNull(),
                "a reset attempt no longer counts: blank, not its old score");
        Api.Response again = api.post(f.submissions(E), f.token("s1"), Fixture.body(f.key(s, "s1", E)));
        assertEquals(201, again.status(), again.text());
        assertEquals(2, again.json().get("attempt").asInt(), "numbered after every stored attempt");
        JsonNode listed = api.get(f.submissions(E), f.token("s1")).json();
        assertTrue(listed.get(0).get("voided").asBoolean() && !listed.get(1).get("voided").asBoolean(), listed.toString());
        assertEquals("nothing_to_reset", api.post(f.exercisePath(E) + "/students/s2/reset", TestServer.ADMIN, Map.of()).error());
        assertEquals(403, api.post(reset, f.token("s1"), Map.of()).status());
        assertEquals(404, api.post(f.exercisePath(E) + "/students/nobody/reset", TestServer.ADMIN, Map.of()).status());
    }

    @Test
    void aScoreOverrideWithItsNoteReachesTheStudentTheGradebookAndItsExports() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        String path = f.exercisePath(E) + "/students/s1/override";
        api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of()));
        var body = Map.of("score", 2.5, "note", "question 3 was ambiguous");
        Api.Response put = api.send("PUT", path, TestServer.ADMIN, Api.write(body), "application/json");
        assertEquals(200, put.status(), put.text());
        JsonNode mine = api.get(f.exercisePath(E), f.token("s1")).json().get("override");
        assertEquals(2.5, mine.get("score").asDouble());
        assertEquals("question 3 was ambiguous", mine.get("note").asText());
        assertEquals(2.5, api.get("/api/progress", f.token("s1")).json().get("assignments").get(0).get("exercises").get(0).get("score").asDouble());
        JsonNode row = api.get("/api/courses/cs101/grades", TestServer.ADMIN).json().get("students").get(0);
        assertEquals(2.5, row.get("exercises").get("hw1/" + E).asDouble());
        assertEquals("question 3 was ambiguous", row.get("overrides").get("hw1/" + E).get("note").asText());
        assertTrue(api.get("/api/courses/cs101/grades?format=csv", TestServer.ADMIN).text().contains("Student 1,s1,2.5,2.5"));
        assertTrue(api.get("/api/courses/cs101/grades?format=overrides", TestServer.ADMIN).text()
                .contains("s1,hw1," + E + ",2.5,question 3 was ambiguous,admin,"));
        assertEquals(204, api.send("DELETE", path, TestServer.ADMIN, null, null).status());
        assertTrue(api.get(f.exercisePath(E), f.token("s1")).json().get("override").isNull());
    }

    @Test
    void anOverrideNeedsANoteAndAScoreWithinWhatTheExerciseIsWorth() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        String path = f.exercisePath(E) + "/students/s1/override";
        Api.Response noNote = api.send("PUT", path, TestServer.ADMIN, Api.write(Map.of("score", 1)), "application/json");
        assertEquals("note", noNote.json().get("field").asText(), noNote.text());
        Api.Response tooMuch = api.send("PUT", path, TestServer.ADMIN, Api.write(Map.of("score", 1000, "note", "x")), "application/json");
        assertEquals(422, tooMuch.status());
        assertEquals("score", tooMuch.json().get("field").asText());
        assertEquals(404, api.send("DELETE", path, TestServer.ADMIN, null, null).status(), "none to remove");
    }
}
