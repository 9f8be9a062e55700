package dev.refgrade.exercise;

import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.StackGraph;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.VersionRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/** The exercise package's entry point: a file in, every variant with its answer key (or its problems) out. */
public final class Exercises {
    /** The most variants an exercise may have: the library uses a handful; keying each costs a run per question. */
    public static final int MAX_VARIANTS = 64;

    private Exercises() {}

    /**
     * One variant: its parameter values, the exercise as that student sees it, its key, the probes
     * behind the key (none when the key was recalled), per question the variations whose mechanisms
     * its key's runs consulted (null where not known), and what earlier processes worked out for it.
     */
    public record Variant(Map<String, String> params, Exercise exercise, Map<String, Answer> answers, List<Keyer.Probed> probed,
            Map<String, Set<Variation>> consulted, Recall recall) {
        public Variant(Map<String, String> params, Exercise exercise, Map<String, Answer> answers, List<Keyer.Probed> probed) {
            this(params, exercise, answers, probed, null, Recall.NONE);
        }

        /**
         * Whether running {@code question} with these variations would run just as the key's runs did:
         * none of their mechanisms ran in those runs, so deviating in them changes nothing.
         */
        public boolean untouchedBy(String question, Set<Variation> variations) {
            Set<Variation> ran = consulted == null ? null : consulted.get(question);
            return ran != null && java.util.Collections.disjoint(ran, variations);
        }
    }

    /** A checked file: its problems (none when valid) and its variants. */
    public record Checked(String file, String id, List<dev.refgrade.python.Diagnostic> problems, List<Variant> variants) {
        public boolean valid() {
            return problems.isEmpty();
        }

        /** The variant a student gets, stably from (course, student, exercise). */
        public Variant variantFor(String course, String student) {
            return variants.get(Templates.pick(course, student, id, variants.size()));
        }
    }

    /** Loads and keys one file; {@code rubrics} are the names that exist, or null not to check them. */
    public static Checked check(Path path, Set<String> rubrics) {
        return check(path, rubrics, null);
    }

    /** As above, keyed for {@code python} instead of the version the file names, unless null. */
    public static Checked check(Path path, Set<String> rubrics, PythonVersion python) {
        return check(path, rubrics, python, Recall.Store.NONE);
    }

    /** As above, with each variant's key recalled from {@code store} when it holds it, and left there when not. */
    public static Checked check(Path path, Set<String> rubrics, PythonVersion python, Recall.Store store) {
        return check(path, python, store, rubrics == null ? null : () -> rubrics);
    }

    /**
     * As above, with the rubrics' names asked for only once the exercise is keyed (or has failed to
     * load): a caller can read the rubrics folder on another core meanwhile.
     */
    public static Checked check(Path path, PythonVersion python, Recall.Store store, Supplier<Set<String>> rubrics) {
        String text;
        try {
            text = dev.refgrade.python.FileBytes.utf8(path);
        } catch (IOException e) {
            Problems p = new Problems(path.toString());
            p.at(new Problems.Pos(1, 1), "cannot read the file: " + e.getMessage());
            return new Checked(path.toString(), null, p.all(), List.of());
        }
        return check(path.toString(), path.getFileName().toString(), text, rubrics, Limits.DEFAULT, python, store);
    }

    public static Checked check(String file, String fileName, String text, Set<String> rubrics) {
        return check(file, fileName, text, rubrics, Limits.DEFAULT);
    }

    /** As above, with every simulated run of the keying within {@code limits}. */
    public static Checked check(String file, String fileName, String text, Set<String> rubrics, Limits limits) {
        return check(file, fileName, text, rubrics == null ? null : () -> rubrics, limits, null, Recall.Store.NONE);
    }

    /** As above, keyed for {@code python} instead of the version the file names, unless null. */
    public static Checked check(String file, String fileName, String text, Set<String> rubrics, PythonVersion python) {
        return check(file, fileName, text, rubrics == null ? null : () -> rubrics, Limits.DEFAULT, python, Recall.Store.NONE);
    }

