package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the web UI needs beyond the contract: probe lines, the heap at a probe, exercise preview, the playground behind sign-in. */
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
    void thePlaygroundIsForSignedInUsers() {
        assertEquals(401, s.api.post("/api/playground/run", null, Map.of("code", "a = 1\n")).status());
        Api.Response r = s.api.post("/api/playground/run", f.token("s1"), Map.of("code", "a = [1]\nb = a\n"));
        assertEquals(200, r.status(), r.text());
        assertEquals(2, r.json().get("steps").get(1).get("line").asInt());
    }
}
