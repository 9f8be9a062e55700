package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Courses, rosters, assignments, views, gradebook, analysis, reload and limits over real HTTP; once per database. */
abstract class ServerApiContract extends ServerWithTestServer {
    ServerApiContract(Databases.Kind kind) {
        super(kind);
    }

    @Test
    void healthAndMetrics() {
        Api.Response h = api.get("/health", null);
        assertEquals(200, h.status());
        assertEquals("ok", h.json().get("database").asText());
        assertEquals(2, h.json().get("exercises").asInt());
        String metrics = api.get("/metrics", TestServer.ADMIN).text();
        assertTrue(metrics.contains("refgrade_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"} 1"), metrics);
    }

    @Test
    void madeUpMethodsShareOneMetricsLabel() {
        for (String method : new String[] {"FOO1", "FOO2", "FOO3"}) api.send(method, "/health", null, null, "application/json");
        String metrics = api.get("/metrics", TestServer.ADMIN).text();
        assertTrue(metrics.contains("method=\"OTHER\""), metrics);
        assertTrue(!metrics.contains("FOO"), "no label per made-up method: " + metrics);
    }

    @Test
    void coursesRostersAndAssignments() {
        Fixture f = Fixture.create(s, "cs101", 2, null);
        assertEquals("exists", api.post("/api/courses", TestServer.ADMIN, Map.of("id", "cs101", "title", "Again")).error());
        Api.Response bad = api.post("/api/courses", TestServer.ADMIN, Map.of("id", "no spaces", "title", "x"));
        assertEquals(422, bad.status());
        assertEquals("id", bad.json().get("field").asText());
        assertEquals("id", api.post("/api/courses", TestServer.ADMIN, Map.of("id", 5, "title", "x")).json().get("field").asText(),
                "a number is not taken for a string");
        assertEquals("unknown field 'tittle'; the fields are id, python, title",
                api.post("/api/courses", TestServer.ADMIN, Map.of("id", "c9", "tittle", "x")).json().get("detail").asText());
        // CSV roster: only the new student gets a token; s1 is already on the roster.
        Api.Response csv = api.send("POST", "/api/courses/cs101/students", TestServer.ADMIN, "id,name\ns1,Again\ns3,\"Lovelace, Ada\"\n", "text/csv");
        assertEquals(201, csv.status(), csv.text());
        assertEquals(1, csv.json().size());
        assertEquals("s3", csv.json().get(0).get("id").asText());
        assertEquals(3, api.get("/api/courses/cs101/students", TestServer.ADMIN).json().size());
        Api.Response badRow = api.post("/api/courses/cs101/students", TestServer.ADMIN, List.of(Map.of("id", "s9", "name", "A"), Map.of("id", "s 10", "name", "B")));
        assertEquals("[1].id", badRow.json().get("field").asText());
        assertEquals(3, api.get("/api/courses/cs101/students", TestServer.ADMIN).json().size(), "a bad row adds nobody");

        Map<String, Object> a = Map.of("id", "hw2", "title", "T", "exercises", List.of(E, "nope"), "due", "2025-03-01T00:00:00Z");
        assertEquals("exercises[1]", api.post("/api/courses/cs101/assignments", TestServer.ADMIN, a).json().get("field").asText());
        Map<String, Object> late = Map.of("id", "hw2", "title", "T", "exercises", List.of(E), "due", "tomorrow");
        assertEquals("due", api.post("/api/courses/cs101/assignments", TestServer.ADMIN, late).json().get("field").asText());
        Map<String, Object> rubric = Map.of("id", "hw2", "title", "T", "exercises", List.of(E), "due", "2025-03-01T00:00:00Z", "rubric", "nope");
        assertEquals("rubric", api.post("/api/courses/cs101/assignments", TestServer.ADMIN, rubric).json().get("field").asText());
        JsonNode list = api.get("/api/courses/cs101/assignments", f.token("s1")).json();
        assertEquals(1, list.size());
        assertEquals(Fixture.DUE.toString(), list.get(0).get("due").asText());
        assertEquals(E, list.get(0).get("exercises").get(0).get("id").asText());
    }

    @Test
    void theExerciseViewHoldsNoTruth() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        Api.Response r = api.get(f.exercisePath(E), f.token("s1"));
        assertEquals(200, r.status(), r.text());
        assertEquals(5, r.json().get("questions").size());
        assertEquals(0, r.json().get("truths").size());
        for (var e : f.key(s, "s1", E).properties()) {
            String answer = Api.write(e.getValue());
            if (answer.length() > 6) assertFalse(r.text().contains(answer), "the view shows the answer " + answer);
        }
        JsonNode variant = api.get(f.exercisePath("smallint-cache-boundary"), f.token("s1")).json().get("variant");
        assertEquals(2, variant.size());
    }