    private static Checked check(String file, String fileName, String text, Supplier<Set<String>> rubrics, Limits limits,
            PythonVersion python, Recall.Store store) {
        Problems problems = new Problems(file);
        String neutral = Templates.neutral(text);
        Node root = parse(neutral, problems, store);
        if (root == null) return new Checked(file, null, problems.all(), List.of());
        Exercise shape = new ExerciseLoader(neutral, problems).load(root, fileName);
        Templates.checkDeclared(text, shape.params(), problems);
        if (problems.any()) {
            checkRubric(shape, rubrics, problems);
            return new Checked(file, shape.id(), problems.all(), List.of());
        }
        Map<String, Node> trees = new LinkedHashMap<>();
        trees.put(neutral, root);
        List<Variant> variants = new ArrayList<>();
        for (Map<String, String> params : Templates.variants(shape.params())) {
            if (!params.isEmpty()) problems.context = "in variant " + describe(params) + ": ";
            String variantText = Templates.substitute(text, params);
            Exercise ex = shape;
            if (!variantText.equals(neutral)) { // an exercise without placeholders is the shape already loaded
                Node variantRoot = parse(variantText, problems, store);
                if (variantRoot == null) break;
                trees.put(variantText, variantRoot);
                ex = new ExerciseLoader(variantText, problems).load(variantRoot, fileName);
            }
            if (python != null) ex = ex.withPython(python);
            // Keys are saved as the default limits make them: other limits key anew.
            Recall recall = limits.equals(Limits.DEFAULT) ? store.of(fileName, text, variants.size(), ex) : Recall.NONE;
            Recall.Key key = recall.key();
            List<Keyer.Probed> probed = List.of();
            if (key == null) {
                Keyer keyer = new Keyer(ex, problems, limits);
                key = new Recall.Key(keyer.key(), Map.copyOf(keyer.consulted));
                probed = keyer.probed;
                if (!problems.any()) recall.keyed(key);
            }
            variants.add(new Variant(params, ex, key.answers(), probed, key.consulted(), recall));
            if (problems.any()) break;
        }
        // Checked last, so the rubrics are read while the exercise is keyed: a key depends on the
        // exercise's text alone, and is kept when only its rubric is wrong.
        problems.context = "";
        checkRubric(shape, rubrics, problems);
        if (problems.any()) return new Checked(file, shape.id(), problems.all(), List.of());
        trees.forEach(store::treeOf);
        return new Checked(file, shape.id(), problems.all(), variants);
    }

    /** The exercise names a rubric that {@code rubrics} (when given) has. */
    private static void checkRubric(Exercise shape, Supplier<Set<String>> rubrics, Problems problems) {
        if (rubrics == null || shape.rubric() == null) return;
        Set<String> names = rubrics.get();
        if (names.contains(shape.rubric())) return;
        problems.at(new Problems.Pos(1, 1), "rubric '" + shape.rubric() + "' does not exist" + (names.isEmpty()
                ? " (no rubrics folder found)" : "; rubrics: " + String.join(", ", names.stream().sorted().toList())));
    }

    /**
     * The answer {@code q} of this variant would have if Python worked with {@code variations}
     * (each a deviation of one mechanism, see {@link Variation}): the question's own runs, made
     * under them, when it differs from the key's. Null when it is the key's, or those runs give no
     * answer: the program fails or loops, the probe never comes or raises, or the answer is one
     * CPython would not fix. A quiet recompute: it reports nothing.
     */
    public static Answer answerUnder(Variant v, Exercise.Question q, Set<Variation> variations) {
        return answerUnder(v, q, Counterfactual.believing(variations));
    }

    /** The answer {@code q} of this variant has under another CPython's rules (see {@link #answerUnder(Variant, Exercise.Question, Set)}). */
    public static Answer answerUnder(Variant v, Exercise.Question q, VersionRules rules) {
        return answerUnder(v, q, Counterfactual.under(rules));
    }

    private static Answer answerUnder(Variant v, Exercise.Question q, Counterfactual cf) {
        String what = cf.key();
        java.util.Optional<Answer> known = v.recall().under(q, what);
        if (known != null) return known.orElse(null);
        Answer a = new Keyer(v.exercise(), new Problems(v.exercise().file())).answerUnder(q, cf, v.answers().get(q.id()));
        v.recall().under(q, what, a);
        return a;
    }

    /**
     * The objects probe {@code q} asks about and every reference to each at its point (see
     * {@link Referents}); empty for a question that is not a probe, a probe about no object with
     * holders, or one whose objects cannot be found there.
     */
    public static Optional<Referents> referents(Variant v, Exercise.Question q) {
        return Referents.of(v.exercise(), q);
    }

    private static Node parse(String text, Problems problems, Recall.Store store) {
        return YamlDocument.parse(text, problems, "an exercise", "an exercise needs at least id, title, code and questions", store);
    }

    /**
     * Everything the program holds where question {@code questionId} of this variant probes (every
     * frame's names, the objects they reach, their counts), to show a student once the truth is
     * shown; empty for a question without a probe point. Costs one simulated run.
     */
    public static Optional<StackGraph> stackAt(Variant v, String questionId) {
        return v.exercise().questions().stream().filter(q -> q.id().equals(questionId)).findFirst()
                .map(q -> new Keyer(v.exercise(), new Problems(v.exercise().id())).stackAt(q));
    }

    public static String describe(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    /** The exercise files under the given files and folders, in a stable order. */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
