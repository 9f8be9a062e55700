package dev.refgrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every /api route tried by every kind of caller: no token, an unknown token, a student of the
 * course, a student of another course, the course's instructor, and another course's instructor.
 * A caller who may not see the course gets 404 (as for a course that does not exist); one who sees
 * it but has the wrong role gets 403. The playground alone answers callers without a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerAuthorizationContract extends DatabaseContract {
    @TempDir
    static Path dir;
    TestServer s;
    Fixture a;
    Fixture b;
    String otherInstructor;
    final AtomicInteger unique = new AtomicInteger();

    ServerAuthorizationContract(Databases.Kind kind) {
        super(kind);
    }

    @BeforeAll
    void start() {
        s = TestServer.start(database(dir), TestServer.library(dir));
        otherInstructor = s.api.post("/api/instructors", TestServer.ADMIN, Map.of("id", "grace", "name", "Grace")).json().get("token").asText();
        a = Fixture.create(s, "ca", 2, null);
        b = Fixture.create(s, otherInstructor, "cb", 1, null);
        s.api.post("/api/instructors", TestServer.ADMIN, Map.of("id", "carol", "name", "Carol"));
    }

    @AfterAll
    void stop() {
        s.close();
        databases.dropAll();
    }

    private record Route(String method, String path, Function<Integer, Object> body, Map<String, Integer> expected) {}

    /** Expected statuses by caller: none, bad, student, otherStudent, instructor, otherInstructor. */
    private static Map<String, Integer> expect(int student, int otherStudent, int instructor, int otherInstructor) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("none", 401);
        m.put("bad", 401);
        m.put("student", student);
        m.put("otherStudent", otherStudent);
        m.put("instructor", instructor);
        m.put("otherInstructor", otherInstructor);
        return m;
    }

    /** A route open to anyone: no token is fine, a token the server does not know is still refused. */
    private static Map<String, Integer> anyone() {
        Map<String, Integer> m = expect(200, 200, 200, 200);
        m.put("none", 200);
        return m;
    }

    private String token(String caller) {
        return switch (caller) {
            case "none" -> null;
            case "bad" -> "not-a-token";
            case "student" -> a.token("s1");
            case "otherStudent" -> b.token("s1");
            case "instructor" -> TestServer.ADMIN;
            default -> otherInstructor;
        };
    }

    @TestFactory
    Stream<DynamicTest> everyRouteForEveryCaller() {
        String e = a.exercisePath("identity-is-vs-eq");
        List<Route> routes = new ArrayList<>(List.of(
                new Route("GET", "/api/me", null, expect(200, 200, 200, 200)),
                new Route("GET", "/api/courses", null, expect(200, 200, 200, 200)),
                new Route("POST", "/api/courses", i -> Map.of("id", "new" + i, "title", "New"), expect(403, 403, 201, 201)),
                new Route("GET", "/api/courses/ca", null, expect(200, 404, 200, 404)),
                new Route("GET", "/api/courses/nope", null, expect(404, 404, 404, 404)),
                new Route("PUT", "/api/courses/ca", i -> Map.of("title", "Course ca " + i), expect(403, 404, 200, 404)),
                new Route("POST", "/api/instructors", i -> Map.of("id", "i" + i, "name", "I"), expect(403, 403, 201, 403)),
                new Route("POST", "/api/courses/ca/instructors", i -> Map.of("id", "carol"), expect(403, 404, 201, 404)),
                new Route("POST", "/api/courses/ca/students", i -> List.of(Map.of("id", "n" + i, "name", "N")), expect(403, 404, 201, 404)),
                new Route("GET", "/api/courses/ca/students", null, expect(403, 404, 200, 404)),
                new Route("GET", "/api/exercises", null, expect(403, 403, 200, 200)),
                new Route("POST", "/api/admin/reload", i -> Map.of(), expect(403, 403, 200, 200)),
                new Route("GET", "/api/exercises/identity-is-vs-eq/preview", null, expect(403, 403, 200, 200)),
                new Route("GET", "/api/exercises/identity-is-vs-eq/source", null, expect(403, 403, 200, 200)),
                new Route("PUT", "/api/exercises/nope", i -> Map.of("yaml", "id: nope\n"), expect(403, 403, 404, 404)),
                new Route("POST", "/api/exercises/check", i -> Map.of("yaml", "id: draft\n"), expect(403, 403, 200, 200)),
                new Route("POST", "/api/playground/run", i -> Map.of("code", "a = [" + i + "]\n"), anyone()),
                new Route("POST", "/api/courses/ca/assignments", i -> Map.of("id", "a" + i, "title", "A",
                        "exercises", List.of("identity-is-vs-eq"), "due", "2025-04-01T00:00:00Z"), expect(403, 404, 201, 404)),
                new Route("GET", "/api/courses/ca/assignments", null, expect(200, 404, 200, 404)),
                new Route("GET", "/api/courses/ca/assignments/hw1", null, expect(200, 404, 200, 404)),
                new Route("GET", "/api/courses/ca/assignments/nope", null, expect(404, 404, 404, 404)),
                new Route("PUT", "/api/courses/ca/assignments/hw1", i -> Map.of("title", "Identity " + i, "exercises", TestServer.EXERCISES,
                        "due", Fixture.DUE.toString()), expect(403, 404, 200, 404)),
                new Route("DELETE", "/api/courses/ca/assignments/nope", null, expect(403, 404, 404, 404)),
                new Route("GET", "/api/progress", null, expect(200, 200, 403, 403)),
                new Route("GET", "/api/courses/ca/assignments/hw1/accommodations", null, expect(403, 404, 200, 404)),
                new Route("PUT", "/api/courses/ca/assignments/hw1/accommodations/s2", i -> Map.of("extra_attempts", 1), expect(403, 404, 200, 404)),
                new Route("GET", e, null, expect(200, 404, 200, 404)),
                new Route("POST", e + "/submissions", i -> Map.of("answers", Map.of("alias", true)), expect(201, 404, 403, 404)),
                new Route("GET", e + "/submissions", null, expect(200, 404, 200, 404)),
                new Route("GET", e + "/analysis", null, expect(403, 404, 200, 404)),
                new Route("GET", "/api/courses/ca/grades", null, expect(403, 404, 200, 404)),
                new Route("GET", "/api/courses/ca/grades?format=csv", null, expect(403, 404, 200, 404)),
                new Route("GET", "/api/courses/ca/grades?format=overrides", null, expect(403, 404, 200, 404)),
                new Route("PUT", e + "/students/s2/override", i -> Map.of("score", 1, "note", "n" + i), expect(403, 404, 200, 404)),
                new Route("POST", e + "/students/nobody/reset", i -> Map.of(), expect(403, 404, 404, 404)),
                new Route("POST", "/api/courses/ca/assignments/hw1/regrade", i -> Map.of(), expect(403, 404, 200, 404)),
                new Route("GET", "/api/courses/ca/switches", null, expect(403, 404, 200, 404)),
                new Route("PUT", "/api/courses/ca/switches", i -> Map.of(), expect(403, 404, 200, 404)),
                new Route("GET", "/api/admin/switches", null, expect(403, 403, 200, 403)),
                new Route("PUT", "/api/admin/switches", i -> Map.of(), expect(403, 403, 200, 403)),
                new Route("GET", "/api/invitations", null, expect(403, 403, 200, 200)),
                new Route("DELETE", "/api/courses/ca/students/nobody/token", null, expect(403, 404, 404, 404))));
        List<DynamicTest> tests = new ArrayList<>();
        for (Route r : routes) {
            r.expected().forEach((caller, status) -> tests.add(dynamicTest(r.method() + " " + r.path() + " as " + caller, () -> {
                Object body = r.body() == null ? null : r.body().apply(unique.incrementAndGet());
                Api.Response res = s.api.send(r.method(), r.path(), token(caller), body == null ? null : Api.write(body), "application/json");
                assertEquals(status, res.status(), res.text());
                if (status >= 400) assertEquals(status == 401 ? "unauthorized" : status == 403 ? "forbidden" : "not_found", res.error());
            })));
        }
        tests.add(dynamicTest("a student sees only their own submissions", () -> {
            s.api.post(a.submissions("identity-is-vs-eq"), a.token("s2"), Map.of("answers", Map.of("alias", false)));
            var mine = s.api.get(a.submissions("identity-is-vs-eq"), a.token("s1")).json();
            for (var sub : mine) assertEquals(null, sub.get("student"), "no student field, no other student's work");
            var all = s.api.get(a.submissions("identity-is-vs-eq"), TestServer.ADMIN).json();
            assertEquals(mine.size() + 1, all.size());
        }));
        return tests.stream();
    }
}
