package dev.refgrade.server.courses;

import static dev.refgrade.server.auth.Role.ADMIN;
import static dev.refgrade.server.auth.Role.INSTRUCTOR;
import static dev.refgrade.server.auth.Role.STUDENT;

import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.Valid;
import dev.refgrade.server.auth.Auth;
import dev.refgrade.server.auth.Caller;
import dev.refgrade.server.auth.Tokens;
import dev.refgrade.store.Records.Course;
import dev.refgrade.store.Records.Instructor;
import dev.refgrade.store.Records.Student;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import dev.refgrade.runtime.PythonVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who am I, courses, instructors, rosters, and the exercise catalog. */
public final class CourseRoutes {
    record CourseIn(String id, String title, String python) {}

    record InstructorIn(String id, String name) {}

    record CoInstructorIn(String id) {}

    record Issued(String id, String token) {}

    private final Deps deps;
    private final Auth auth;

    private CourseRoutes(Deps deps, Auth auth) {
        this.deps = deps;
        this.auth = auth;
    }

    public static void register(RoutesConfig routes, Deps deps, Auth auth) {
        CourseRoutes r = new CourseRoutes(deps, auth);
        routes.get("/api/me", r::me, STUDENT, INSTRUCTOR);
        routes.get("/api/courses", r::courses, STUDENT, INSTRUCTOR);
        routes.post("/api/courses", r::createCourse, INSTRUCTOR);
        routes.get("/api/courses/{c}", ctx -> ctx.json(r.course(ctx)), STUDENT, INSTRUCTOR);
        routes.put("/api/courses/{c}", r::renameCourse, INSTRUCTOR);
        routes.delete("/api/courses/{c}", r::deleteCourse, INSTRUCTOR);
        routes.post("/api/instructors", r::createInstructor, ADMIN);
        routes.post("/api/courses/{c}/instructors", r::addInstructor, INSTRUCTOR);
        routes.post("/api/courses/{c}/students", r::enroll, INSTRUCTOR);
        routes.post("/api/courses/{c}/students/{s}/token", r::reissue, INSTRUCTOR);
        routes.delete("/api/courses/{c}/students/{s}/token", r::revoke, INSTRUCTOR);
        routes.get("/api/invitations", ctx -> ctx.json(deps.store().courses().invitations(Caller.of(ctx).id())), INSTRUCTOR);
        routes.post("/api/invitations/{course}", ctx -> r.answer(ctx, true), INSTRUCTOR);
        routes.delete("/api/invitations/{course}", ctx -> r.answer(ctx, false), INSTRUCTOR);
        routes.get("/api/courses/{c}/students", ctx -> ctx.json(deps.store().people().students(ctx.pathParam("c")).stream()
                .map(s -> Map.of("id", s.id(), "name", s.name())).toList()), INSTRUCTOR);
        routes.get("/api/exercises", ctx -> ctx.json(catalog(deps.catalog().snapshot())), INSTRUCTOR);
        routes.post("/api/admin/reload", ctx -> ctx.json(catalog(deps.catalog().reload())), INSTRUCTOR);
    }

    private void me(Context ctx) {
        Caller c = Caller.of(ctx);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("role", c.instructor() ? "instructor" : "student");
        me.put("id", c.id());
        if (c.instructor()) {
            me.put("name", deps.store().people().instructor(c.id()).map(Instructor::name).orElse(c.id()));
            me.put("admin", c.role() == ADMIN);
        } else {
            me.put("name", deps.store().people().student(c.course(), c.id()).map(Student::name).orElse(c.id()));
            me.put("course", c.course());
        }
        ctx.json(me);
    }

    private void courses(Context ctx) {
        Caller c = Caller.of(ctx);
        ctx.json(c.instructor() ? deps.store().courses().taughtBy(c.id())
                : deps.store().courses().course(c.course()).map(List::of).orElse(List.of()));
    }

    private Course course(Context ctx) {
        return deps.store().courses().course(ctx.pathParam("c")).orElseThrow(ApiError::notFound);
    }

    private void createCourse(Context ctx) throws Exception {
        CourseIn in = Json.body(ctx, CourseIn.class);
        Course course = new Course(Valid.id("id", in.id()), Valid.text("title", in.title()), python(in));
        if (!deps.store().courses().create(course, Caller.of(ctx).id(), deps.clock().instant())) throw ApiError.exists("course '" + in.id() + "'");
        ctx.status(201).json(course);
    }

