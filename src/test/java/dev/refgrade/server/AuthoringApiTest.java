package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exercises written in the browser: validated as the loader and `check` validate them, saved into the library only when valid. */
class AuthoringApiTest {
    static final String GOOD = """
            id: new-alias
            title: A new alias
            # an author's comment stays in the file
            code: |
              a = [1]
              b = a
            questions:
              - id: q
                prompt: After line 2, what is `a is b`?
                answer: bool
                after: 2
                expr: a is b
            """;
    @TempDir
    Path dir;
    TestServer s;

    @BeforeEach
    void start() {
        s = TestServer.start(Databases.sqlite(dir), TestServer.library(dir));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private Api.Response post(String yaml) {
        return s.api.post("/api/exercises", TestServer.ADMIN, Map.of("yaml", yaml));
    }

    private Api.Response put(String id, String yaml) {
        return s.api.send("PUT", "/api/exercises/" + id, TestServer.ADMIN, Api.write(Map.of("yaml", yaml)), "application/json");
    }

    @Nested
    class Saving {
        @Test
        void aValidDraftIsWrittenAsTheAuthorWroteItAndServedAtOnce() throws Exception {
            Api.Response r = post(GOOD.replace("\n", "\r\n"));
            assertEquals(201, r.status(), r.text());
            assertEquals("exercises/new-alias.yaml", r.json().get("file").asText());
            assertEquals(GOOD, Files.readString(dir.resolve("exercises/new-alias.yaml")), "LF line endings, the comment kept");
            assertTrue(s.api.get("/api/exercises/new-alias/preview", TestServer.ADMIN).json().get("variants").get(0).get("answers").get("q").asBoolean());
        }

        @Test
        void anExistingExerciseIsReplacedUnderItsOwnId() throws Exception {
            String before = s.api.get("/api/exercises/identity-is-vs-eq/source", TestServer.ADMIN).json().get("yaml").asText();
            String after = before.replace("title: Equal is not the same as identical", "title: Equal, not identical");
            Api.Response r = put("identity-is-vs-eq", after);
            assertEquals(200, r.status(), r.text());
            assertEquals(after, Files.readString(dir.resolve("exercises/identity-is-vs-eq.yaml")));
            assertNotEquals(dev.refgrade.exercise.Digest.sha256(before), r.json().get("hash").asText());
        }
    }

    @Nested
    class Refusing {
        @Test
        void everyProblemIsGivenAtItsLineAndColumnAndNothingIsWritten() {
            Api.Response r = post(GOOD.replace("    after: 2\n", "    aftr: 2\n").replace("answer: bool", "answer: boolean"));
            assertEquals(422, r.status());
            assertEquals("yaml", r.json().get("field").asText());
            String detail = r.json().get("detail").asText();
            assertTrue(detail.lines().count() >= 2, "all problems at once: " + detail);
            assertTrue(detail.lines().allMatch(l -> l.matches("exercises/new-alias\\.yaml:\\d+:\\d+: .*")), detail);
            assertFalse(Files.exists(dir.resolve("exercises/new-alias.yaml")));
            assertEquals(404, s.api.get("/api/exercises/new-alias/preview", TestServer.ADMIN).status());
        }

        @Test
        void aNewExerciseMayNotTakeAnIdInUse() {
            assertEquals(409, post(GOOD.replace("id: new-alias", "id: identity-is-vs-eq")).status());
        }

        @Test
        void aReplacementKeepsItsId() {
            Api.Response r = put("identity-is-vs-eq", GOOD);
            assertEquals(422, r.status());
            assertTrue(r.json().get("detail").asText().contains("'new-alias'"), r.text());
            assertEquals(404, put("nope", GOOD.replace("new-alias", "nope")).status());
        }

        @Test
        void studentsMayNotWriteTheLibrary() {
            Fixture f = Fixture.create(s, "cs101", 1, null);
            assertEquals(403, s.api.post("/api/exercises", f.token("s1"), Map.of("yaml", GOOD)).status());
        }
    }
}
