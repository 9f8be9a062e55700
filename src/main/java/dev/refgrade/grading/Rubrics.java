package dev.refgrade.grading;

import dev.refgrade.exercise.Problems;
import dev.refgrade.python.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The rubrics of a folder: those that load, by name, and the problems of those that do not. */
public final class Rubrics {
    private final Map<String, Rubric> byName;
    private final List<Diagnostic> problems;

    private Rubrics(Map<String, Rubric> byName, List<Diagnostic> problems) {
        this.byName = byName;
        this.problems = problems;
    }

    /** Every *.yaml under {@code dir}; a missing folder holds no rubrics. */
    public static Rubrics load(Path dir) {
        Map<String, Rubric> byName = new TreeMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return new Rubrics(byName, problems);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Diagnostic(dir.toString(), 1, 1, "cannot list the rubrics folder: " + e.getMessage()));
            return new Rubrics(byName, problems);
        }
        for (Path f : files) {
            Problems p = new Problems(f.toString());
            Rubric r = file(f, p);
            if (r != null) byName.put(r.name(), r);
            problems.addAll(p.all());
        }
        return new Rubrics(byName, List.copyOf(problems));
    }

    /** One rubric file, or null with its problems in {@code problems}. */
    public static Rubric file(Path f, Problems problems) {
        try {
            return RubricLoader.load(Files.readString(f, StandardCharsets.UTF_8), f.getFileName().toString(), problems);
        } catch (IOException e) {
            problems.at(new Problems.Pos(1, 1), "cannot read the rubric: " + e.getMessage());
            return null;
        }
    }

    /** A rubric from text, as if it were the file {@code fileName}. */
    public static Rubric parse(String text, String fileName, Problems problems) {
        return RubricLoader.load(text, fileName, problems);
    }

    public Optional<Rubric> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public List<Diagnostic> problems() {
        return problems;
    }
}
