package dev.refgrade.server.gradebook;

import dev.refgrade.grading.Rubric;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.store.Records.Assignment;
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
 */
final class Gradebook {
    record Column(String id, String title, double max, List<String> exercises) {}

    record Row(String id, String name, double total, Map<String, Double> assignments, Map<String, Double> exercises) {}

    record Book(List<Column> assignments, List<Row> students) {}

    private Gradebook() {}

    static Book of(Deps deps, String course) {
        List<Assignment> assignments = deps.store().courses().assignments(course);
        Map<String, Submission> latest = new HashMap<>(); // student/assignment/exercise -> latest attempt
        for (Submission s : deps.store().submissions().ofCourse(course)) latest.put(s.student() + "/" + s.assignment() + "/" + s.exercise(), s);
        List<Column> columns = assignments.stream().map(a -> new Column(a.id(), a.title(),
                a.exercises().stream().mapToDouble(e -> max(deps, a, e)).sum(), a.exercises())).toList();
        List<Row> rows = new ArrayList<>();
        for (Student st : deps.store().people().students(course)) {
            Map<String, Double> byAssignment = new LinkedHashMap<>();
            Map<String, Double> byExercise = new LinkedHashMap<>();
            double total = 0;
            for (Assignment a : assignments) {
                double sum = 0;
                for (String e : a.exercises()) {
                    Submission s = latest.get(st.id() + "/" + a.id() + "/" + e);
                    double counted = s == null ? 0 : s.grade().counted();
                    byExercise.put(a.id() + "/" + e, counted);
                    sum += counted;
                }
                byAssignment.put(a.id(), round(sum));
                total += sum;
            }
            rows.add(new Row(st.id(), st.name(), round(total), byAssignment, byExercise));
        }
        return new Book(columns, rows);
    }

    /** What an exercise is worth under the assignment's rubric, from the exercise as loaded now. */
    private static double max(Deps deps, Assignment a, String exercise) {
        Catalog.Entry entry = deps.catalog().exercise(exercise).orElse(null);
        if (entry == null) return 0;
        Rubric rubric = deps.catalog().rubric(a.rubric() != null ? a.rubric() : entry.rubric()).orElse(Rubric.DEFAULT);
        return entry.checked().variants().get(0).exercise().questions().stream().mapToDouble(rubric::pointsFor).sum();
    }

    /** Canvas's gradebook import: Student, ID, one column per assignment, a Points Possible row first. */
    static String csv(Book book) {
        StringBuilder b = new StringBuilder("Student,ID");
        for (Column c : book.assignments()) b.append(',').append(quote(c.title() + " (" + c.id() + ")"));
        b.append(",Total\r\nPoints Possible,");
        double max = 0;
        for (Column c : book.assignments()) {
            b.append(',').append(c.max());
            max += c.max();
        }
        b.append(',').append(round(max)).append("\r\n");
        for (Row r : book.students()) {
            b.append(quote(r.name())).append(',').append(quote(r.id()));
            for (Column c : book.assignments()) b.append(',').append(r.assignments().get(c.id()));
            b.append(',').append(r.total()).append("\r\n");
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s.matches("[^\",\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
