package dev.refgrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.grading.AnswerRows;
import dev.refgrade.grading.Batch;
import dev.refgrade.grading.Grader;
import dev.refgrade.grading.Rubric;
import dev.refgrade.grading.Rubrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `bench-grading`: grades a seeded course of N answer rows over the exercise library, half of the
 * answers right and half wrong the ways students get them wrong, and reports the rate. Keying the
 * library is timed apart: a server keys once at start, then only grades.
 */
@Command(name = "bench-grading", description = "Time grading N generated answer rows over the exercise library.")
final class GradingBenchCommand implements Callable<Integer> {
    @Option(names = "--answers", defaultValue = "100000", description = "Answer rows to grade (default: ${DEFAULT-VALUE}).")
    int answers;

    @Option(names = "--exercises", defaultValue = "exercises", description = "The exercise library (default: ${DEFAULT-VALUE}).")
    Path exercises;

    @Option(names = "--rubrics", defaultValue = "rubrics", description = "The rubrics folder (default: ${DEFAULT-VALUE}).")
    Path rubrics;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated answers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        Rubrics library = Rubrics.load(rubrics);
        List<Exercises.Checked> keyed = new ArrayList<>();
        for (Path f : Exercises.files(List.of(exercises))) {
            Exercises.Checked c = Exercises.check(f, library.names());
            if (c.valid()) keyed.add(c);
        }
        long t1 = System.nanoTime();
        if (keyed.isEmpty()) {
            System.err.println("refgrade: no valid exercises in " + exercises);
            return 2;
        }
        Random random = new Random(seed);
        AnswerFaker faker = new AnswerFaker(random);
        Map<Exercises.Checked, List<AnswerRows.Row>> rows = new LinkedHashMap<>();
        int students = Math.max(1, answers / 3);
        for (int i = 0; i < answers; i++) {
            Exercises.Checked c = keyed.get(random.nextInt(keyed.size()));
            String student = "s" + random.nextInt(students);
            JsonNode a = faker.answers(c.variantFor("bench", student));
            rows.computeIfAbsent(c, k -> new ArrayList<>()).add(new AnswerRows.Row(i + 1, i + 1, 1, student, a, Instant.EPOCH.plusSeconds(i)));
        }
        Batch batch = new Batch(new Grader());
        int graded = 0, refused = 0, questions = 0;
        long t2 = System.nanoTime();
        for (var e : rows.entrySet()) {
            Rubric r = library.get(e.getKey().variants().get(0).exercise().rubric() == null ? "default"
                    : e.getKey().variants().get(0).exercise().rubric()).orElse(Rubric.DEFAULT);
            for (Batch.Outcome o : batch.grade(e.getKey(), "bench", r, e.getValue(), null, s -> { }, () -> { })) {
                if (o.graded() == null) refused++;
                else {
                    graded++;
                    questions += o.graded().questions().size();
                }
            }
        }
        long t3 = System.nanoTime();
        double seconds = (t3 - t2) / 1e9;
        System.out.printf("library    %d exercises keyed in %.1f s%n", keyed.size(), (t1 - t0) / 1e9);
        System.out.printf("course     %d answer rows (seed %d), %d graded, %d refused (attempt limits), %d questions%n",
                answers, seed, graded, refused, questions);
        System.out.printf("grading    %.2f s: %.0f rows/s, %.0f questions/s (one thread, JDK %s)%n",
                seconds, answers / seconds, questions / seconds, Runtime.version());
        return 0;
    }
}