    @Test
    void theGradebookAsJsonAndCsv() {
        Fixture f = Fixture.create(s, "cs101", 2, null);
        api.post(f.submissions(E), f.token("s1"), Fixture.body(f.key(s, "s1", E)));
        JsonNode book = api.get("/api/courses/cs101/grades", TestServer.ADMIN).json();
        double max = book.get("assignments").get(0).get("max").asDouble();
        assertEquals(8.0, max, "5 questions of one exercise and 3 of the other, 1 point each");
        assertEquals(5.0, book.get("students").get(0).get("total").asDouble());
        assertTrue(book.get("students").get(1).get("total").isNull(), "nothing submitted is blank, not 0");
        assertTrue(book.get("students").get(1).get("assignments").get("hw1").isNull());
        String csv = api.get("/api/courses/cs101/grades?format=csv", TestServer.ADMIN).text();
        assertEquals(List.of("Student,ID,Identity (hw1),Total", "Points Possible,,8.0,8.0", "Student 1,s1,5.0,5.0", "Student 2,s2,,"),
                csv.lines().toList());
    }

    @Test
    void itemAnalysisFindsTheHardQuestionAndTheCommonWrongAnswer() {
        Fixture f = Fixture.create(s, "cs101", 8, null);
        for (int i = 1; i <= 8; i++) {
            ObjectNode answers = f.key(s, "s" + i, E);
            if (i > 4) answers.put("alias", false); // the weaker half also misses 'alias'
            if (i > 2) answers.put("after-append", "[1, 2, 3]");
            assertEquals(201, api.post(f.submissions(E), f.token("s" + i), Fixture.body(answers)).status());
        }
        JsonNode report = api.get(f.exercisePath(E) + "/analysis", TestServer.ADMIN).json();
        assertEquals(8, report.get("students").asInt());
        JsonNode alias = report.get("questions").get(0);
        assertEquals("alias", alias.get("id").asText());
        assertEquals(0.5, alias.get("correct").asDouble());
        assertEquals(1.0, alias.get("discrimination").asDouble(), "the top 2 all right, the bottom 2 all wrong");
        JsonNode append = report.get("questions").get(2);
        assertEquals(0.25, append.get("correct").asDouble());
        assertEquals("[1, 2, 3]", append.get("wrong").get(0).get("answer").asText());
        assertEquals(6, append.get("wrong").get(0).get("count").asInt());
        assertEquals("assignment-copies", append.get("wrong").get(0).get("misconception").asText(),
                "the grader's diagnosis: the answer of someone who thinks b = a copies the list");
    }

