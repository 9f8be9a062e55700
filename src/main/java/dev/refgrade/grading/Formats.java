package dev.refgrade.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refgrade.exercise.Exercise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A batch's results as JSON (one entry per graded row), a gradebook CSV, or Gradescope's results.json. */
public final class Formats {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Formats() {}

    public static String json(List<Batch.Outcome> outcomes) {
        ArrayNode out = JSON.arrayNode();
        for (Batch.Outcome o : outcomes) {
            if (o.graded() == null) continue;
            Graded g = o.graded();
            ObjectNode row = out.addObject();
            row.put("row", o.row().row());
            row.put("student", o.row().student());
            if (o.row().submittedAt() != null) row.put("submitted_at", o.row().submittedAt().toString());
            row.put("score", g.score());
            row.put("max", g.max());
            row.put("counted", g.counted());
            row.put("attempt", g.attempt());
            row.put("late", g.late());
            ArrayNode qs = row.putArray("questions");
            g.questions().forEach(q -> qs.add(question(q)));
        }
        return JsonTrees.write(out, true) + "\n";
    }

    /** One question's grade, as the server and `grade --format json` both show it; its truth is added by whoever may reveal it. */
    public static ObjectNode question(QuestionGrade q) {
        ObjectNode n = JSON.objectNode();
        n.put("id", q.id());
        n.put("correct", q.correct());
        n.put("points", q.points());
        n.put("max", q.max());
        n.put("feedback", q.feedback());
        n.put("misconception", q.misconception());
        n.put("misconception_name", q.misconceptionName());
        n.put("explanation", q.explanation());
        return n;
    }

    /**
     * One line per student, as an LMS imports a gradebook: the score that counts (best or last, per the
     * rubric), the maximum, how many attempts, and that attempt's points per question.
     */
    public static String gradebook(Exercise ex, Rubric rubric, List<Batch.Outcome> outcomes) {
        StringBuilder b = new StringBuilder();
        List<Object> header = new ArrayList<>(List.of("student", "score", "max", "attempts", "late"));
        ex.questions().forEach(q -> header.add(q.id()));
        b.append(Csv.row(header));
        for (var e : counted(rubric, outcomes).entrySet()) {
            Graded g = e.getValue();
            List<Object> line = new ArrayList<>(List.of(e.getKey(), number(g.counted()), number(g.max()), g.attempt(), g.late()));
            g.questions().forEach(q -> line.add(number(q.points())));
            b.append(Csv.row(line));
        }
        return b.toString();
    }

    /** Gradescope's autograder results: one object for one student, a list of them for several. */
    public static String gradescope(Rubric rubric, List<Batch.Outcome> outcomes) {
        ArrayNode all = JSON.arrayNode();
        for (var e : counted(rubric, outcomes).entrySet()) {
            Graded g = e.getValue();
            ObjectNode r = all.addObject();
            r.put("score", g.counted());
            r.put("max_score", g.max());
            r.put("output", "Attempt " + g.attempt() + (g.late() ? ", late" : ""));
            ArrayNode tests = r.putArray("tests");
            for (QuestionGrade q : g.questions()) {
                ObjectNode t = tests.addObject();
                t.put("name", q.id());
                t.put("score", q.points());
                t.put("max_score", q.max());
                t.put("output", q.feedback());
                t.put("status", q.correct() ? "passed" : "failed");
            }
            r.putObject("extra_data").put("student", e.getKey());
        }
        return JsonTrees.write(all.size() == 1 ? all.get(0) : all, true) + "\n";
    }

    /** Per student, the attempt whose score counts: their last, or their first best. */
    private static Map<String, Graded> counted(Rubric rubric, List<Batch.Outcome> outcomes) {
        Map<String, Graded> out = new LinkedHashMap<>();
        for (Batch.Outcome o : outcomes.stream().filter(o -> o.graded() != null)
                .sorted((a, b) -> Integer.compare(a.graded().attempt(), b.graded().attempt())).toList()) {
            Graded prior = out.get(o.row().student());
            boolean better = prior == null || rubric.attempts().counts() == Rubric.Counts.LAST || o.graded().score() > prior.score();
            if (better) out.put(o.row().student(), o.graded());
            else out.put(o.row().student(), withAttempts(prior, o.graded().attempt(), o.graded().late() || prior.late()));
        }
        return out;
    }

    private static Graded withAttempts(Graded g, int attempts, boolean late) {
        return new Graded(g.score(), g.max(), g.counted(), attempts, late, g.questions());
    }

    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
