package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A course set up through the API: its students' tokens, and one assignment of the test exercises. */
public record Fixture(String course, Map<String, String> tokens, String assignment) {
    public static final Instant DUE = Instant.parse("2025-03-08T23:59:00Z");

    public static Fixture create(TestServer s, String course, int students, String rubric) {
        return create(s.api, TestServer.ADMIN, course, students, rubric);
    }

    public static Fixture create(TestServer s, String instructorToken, String course, int students, String rubric) {
        return create(s.api, instructorToken, course, students, rubric);
    }

    public static Fixture create(Api api, String instructorToken, String course, int students, String rubric) {
        assertEquals(201, api.post("/api/courses", instructorToken, Map.of("id", course, "title", "Course " + course)).status());
        List<Map<String, String>> roster = new ArrayList<>();
        for (int i = 1; i <= students; i++) roster.add(Map.of("id", "s" + i, "name", "Student " + i));
        Api.Response r = api.post("/api/courses/" + course + "/students", instructorToken, roster);
        assertEquals(201, r.status(), r.text());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (JsonNode t : r.json()) tokens.put(t.get("id").asText(), t.get("token").asText());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "hw1");
        a.put("title", "Identity");
        a.put("exercises", TestServer.EXERCISES);
        a.put("due", DUE.toString());
        if (rubric != null) a.put("rubric", rubric);
        Api.Response created = api.post("/api/courses/" + course + "/assignments", instructorToken, a);
        assertEquals(201, created.status(), created.text());
        return new Fixture(course, tokens, "hw1");
    }

    public String token(String student) {
        return tokens.get(student);
    }

    public String exercisePath(String exercise) {
        return "/api/courses/" + course + "/assignments/" + assignment + "/exercises/" + exercise;
    }

    public String submissions(String exercise) {
        return exercisePath(exercise) + "/submissions";
    }

    /** The student's variant's true answers, as `check --json` gives them. */
    public ObjectNode key(TestServer s, String student, String exercise) {
        var v = s.catalog.exercise(exercise).orElseThrow().checked().variantFor(course, student);
        ObjectNode out = Api.MAPPER.createObjectNode();
        v.answers().forEach((q, a) -> out.set(q, Api.MAPPER.valueToTree(a.json())));
        return out;
    }

    public static Map<String, Object> body(JsonNode answers) {
        return Map.of("answers", answers);
    }
}
