package dev.refgrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.exercise.VariantMemo;
import dev.refgrade.grading.GradingException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one attempt at one exercise variant under a rubric, given the student's earlier attempts.
 * Deterministic and free of I/O: the same variant, rubric, history, answers and times give the same
 * grade, which is what lets a stored submission be regraded and reproduced.
 */
public final class Grader {
    /** Each truth as JSON, made once: shown with every answer once revealed, and never changed by those who show it. */
    private static final VariantMemo<JsonNode> TRUTHS = new VariantMemo<>(4096);
    private final Insights insights;

    /** A grader that diagnoses and explains with the simulator. */
    public Grader() {
        this(new SimulatedInsights());
    }

    public Grader(Insights insights) {
        this.insights = insights;
    }

    /** @param due null when the work has no due date. */
    public Graded grade(Variant variant, Rubric rubric, List<Attempt> history, JsonNode answers, Instant submittedAt, Instant due)
            throws GradingException {
        return grade(variant, rubric, Earlier.of(history), answers, submittedAt, due);
    }

    /** The same, with what the earlier attempts come to already worked out. */
    public Graded grade(Variant variant, Rubric rubric, Earlier before, JsonNode answers, Instant submittedAt, Instant due)
            throws GradingException {
        Map<String, Answer> read = read(variant, answers);
        int attempt = before.made() + 1;
        if (rubric.attempts().limited() && attempt > rubric.attempts().max()) {
            throw new GradingException(Reason.NO_ATTEMPTS_LEFT, null, "no attempts left: the rubric '" + rubric.name() + "' allows "
                    + rubric.attempts().max() + " and " + before.made() + " have been made");
        }
        if (rubric.pastCutoff(submittedAt, due)) {
            throw new GradingException(Reason.PAST_CUTOFF, null, "submissions closed at " + due.plus(rubric.late().cutoff())
                    + " (due " + due + ", cut-off " + rubric.late().cutoff().toHours() + "h later)");
        }
        double factor = rubric.attemptFactor(attempt) * rubric.lateFactor(submittedAt, due);
        List<QuestionGrade> grades = new ArrayList<>();
        double score = 0, max = 0;
        Map<String, Integer> explained = new HashMap<>(); // belief id -> the question whose feedback explains it
        for (Question q : variant.exercise().questions()) {
            QuestionGrade g = question(variant, rubric, q, read.get(q.id()), factor, before.right().contains(q.id()), attempt, submittedAt, due,
                    explained, grades.size() + 1);
            grades.add(g);
            score += g.points();
            max += g.max();
        }
        boolean late = due != null && submittedAt.isAfter(due);
        return new Graded(round(score), round(max), rubric.counted(before, round(score)), attempt, late, List.copyOf(grades));
    }

    /** Works out ahead all that grading any answer to {@code v} may run (see Insights.prepare). */
    public void prepare(Variant v) {
        insights.prepare(v);
    }

    /** The truths a student may see now, by question id, without submitting again. */
    public Map<String, JsonNode> revealed(Variant v, Rubric rubric, List<Attempt> history, Instant now, Instant due) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Earlier before = Earlier.of(history);
        for (Question q : v.exercise().questions()) {
            if (rubric.reveals(before.right().contains(q.id()), before.made(), now, due)) out.put(q.id(), truth(v, q));
        }
        return out;
    }

    /** {@code explained}: the beliefs explained in full on earlier questions of this attempt, named again there only by reference. */
    private QuestionGrade question(Variant v, Rubric rubric, Question q, Answer student, double factor, boolean rightBefore,
            int attempt, Instant at, Instant due, Map<String, Integer> explained, int number) {
        double max = rubric.pointsFor(q);
        Answer truth = v.answers().get(q.id());
        boolean reveal;
        Match match;
        if (student == null) {
            match = Match.wrong("no answer given");
            reveal = rubric.reveals(rightBefore, attempt, at, due);
        } else {
            match = Scoring.compare(q, truth, student, rubric, false);
            reveal = rubric.reveals(rightBefore || match.full(), attempt, at, due);
            // Only a wrong answer's feedback says more once the truth may be shown.
            if (reveal && !match.full()) match = Scoring.compare(q, truth, student, rubric, true);
        }
        List<String> feedback = new ArrayList<>(match.feedback());
        Insights.Named belief = null;
        if (!match.full() && student != null && rubric.misconceptions()) {
            belief = insights.misconception(v, q, student).orElse(null);
            if (belief != null && explained.containsKey(belief.id())) {
                feedback.add("Misconception: " + belief.name() + ", as explained under question " + explained.get(belief.id()));
            } else if (belief != null) {
                explained.put(belief.id(), number);
                feedback.add("Misconception: " + belief.name() + ". " + belief.explanation());
            }
        }
        String explanation = reveal && rubric.explanations() ? insights.explanation(v, q).orElse(null) : null;
        String said = match.full() ? "Correct." : match.credit() > 0 ? "Partly correct." : "Not correct.";
        if (!feedback.isEmpty()) said += " " + String.join(". ", feedback.stream().map(Grader::sentence).toList()) + ".";
        return new QuestionGrade(q.id(), round(max * match.credit() * factor), max, match.full(), said,
                belief == null ? null : belief.id(), belief == null ? null : belief.name(), explanation,
                reveal ? truth(v, q) : null);
    }

    private static JsonNode truth(Variant v, Question q) {
        return TRUTHS.get(v, q.id(), () -> JsonTrees.of(v.answers().get(q.id()).json()));
    }

    /** Every answer read by its question's kind; an answer to no question of the exercise is refused. */
    private static Map<String, Answer> read(Variant v, JsonNode answers) throws GradingException {
        if (answers == null || !answers.isObject()) {
            throw new GradingException(Reason.MALFORMED, "answers", "answers must be an object mapping question ids to answers");
        }
        Map<String, Question> byId = new HashMap<>();
        for (Question q : v.exercise().questions()) byId.put(q.id(), q);
        Map<String, Answer> out = new HashMap<>();
        for (var e : answers.properties()) {
            Question q = byId.get(e.getKey());
            String field = "answers." + e.getKey();
            if (q == null) {
                throw new GradingException(Reason.UNKNOWN_QUESTION, field, "exercise '" + v.exercise().id() + "' has no question '"
                        + e.getKey() + "'; its questions are " + String.join(", ", v.exercise().questions().stream().map(Question::id).toList()));
            }
            if (!e.getValue().isNull()) out.put(q.id(), StudentAnswers.read(q, e.getValue(), field));
        }
        return out;
    }

    private static String sentence(String s) {
        String t = s.strip();
        t = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
