package dev.refgrade.grading;

import dev.refgrade.exercise.VariantMemo;
import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.runtime.Programs;
import dev.refgrade.runtime.Variation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Names the misconception behind a wrong answer, by counterfactual runs: the question is answered
 * again with the simulator changed as each misconception of the catalog says, and the first whose
 * answer is the student's is named. Nothing is keyed on wrong values: a misconception is named only
 * where running the program its way reproduces the answer.
 *
 * <p>Each counterfactual answer is computed once per (variant, question, set of variations) and
 * shared by every instance and thread, so a batch of 100,000 answers runs each at most once.
 */
public final class Diagnoser {
    /** Per (variant, question): the answer under each set of variations, empty when it is the truth or there is none. */
    private static final VariantMemo<Map<Set<Variation>, Optional<Answer>>> MEMO = new VariantMemo<>(4096);

    private final List<Misconception> catalog;
    private final BiPredicate<Answer, Answer> same;

    /** The whole catalog, answers compared with equals (choice and lines lists sorted, as the key has them). */
    public Diagnoser() {
        this(Misconceptions.ALL, Answer::equals);
    }

    /** {@code same} tells whether a student's answer is a counterfactual one, as the grader compares answers. */
    public Diagnoser(List<Misconception> catalog, BiPredicate<Answer, Answer> same) {
        this.catalog = List.copyOf(catalog);
        this.same = same;
    }

    /**
     * The misconception that explains {@code student}'s answer to {@code q}, if one does; never for the
     * true answer. When several reproduce it (a True/False answer is reproduced by every belief that
     * flips it), the narrowest is named: the one that changes the fewest answers of the exercise, since
     * a belief that changes everything (assignment copies) explains one wrong answer least; ties go to
     * the catalog's order.
     */
    public Optional<Misconception> diagnose(Exercises.Variant v, Exercise.Question q, Answer student) {
        Answer truth = v.answers().get(q.id());
        if (student == null || truth == null || same.test(student, truth)) return Optional.empty();
        // Loops, not streams: Comparator.comparingLong's serializable lambda is spun anew in every
        // process (an AOT cache keeps none), a tenth of a cold `grade` that recalls its key.
        predictAll(v, List.of(q), catalog);
        List<Misconception> reproducing = new java.util.ArrayList<>();
        for (Misconception m : catalog) if (predicted(v, q, m).filter(p -> same.test(student, p)).isPresent()) reproducing.add(m);
        if (reproducing.size() < 2) return reproducing.stream().findFirst();
        predictAll(v, v.exercise().questions(), reproducing);
        Misconception narrowest = null;
        long least = Long.MAX_VALUE;
        for (Misconception m : reproducing) {
            long reach = reach(v, m);
            if (reach < least) {
                narrowest = m;
                least = reach;
            }
        }
        return Optional.of(narrowest);
    }

    /**
     * Each belief's answer to each question not yet worked out, on as many cores as there are (each is
     * a run or two of its own); a server's later diagnoses find them all known and hand nothing over.
     */
    private void predictAll(Exercises.Variant v, List<Exercise.Question> questions, List<Misconception> beliefs) {
        List<java.util.concurrent.Callable<Optional<Answer>>> work = new java.util.ArrayList<>();
        for (Exercise.Question x : questions) {
            if (!v.answers().containsKey(x.id())) continue;
            Map<Set<Variation>, Optional<Answer>> known = MEMO.get(v, x.id(), ConcurrentHashMap::new);
            for (Misconception m : beliefs) {
                if (!v.untouchedBy(x.id(), m.variations()) && !known.containsKey(m.variations())) work.add(() -> predicted(v, x, m));
            }
        }
        if (work.size() > 1) Programs.onDeepStacks(work);
    }

    /** How many questions of the exercise a student holding {@code m} would answer differently. */
    private long reach(Exercises.Variant v, Misconception m) {
        return v.exercise().questions().stream().filter(x -> v.answers().containsKey(x.id()) && predicted(v, x, m).isPresent()).count();
    }

    /** What a student holding {@code m} would answer, when that differs from the truth and the simulator can tell. */
    public Optional<Answer> predicted(Exercises.Variant v, Exercise.Question q, Misconception m) {
        // A belief about a mechanism the question's runs never used changes nothing there: no run needed.
        if (v.untouchedBy(q.id(), m.variations())) return Optional.empty();
        Answer truth = v.answers().get(q.id());
        return MEMO.get(v, q.id(), ConcurrentHashMap::new).computeIfAbsent(m.variations(), vs -> {
            Answer a = Exercises.answerUnder(v, q, vs);
            return a == null || a.equals(truth) ? Optional.empty() : Optional.of(a);
        });
    }
}
