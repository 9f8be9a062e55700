package dev.refgrade.server.gradebook;

import dev.refgrade.grading.Csv;
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
public final class Gradebook {
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

    /** One student's grade for one assignment and what it is out of, as the gradebook shows it (for the LMS's gradebook). */
    public static double[] assignmentGrade(Deps deps, Assignment a, String student) {
        double sum = 0;
        double max = 0;
        for (String e : a.exercises()) {
            List<Submission> attempts = deps.store().submissions().history(a.course(), a.id(), e, student);
            if (!attempts.isEmpty()) sum += attempts.get(attempts.size() - 1).grade().counted();
            max += max(deps, a, e);
        }
        return new double[] {round(sum), round(max)};
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

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
