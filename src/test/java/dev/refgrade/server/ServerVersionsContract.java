package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CPython a course's and an assignment's keys are for: chosen by the instructor, stored, and
 * followed by keys, grades and the student's page; once per database.
 */
abstract class ServerVersionsContract extends ServerWithTestServer {
    /** A library exercise whose first question is 3 on 3.11 and 2 on 3.14 (the argument is borrowed). */
    static final String CALL = "functions-refcount-inside-call";
    /** The same program in a file that names CPython 3.14. */
    static final String PINNED = "refcount-inside-call-pinned";

    ServerVersionsContract(Databases.Kind kind) {
        super(kind);
    }

    @BeforeEach
    void addExercises() throws IOException {
        String text = Files.readString(Path.of("exercises", CALL + ".yaml"));
        Files.writeString(dir.resolve("exercises/" + CALL + ".yaml"), text);
        Files.writeString(dir.resolve("exercises/" + PINNED + ".yaml"), text.replace("id: " + CALL, "id: " + PINNED + "\npython: \"3.14\""));
        s.catalog.reload();
    }

    @Test
    void aCourseIsFor311UntilTheInstructorChooses() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        assertEquals("3.11", api.get("/api/courses/cs101", TestServer.ADMIN).json().get("python").asText());
        assertEquals("3.11", api.get(f.exercisePath(E), f.token("s1")).json().get("python").asText());
        Api.Response chosen = put("/api/courses/cs101", Map.of("title", "Course cs101", "python", "3.13"));
        assertEquals(200, chosen.status(), chosen.text());
        assertEquals("3.13", api.get("/api/courses/cs101", TestServer.ADMIN).json().get("python").asText());
        assertEquals("3.13", api.get(f.exercisePath(E), f.token("s1")).json().get("python").asText(), "the student's page says which Python");
        JsonNode hw1 = api.get("/api/courses/cs101/assignments/hw1", TestServer.ADMIN).json();
        assertTrue(hw1.get("python").isNull(), "the assignment names none: it follows its course");
        assertEquals("3.13", hw1.get("keyed_for").asText());
    }

    @Test
    void aRenameWithoutAVersionKeepsTheCoursesVersion() {
        Fixture.create(s, "cs101", 1, null);
        put("/api/courses/cs101", Map.of("title", "Course cs101", "python", "3.12"));
        assertEquals(200, put("/api/courses/cs101", Map.of("title", "Renamed")).status());
        assertEquals("3.12", api.get("/api/courses/cs101", TestServer.ADMIN).json().get("python").asText());
    }

    @Test
    void theKeyAndTheGradeAreTheAssignmentsVersions() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        assertEquals(201, api.post("/api/courses/cs101/assignments", TestServer.ADMIN, assignment("old", null)).status());
        assertEquals(201, api.post("/api/courses/cs101/assignments", TestServer.ADMIN, assignment("new", "3.14")).status());
        assertEquals(3, api.get(path("old") + "?student=s1", TestServer.ADMIN).json().get("truths").get("first-call").asInt());
        assertEquals(2, api.get(path("new") + "?student=s1", TestServer.ADMIN).json().get("truths").get("first-call").asInt());
        JsonNode graded = api.post(path("new") + "/submissions", f.token("s1"), Map.of("answers", Map.of("first-call", 2))).json();
        assertTrue(graded.get("questions").get(0).get("correct").asBoolean(), graded.toString());
        assertEquals("3.14", api.get(path("new"), f.token("s1")).json().get("python").asText());
    }

    @Test
    void anAssignmentsVersionOverridesItsCourses() {
        Fixture.create(s, "cs101", 1, null);
        put("/api/courses/cs101", Map.of("title", "Course cs101", "python", "3.14"));
        assertEquals(201, api.post("/api/courses/cs101/assignments", TestServer.ADMIN, assignment("old", "3.11")).status());
        JsonNode a = api.get("/api/courses/cs101/assignments/old", TestServer.ADMIN).json();
        assertEquals("3.11", a.get("keyed_for").asText());
        assertEquals(3, api.get(path("old") + "?student=s1", TestServer.ADMIN).json().get("truths").get("first-call").asInt());
    }

    @Test
    void anExerciseThatNamesItsVersionKeepsItAndTheInstructorSeesWhy() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        var body = new LinkedHashMap<>(assignment("mixed", "3.12"));
        body.put("exercises", List.of(CALL, PINNED));
        assertEquals(201, api.post("/api/courses/cs101/assignments", TestServer.ADMIN, body).status());
        JsonNode exercises = api.get("/api/courses/cs101/assignments/mixed", TestServer.ADMIN).json().get("exercises");
        assertEquals("3.12", exercises.get(0).get("python").asText());
        assertEquals(false, exercises.get(0).get("pinned").asBoolean());
        assertEquals("3.14", exercises.get(1).get("python").asText());
        assertEquals(true, exercises.get(1).get("pinned").asBoolean());
        String pinned = "/api/courses/cs101/assignments/mixed/exercises/" + PINNED;
        assertEquals("3.14", api.get(pinned, f.token("s1")).json().get("python").asText());
        assertEquals(2, api.get(pinned + "?student=s1", TestServer.ADMIN).json().get("truths").get("first-call").asInt());
    }

    @Test
    void aVersionRefgradeDoesNotModelIsRefusedAndChangesNothing() {
        Fixture.create(s, "cs101", 1, null);
        Api.Response course = put("/api/courses/cs101", Map.of("title", "Course cs101", "python", "3.10"));
        assertEquals(422, course.status());
        assertEquals("python", course.json().get("field").asText());
        assertTrue(course.json().get("detail").asText().contains("3.11, 3.12, 3.13 or 3.14"), course.text());
        assertEquals("3.11", api.get("/api/courses/cs101", TestServer.ADMIN).json().get("python").asText());
        Api.Response assignment = api.post("/api/courses/cs101/assignments", TestServer.ADMIN, assignment("bad", "2.7"));
        assertEquals(422, assignment.status());
        assertEquals("python", assignment.json().get("field").asText());
        assertEquals(404, api.get("/api/courses/cs101/assignments/bad", TestServer.ADMIN).status());
    }

    @Test
    void anotherVersionMakesEarlierGradesStaleForARegrade() {
        Fixture f = Fixture.create(s, "cs101", 1, null);
        assertEquals(201, api.post("/api/courses/cs101/assignments", TestServer.ADMIN, assignment("hw", null)).status());
        JsonNode before = api.post(path("hw") + "/submissions", f.token("s1"), Map.of("answers", Map.of("first-call", 2))).json();
        assertEquals(false, before.get("questions").get(0).get("correct").asBoolean(), "3 on 3.11");
        assertEquals(200, api.send("PUT", "/api/courses/cs101/assignments/hw", TestServer.ADMIN, Api.write(assignment("hw", "3.14")),
                "application/json").status());
        JsonNode regrade = api.post("/api/courses/cs101/assignments/hw/regrade", TestServer.ADMIN, Map.of("all", false)).json();
        assertEquals(1, regrade.get("regraded").asInt(), regrade.toString());
        assertEquals(1, regrade.get("changed").asInt(), "correct under 3.14: " + regrade);
    }

    private Api.Response put(String path, Object body) {
        return api.send("PUT", path, TestServer.ADMIN, Api.write(body), "application/json");
    }

    private static String path(String assignment) {
        return "/api/courses/cs101/assignments/" + assignment + "/exercises/" + CALL;
    }

    private static Map<String, Object> assignment(String id, String python) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("title", "Calls");
        a.put("exercises", List.of(CALL));
        a.put("due", Fixture.DUE.toString());
        if (python != null) a.put("python", python);
        return a;
    }
}