    @Test
    void reloadServesFixedExercisesAndRegradeAppendsNewGrades() throws Exception {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        ObjectNode answers = f.key(s, "s1", E);
        answers.put("after-append", "[1, 2, 3, 0]"); // what the fixed exercise will say
        assertEquals(4.0, api.post(f.submissions(E), f.token("s1"), Fixture.body(answers)).json().get("score").asDouble());
        Path file = dir.resolve("exercises/" + E + ".yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("append(4)", "append(0)"));
        java.nio.file.Files.writeString(dir.resolve("exercises/broken.yaml"), "id: broken\ntitle: [\n");
        JsonNode reloaded = api.post("/api/admin/reload", TestServer.ADMIN, "").json();
        assertEquals(2, reloaded.get("exercises").size(), "the broken file is left out, the rest are served");
        assertTrue(reloaded.get("invalid").get(0).get("problems").get(0).asText().matches(".*broken.yaml:\\d+:\\d+: .*"), reloaded.toString());
        JsonNode outcome = api.post("/api/courses/cs101/assignments/hw1/regrade", TestServer.ADMIN, "").json();
        assertEquals(1, outcome.get("regraded").asInt(), outcome.toString());
        assertEquals(1, outcome.get("changed").asInt());
        JsonNode mine = api.get(f.submissions(E), f.token("s1")).json();
        assertEquals(1, mine.size());
        assertTrue(mine.get(0).get("questions").get(2).get("correct").asBoolean(), "graded against the fixed exercise");
        assertEquals(0, api.post("/api/courses/cs101/assignments/hw1/regrade", TestServer.ADMIN, "").json().get("regraded").asInt(),
                "nothing is stale any more");
        assertEquals(1, s.store.submissions().history("cs101", "hw1", E, "s1").get(0).seq());
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        try (TestServer limited = new TestServer(database(dir.resolve("second")), dir, Config.defaults().withAdminToken(TestServer.ADMIN)
                .withRateLimit(1, 3), new TestServer.MutableClock())) {
            int limitedAt = -1;
            for (int i = 0; i < 6 && limitedAt < 0; i++) if (limited.api.get("/api/me", TestServer.ADMIN).status() == 429) limitedAt = i;
            assertEquals(3, limitedAt, "a burst of 3, then refused");
            Api.Response r = limited.api.get("/api/me", TestServer.ADMIN);
            assertEquals("rate_limited", r.error());
            assertTrue(r.raw().headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void anAssignmentIsEditedAndOneNobodySubmittedToIsDeleted() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        Map<String, Object> edit = Map.of("title", "Identity, reordered", "due", "2025-03-20T12:00:00Z",
                "exercises", List.of("smallint-cache-boundary", E), "rubric", "practice");
        Api.Response r = api.send("PUT", "/api/courses/cs101/assignments/hw1", TestServer.ADMIN, Api.write(edit), "application/json");
        assertEquals(200, r.status(), r.text());
        JsonNode now = api.get("/api/courses/cs101/assignments/hw1", f.token("s1")).json();
        assertEquals("Identity, reordered", now.get("title").asText());
        assertEquals("2025-03-20T12:00:00Z", now.get("due").asText());
        assertEquals("smallint-cache-boundary", now.get("exercises").get(0).get("id").asText());
        assertEquals(0, api.get(f.exercisePath(E), f.token("s1")).json().get("rubric").get("attempts").asInt(), "practice: unlimited");
        api.post(f.submissions(E), f.token("s1"), Map.of("answers", Map.of()));
        Api.Response drop = api.send("PUT", "/api/courses/cs101/assignments/hw1", TestServer.ADMIN,
                Api.write(Map.of("title", "T", "due", "2025-03-20T12:00:00Z", "exercises", List.of("smallint-cache-boundary"))), "application/json");
        assertEquals(409, drop.status(), "an exercise with submissions stays");
        assertEquals(409, api.send("DELETE", "/api/courses/cs101/assignments/hw1", TestServer.ADMIN, null, null).status());
        api.post("/api/courses/cs101/assignments", TestServer.ADMIN, Map.of("id", "hw2", "title", "Spare", "exercises", List.of(E), "due", "2025-04-01T00:00:00Z"));
        assertEquals(204, api.send("DELETE", "/api/courses/cs101/assignments/hw2", TestServer.ADMIN, null, null).status());
        assertEquals(404, api.get("/api/courses/cs101/assignments/hw2", TestServer.ADMIN).status());
    }

    @Test
    void aCourseIsRenamedUnderItsIdAndDeletedOnlyWhileEmpty() {
        Fixture.create(s, "cs101", 1, null);
        Api.Response renamed = api.send("PUT", "/api/courses/cs101", TestServer.ADMIN, Api.write(Map.of("title", "Memory, spring")), "application/json");
        assertEquals(200, renamed.status(), renamed.text());
        assertEquals("Memory, spring", api.get("/api/courses/cs101", TestServer.ADMIN).json().get("title").asText());
        assertEquals("not_empty", api.send("DELETE", "/api/courses/cs101", TestServer.ADMIN, null, null).error(), "students and an assignment stay");
        assertEquals(201, api.post("/api/courses", TestServer.ADMIN, Map.of("id", "oops", "title", "Made by mistake")).status());
        assertEquals(204, api.send("DELETE", "/api/courses/oops", TestServer.ADMIN, null, null).status());
        assertEquals(404, api.get("/api/courses/oops", TestServer.ADMIN).status());
        assertEquals(201, api.post("/api/courses", TestServer.ADMIN, Map.of("id", "oops", "title", "Again")).status(), "the id is free again");
    }
}
