package dev.refgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refgrade.server.Databases;
import dev.refgrade.server.Fixture;
import dev.refgrade.server.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a student's browser test stands on: a server over a fresh SQLite database with the test
 * exercises and {@code extra} ones of the library, course cs101 of {@code students} students (s1, s2, ...)
 * with assignment hw1, and a headless browser pointed at it.
 */
record WebCourse(TestServer server, Fixture course, Browser browser) implements AutoCloseable {
    static WebCourse start(Path dir, int students, String... extra) throws IOException {
        Path library = TestServer.library(dir);
        for (String e : extra) Files.copy(Path.of("exercises", e + ".yaml"), library.resolve("exercises/" + e + ".yaml"));
        TestServer server = TestServer.start(Databases.sqlite(dir), library);
        return new WebCourse(server, Fixture.create(server, "cs101", students, null), new Browser("http://localhost:" + server.app.port() + "/"));
    }

    /** Adds an assignment to cs101; rubric null for each exercise's own. */
    void assignment(String id, String title, String rubric, List<String> exercises, String due) {
        assignment(id, title, rubric, exercises, due, null);
    }

    /** As above, its keys for CPython {@code python} (null: the course's). */
    void assignment(String id, String title, String rubric, List<String> exercises, String due, String python) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "title", title, "exercises", exercises, "due", due));
        if (rubric != null) body.put("rubric", rubric);
        if (python != null) body.put("python", python);
        var r = server.api.post("/api/courses/cs101/assignments", TestServer.ADMIN, body);
        assertEquals(201, r.status(), r.text());
    }

    @Override
    public void close() {
        browser.close();
        server.close();
    }
}
