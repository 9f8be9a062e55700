package dev.refgrade.server.submissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.exercise.VariantMemo;
import dev.refgrade.grading.Attempt;
import dev.refgrade.grading.Formats;
import dev.refgrade.grading.Graded;
import dev.refgrade.grading.QuestionGrade;
import dev.refgrade.grading.Rubric;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.Records.Grade;
import dev.refgrade.store.Records.ScoreOverride;
import dev.refgrade.store.Records.Submission;
import dev.refgrade.store.Records.Tried;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Between the grader and the store: which rubric applies, and grades to and from their stored JSON. */
public final class Grading {
    private Grading() {}

    /** The assignment's rubric, else the exercise's own; 503 while it does not load. */
    public static Rubric rubric(Deps deps, Assignment a, Catalog.Entry e) {
        String name = a.rubric() != null ? a.rubric() : e.rubric();
        return deps.catalog().rubric(name).orElseThrow(() -> new ApiError(503, "unavailable",
                "rubric '" + name + "' does not load at the moment; the instructor has been told in the server log", null));
    }

    /** An assignment and its rubric as they hold for one student. */
    public record Personal(Assignment assignment, Rubric rubric) {}

    /** With the student's accommodation, if an instructor gave one: their own due date, their extra attempts. */
    public static Personal personal(Deps deps, Assignment a, Catalog.Entry e, String student) {
        Rubric rubric = rubric(deps, a, e);
        return deps.store().courses().accommodation(a.course(), a.id(), student)
                .map(x -> new Personal(x.due() == null ? a : new Assignment(a.course(), a.id(), a.title(), x.due(), a.rubric(), a.exercises(), a.release(), a.python()),
                        rubric.withExtraAttempts(x.extraAttempts())))
                .orElse(new Personal(a, rubric));
    }

    /** A score set by hand as the API shows it, to the instructor and to its student alike. */
    public static Map<String, Object> override(ScoreOverride o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", o.score());
        m.put("note", o.note());
        m.put("by", o.by());
        m.put("at", o.at().toString());
        return m;
    }

    /** The variant with these parameters (a stored submission's), if the exercise still has it. */
    public static Optional<Variant> variant(Catalog.Entry e, String paramsJson) {
        JsonNode params = Json.read(paramsJson);
        return e.checked().variants().stream().filter(v -> Json.MAPPER.valueToTree(v.params()).equals(params)).findFirst();
    }

    /** Stored with every submission, the same for every student of the variant. */
    private static final VariantMemo<String> PARAMS = new VariantMemo<>(4096);

    public static String params(Variant v) {
        return PARAMS.get(v, () -> Json.write(v.params()));
    }

    /** Earlier attempts as the grader reads them, oldest first. */
    public static List<Attempt> attempts(List<Tried> history) {
        return history.stream().map(Grading::attempt).toList();
    }

    /** An attempt as the grader reads it: a question not named was not answered correctly. */
    public static Attempt attempt(Tried t) {
        return new Attempt(t.at(), t.score(), t.correct());
    }

    /** Every question's grade as stored: all of it except its truth, which is decided anew each time it is shown. */
    public static ArrayNode questions(Graded g) {
        ArrayNode questions = Json.MAPPER.createArrayNode();
        g.questions().forEach(q -> questions.add(Formats.question(q)));
        return questions;
    }

    public static Grade grade(Graded g, ArrayNode questions) {
        List<String> correct = g.questions().stream().filter(QuestionGrade::correct).map(QuestionGrade::id).toList();
        return new Grade(g.score(), g.max(), g.counted(), g.late(), Json.write(questions), correct);
    }

    /** The truths a graded attempt revealed, by question id. */
    public static Map<String, JsonNode> truths(Graded g) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (QuestionGrade q : g.questions()) if (q.truth() != null) out.put(q.id(), q.truth());
        return out;
    }

    /**
     * A submission as the API shows it. Truths, explanations and the heap at the probe point appear
     * only for the questions in {@code truths}, those the rubric reveals now, whatever was stored.
     * {@code withheld}: the rubric shows no results yet, so scores, verdicts and feedback are left out too.
     */
    public static ObjectNode view(Submission s, Map<String, JsonNode> truths, Map<String, JsonNode> heaps, boolean withStudent,
            boolean withheld) {
        return view(s, Json.read(s.answers()), (ArrayNode) Json.read(s.grade().result()), truths, heaps, withStudent, withheld);
    }

    /** The same, with the answers and the stored questions already parsed; the questions are changed into the view. */
    public static ObjectNode view(Submission s, JsonNode answers, ArrayNode stored, Map<String, JsonNode> truths, Map<String, JsonNode> heaps,
            boolean withStudent, boolean withheld) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("id", s.id());
        if (withStudent) out.put("student", s.student());
        out.put("attempt", s.attempt());
        out.put("submitted_at", s.submittedAt().toString());
        out.put("score", s.grade().score());
        out.put("max", s.grade().max());
        out.put("counted", s.grade().counted());
        out.put("late", s.grade().late());
        out.set("answers", answers);
        out.put("withheld", withheld);
        if (withheld) for (String f : List.of("score", "counted")) out.putNull(f);
        ArrayNode questions = out.putArray("questions");
        for (JsonNode q : stored) {
            ObjectNode n = (ObjectNode) q;
            n.remove("misconception_name");
            if (withheld) for (String f : List.of("correct", "points", "feedback", "misconception")) n.putNull(f);
            boolean shown = truths.containsKey(n.get("id").asText());
            if (!shown) n.putNull("explanation");
            n.set("truth", shown ? truths.get(n.get("id").asText()) : null);
            n.set("heap", shown ? heaps.get(n.get("id").asText()) : null);
            questions.add(n);
        }
        return out;
    }
}
