package dev.refgrade.grading;

import dev.refgrade.exercise.Digest;
import dev.refgrade.exercise.Problems;
import dev.refgrade.exercise.YamlDocument;
import dev.refgrade.python.Diagnostic;
import dev.refgrade.python.FileBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rubrics of a folder: those that load, by name, and the problems of those that do not. A rubric
 * is named for its file, so a file that fails names the rubric it held.
 */
public final class Rubrics {
    /**
     * A rubric and the text it came from, hashed only when asked: the JDK's first SHA-256 sets up its
     * security providers, a tenth of a cold `check`, which needs no hash. A text an earlier process
     * found valid ({@link Known}) is parsed only when its rubric is asked for.
     */
    public static final class Loaded {
        private final String text, fileName;
        private final Known known;
        private Rubric rubric;

        Loaded(Rubric rubric, String text, String fileName, Known known) {
            this.rubric = rubric;
            this.text = text;
            this.fileName = fileName;
            this.known = known;
        }

        public synchronized Rubric rubric() {
            if (rubric == null) {
                Problems p = new Problems(fileName);
                rubric = RubricLoader.load(text, fileName, p, known);
                if (rubric == null) throw new IllegalStateException(fileName + " was recalled as a valid rubric but is not: " + p.all());
            }
            return rubric;
        }

        public String hash() {
            return Digest.sha256(text);
        }
    }

    /** Rubric texts known to load, and their YAML trees, from an earlier process (the key cache); told each text found to load. */
    public interface Known extends YamlDocument.Trees {
        boolean loads(String fileName, String text);

        void loaded(String fileName, String text);
    }

    private final Map<String, Loaded> byName;
    private final List<Diagnostic> problems;
    /** The files that failed to load, each with the name of the rubric it holds (its stem). */
    private final Map<String, String> failed;

    private Rubrics(Map<String, Loaded> byName, List<Diagnostic> problems, Map<String, String> failed) {
        this.byName = byName;
        this.problems = problems;
        this.failed = failed;
    }

    /** Every *.yaml under {@code dir}; a missing folder holds no rubrics. */
    public static Rubrics load(Path dir) {
        return load(dir, null);
    }

    /** As above, parsing a text {@code known} knows to load only when its rubric is asked for. */
    public static Rubrics load(Path dir, Known known) {
        Map<String, Loaded> byName = new TreeMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, String> failed = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) return new Rubrics(byName, problems, failed);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Diagnostic(dir.toString(), 1, 1, "cannot list the rubrics folder: " + e.getMessage()));
            return new Rubrics(byName, problems, failed);
        }
        for (Path f : files) {
            Problems p = new Problems(f.toString());
            Loaded r = read(f, p, known);
            if (r != null) byName.put(stem(f), r); // a rubric that loads is named for its file
            else failed.put(f.toString(), stem(f));
            problems.addAll(p.all());
        }
        return new Rubrics(byName, List.copyOf(problems), failed);
    }

    /**
     * These rubrics, and for each file that failed to load, the rubric {@code previous} loaded from
     * it: a typo saved during term takes no rubric, and no exercise graded by it, offline.
     */
    public Rubrics keepingLastValid(Rubrics previous) {
        Map<String, Loaded> kept = new TreeMap<>(byName);
        failed.values().forEach(name -> {
            Loaded last = previous.byName.get(name);
            if (last != null) kept.putIfAbsent(name, last);
        });
        return new Rubrics(kept, problems, failed);
    }

    /** The SHA-256 of the last valid version still served for a file that failed, if one is. */
    public Optional<String> serving(String file) {
        String name = failed.get(file);
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name)).map(Loaded::hash);
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    /** One rubric file, or null with its problems in {@code problems}; its YAML tree recalled from {@code known} if kept there (null for none). */
    public static Rubric file(Path f, Problems problems, Known known) {
        Loaded r = read(f, problems, known);
        return r == null ? null : r.rubric();
    }

    private static Loaded read(Path f, Problems problems, Known known) {
        try {
            String text = FileBytes.utf8(f);
            String fileName = f.getFileName().toString();
            if (known != null && known.loads(fileName, text)) return new Loaded(null, text, fileName, known);
            Rubric r = RubricLoader.load(text, fileName, problems, known);
            if (r != null && known != null) known.loaded(fileName, text);
            return r == null ? null : new Loaded(r, text, fileName, known);
        } catch (IOException e) {
            problems.at(new Problems.Pos(1, 1), "cannot read the rubric: " + e.getMessage());
            return null;
        }
    }

    /** A rubric from text, as if it were the file {@code fileName}. */
    public static Rubric parse(String text, String fileName, Problems problems) {
        return RubricLoader.load(text, fileName, problems, null);
    }

    public Optional<Rubric> get(String name) {
        return Optional.ofNullable(byName.get(name)).map(Loaded::rubric);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public List<Diagnostic> problems() {
        return problems;
    }
}