    /**
     * A new title, and a new CPython for its keys when {@code python} is given (every assignment that
     * names none follows it); the id stays, since tokens, links and exports name the course by it.
     */
    private void renameCourse(Context ctx) throws Exception {
        CourseIn in = Json.body(ctx, CourseIn.class);
        Course old = course(ctx);
        Course course = new Course(old.id(), Valid.text("title", in.title()), in.python() == null ? old.python() : python(in));
        if (!deps.store().courses().rename(course.id(), course.title())) throw ApiError.notFound();
        if (!course.python().equals(old.python())) deps.store().courses().setPython(course.id(), course.python());
        ctx.json(course);
    }

    /** The CPython asked for, as written ("3.13"); 3.11 when none is. */
    private static String python(CourseIn in) {
        return in.python() == null ? Course.DEFAULT_PYTHON : AssignmentRoutes.version("python", in.python()).text();
    }

    private void deleteCourse(Context ctx) {
        switch (deps.store().courses().deleteEmptyCourse(course(ctx).id())) {
            case DELETED -> ctx.status(204);
            case NOT_FOUND -> throw ApiError.notFound();
            case HAS_SUBMISSIONS -> throw new ApiError(409, "not_empty",
                    "the course has students, assignments or an LMS link; only an empty course can be deleted (rename it instead)", null);
        }
    }

    private void createInstructor(Context ctx) throws Exception {
        InstructorIn in = Json.body(ctx, InstructorIn.class);
        Instructor i = new Instructor(Valid.id("id", in.id()), Valid.text("name", in.name()), false);
        String token = Tokens.mint();
        if (!deps.store().people().addInstructor(i, Tokens.hash(token), deps.clock().instant())) throw ApiError.exists("instructor '" + i.id() + "'");
        ctx.status(201).json(new Issued(i.id(), token));
    }

    /** An invitation: the instructor teaches the course once they accept it (POST /api/invitations/{course}). */
    private void addInstructor(Context ctx) throws Exception {
        String id = Valid.id("id", Json.body(ctx, CoInstructorIn.class).id());
        if (deps.store().people().instructor(id).isEmpty()) throw ApiError.invalid("id", "there is no instructor '" + id + "'");
        if (!deps.store().courses().invite(ctx.pathParam("c"), id, Caller.of(ctx).id(), deps.clock().instant())) {
            throw ApiError.exists("an invitation for '" + id + "', or their place in the course,");
        }
        ctx.status(201).json(Map.of("id", id, "status", "invited"));
    }

    private void answer(Context ctx, boolean accept) {
        String course = ctx.pathParam("course");
        if (!deps.store().courses().answer(course, Caller.of(ctx).id(), accept)) throw ApiError.notFound();
        if (accept) ctx.status(201).json(Map.of("course", course, "status", "teaching"));
        else ctx.status(204);
    }

    /** A new token for a student who lost theirs; the old one stops working. */
    private void reissue(Context ctx) {
        String token = Tokens.mint();
        replaceToken(ctx, Tokens.hash(token));
        ctx.status(201).json(new Issued(ctx.pathParam("s"), token));
    }

    /** The student's token stops working; they have none until one is reissued. */
    private void revoke(Context ctx) {
        replaceToken(ctx, null);
        ctx.status(204);
    }

    private void replaceToken(Context ctx, String hash) {
        String course = ctx.pathParam("c"), student = ctx.pathParam("s");
        if (!deps.store().people().replaceStudentToken(course, student, hash, deps.clock().instant())) throw ApiError.notFound();
        auth.forgetStudent(course, student);
    }

    private void enroll(Context ctx) throws Exception {
        String course = ctx.pathParam("c");
        List<Roster.Row> rows = Roster.read(ctx);
        List<Student> students = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (Roster.Row r : rows) {
            students.add(new Student(course, r.id(), r.name()));
            tokens.add(Tokens.mint());
        }
        List<Integer> added = deps.store().people().enroll(students, tokens.stream().map(Tokens::hash).toList(), deps.clock().instant());
        ctx.status(201).json(added.stream().map(i -> new Issued(students.get(i).id(), tokens.get(i))).toList());
    }

    private static Map<String, Object> catalog(Catalog.Snapshot s) {
        List<Map<String, Object>> exercises = new ArrayList<>();
        s.exercises().values().stream().sorted((a, b) -> a.checked().id().compareTo(b.checked().id())).forEach(e -> {
            var ex = e.checked().variants().get(0).exercise();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", ex.id());
            m.put("title", ex.title());
            m.put("tags", ex.tags());
            m.put("rubric", e.rubric());
            m.put("variants", e.checked().variants().size());
            m.put("questions", ex.questions().size());
            exercises.add(m);
        });
        return Map.of("exercises", exercises, "invalid", s.invalid(), "rubrics", s.rubrics().names(),
                "pythons", Arrays.stream(PythonVersion.values()).map(PythonVersion::text).toList());
    }
}
