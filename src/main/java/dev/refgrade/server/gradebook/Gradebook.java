package dev.refgrade.server.gradebook;

import dev.refgrade.grading.Csv;
import dev.refgrade.grading.Rubric;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.submissions.Grading;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.Records.ScoreOverride;
import dev.refgrade.store.Records.Student;
import dev.refgrade.store.Records.Submission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A course's grades: per student, each exercise's grade is the {@code counted} score of their
 * latest attempt (the rubric made it the best or the last), an assignment's the sum over its exercises.
 * Nothing submitted is blank (null), not 0: an LMS then shows it as missing, not as failed; so are
 * attempts an instructor reset. A score an instructor set by hand replaces the graded one, its note beside it.
 */
public final class Gradebook {
    record Column(String id, String title, double max, List<String> exercises) {}

    /** {@code overrides}: by {@code assignment/exercise}, the scores set by hand and why. */
    record Row(String id, String name, Double total, Map<String, Double> assignments, Map<String, Double> exercises,
            Map<String, Map<String, Object>> overrides) {}

    record Book(List<Column> assignments, List<Row> students) {}

    private Gradebook() {}

    static Book of(Deps deps, String course) {
        List<Assignment> assignments = deps.store().courses().assignments(course);
        Map<String, Integer> resets = deps.store().submissions().resetsOf(course);
        Map<String, Submission> latest = new HashMap<>(); // student/assignment/exercise -> latest attempt that counts
        for (Submission s : deps.store().submissions().ofCourse(course)) {
            if (s.attempt() > resets.getOrDefault(s.assignment() + '/' + s.exercise() + '/' + s.student(), 0)) {
                latest.put(s.student() + "/" + s.assignment() + "/" + s.exercise(), s);
            }
        }
        Map<String, ScoreOverride> overrides = new HashMap<>();
        for (ScoreOverride o : deps.store().overrides().ofCourse(course)) overrides.put(o.student() + "/" + o.assignment() + "/" + o.exercise(), o);
        List<Column> columns = assignments.stream().map(a -> new Column(a.id(), a.title(),
                a.exercises().stream().mapToDouble(e -> max(deps, a, e)).sum(), a.exercises())).toList();
        List<Row> rows = new ArrayList<>();
        for (Student st : deps.store().people().students(course)) {
            Map<String, Double> byAssignment = new LinkedHashMap<>();
            Map<String, Double> byExercise = new LinkedHashMap<>();
            Map<String, Map<String, Object>> notes = new LinkedHashMap<>();
            Double total = null;
            for (Assignment a : assignments) {
                Double sum = null;
                for (String e : a.exercises()) {
                    String key = st.id() + "/" + a.id() + "/" + e;
                    ScoreOverride o = overrides.get(key);
                    Submission s = latest.get(key);
                    Double score = o != null ? Double.valueOf(o.score()) : s == null ? null : Double.valueOf(s.grade().counted());
                    if (o != null) notes.put(a.id() + "/" + e, Grading.override(o));
                    byExercise.put(a.id() + "/" + e, score);
                    if (score != null) sum = (sum == null ? 0 : sum) + score;
                }
                byAssignment.put(a.id(), sum == null ? null : round(sum));
                if (sum != null) total = (total == null ? 0 : total) + sum;
            }
            rows.add(new Row(st.id(), st.name(), total == null ? null : round(total), byAssignment, byExercise, notes));
        }
        return new Book(columns, rows);
    }

    /** One student's grade for one assignment and what it is out of, as the gradebook shows it (for the LMS's gradebook). */
    public static double[] assignmentGrade(Deps deps, Assignment a, String student) {
        double sum = 0;
        double max = 0;
        for (String e : a.exercises()) {
            ScoreOverride o = deps.store().overrides().of(a.course(), a.id(), e, student).orElse(null);
            int reset = deps.store().submissions().resetThrough(a.course(), a.id(), e, student);
            List<Submission> attempts = deps.store().submissions().history(a.course(), a.id(), e, student);
            if (o != null) sum += o.score();
            else if (!attempts.isEmpty() && attempts.getLast().attempt() > reset) sum += attempts.getLast().grade().counted();
            max += max(deps, a, e);
        }
        return new double[] {round(sum), round(max)};
    }

    /** What an exercise is worth under the assignment's rubric, from the exercise as loaded now. */
    static double max(Deps deps, Assignment a, String exercise) {
        Catalog.Entry entry = deps.catalog().exercise(exercise).orElse(null);
        if (entry == null) return 0;
        Rubric rubric = deps.catalog().rubric(a.rubric() != null ? a.rubric() : entry.rubric()).orElse(Rubric.DEFAULT);
        return entry.checked().variants().get(0).exercise().questions().stream().mapToDouble(rubric::pointsFor).sum();
    }

    /** Canvas's gradebook import: Student, ID, one column per assignment, a Points Possible row first. */
    static String csv(Book book) {
        List<Object> header = new ArrayList<>(List.of("Student", "ID"));
        List<Object> possible = new ArrayList<>(List.of("Points Possible", ""));
        for (Column c : book.assignments()) {
            header.add(c.title() + " (" + c.id() + ")");
            possible.add(c.max());
        }
        header.add("Total");
        possible.add(round(book.assignments().stream().mapToDouble(Column::max).sum()));
        StringBuilder b = new StringBuilder(Csv.row(header)).append(Csv.row(possible));
        for (Row r : book.students()) {
            List<Object> row = new ArrayList<>(List.of(r.name(), r.id()));
            for (Column c : book.assignments()) row.add(r.assignments().get(c.id()));
            row.add(r.total());
            b.append(Csv.row(row));
        }
        return b.toString();
    }

    /** The scores set by hand, with why, who and when: the gradebook CSV carries the scores, an LMS import has no place for notes. */
    static String overridesCsv(List<ScoreOverride> overrides) {
        StringBuilder b = new StringBuilder(Csv.row(List.of("student", "assignment", "exercise", "score", "note", "set_by", "set_at")));
        for (ScoreOverride o : overrides) {
            b.append(Csv.row(List.of(o.student(), o.assignment(), o.exercise(), o.score(), o.note(), o.by(), o.at().toString())));
        }
        return b.toString();
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
