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
        // Branch and bound: a belief's reach is counted up from q's (which it changes), a core's worth of
        // questions at a time, and given up once it reaches the least so far, which it can then only tie,
        // and a tie goes to the earlier belief. The later beliefs seldom need a run of their own.
        int cores = Runtime.getRuntime().availableProcessors();
        Misconception narrowest = null;
        long least = Long.MAX_VALUE;
        for (Misconception m : reproducing) {
            List<Exercise.Question> others = new java.util.ArrayList<>();
            for (Exercise.Question x : v.exercise().questions()) {
                if (!x.id().equals(q.id()) && v.answers().containsKey(x.id()) && !v.untouchedBy(x.id(), m.variations())) others.add(x);
            }
            long reach = 1;
            for (int i = 0; i < others.size() && reach < least; i += cores) {
                List<Exercise.Question> some = others.subList(i, Math.min(others.size(), i + cores));
                predictAll(v, some, List.of(m));
                for (Exercise.Question x : some) if (predicted(v, x, m).isPresent()) reach++;
            }
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
