package dev.refgrade.server;

import dev.refgrade.exercise.Digest;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.grading.Rubric;
import dev.refgrade.grading.Rubrics;
import dev.refgrade.python.Diagnostic;
import dev.refgrade.runtime.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exercises and rubrics being served, read from their folders and validated. An invalid file is
 * logged with its positions and left out; the rest are served. {@link #reload} swaps in a new set
 * at once, so a request sees either the old catalog or the new one.
 */
public final class Catalog {
    /** Names the simulator and grader a grade came from; change it when either grades differently. */
    public static final String ENGINE = "refgrade 0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

    /**
     * A served exercise and the SHA-256 of its file, which every submission records. Its key is for the
     * CPython its file names (3.11 when it names none); {@link #under} keys it for another.
     */
    public static final class Entry {
        private final Exercises.Checked checked;
        private final String hash;
        private final String text;
        private final Set<String> rubrics;
        private final Map<PythonVersion, Entry> keyings = new ConcurrentHashMap<>();

        Entry(Exercises.Checked checked, String hash, String text, Set<String> rubrics) {
            this.checked = checked;
            this.hash = hash;
            this.text = text;
            this.rubrics = rubrics;
        }

        public Exercises.Checked checked() {
            return checked;
        }

        public String hash() {
            return hash;
        }

        public String title() {
            return first().title();
        }

        public String rubric() {
            String r = first().rubric();
            return r == null ? "default" : r;
        }

        /** The CPython this entry's key, grades and explanations are for. */
        public PythonVersion python() {
            return first().python();
        }

        /** Whether the exercise's file names its CPython (`python:`): then that version is its key's whatever the course chose. */
        public boolean pinned() {
            return first().pythonAt() != null;
        }

        /**
         * The exercise keyed for {@code chosen}, a course's or an assignment's choice; itself when its file
         * names a version (the author wrote it about that one) or it is keyed for {@code chosen} already.
         * Keyed once per version and kept while this entry is served. Not {@link Exercises.Checked#valid}
         * when the program cannot be run under {@code chosen} (a refusal names why).
         */
        public Entry under(PythonVersion chosen) {
            if (pinned() || chosen == python()) return this;
            return keyings.computeIfAbsent(chosen, v -> new Entry(Exercises.check(checked.file(),
                    Path.of(checked.file()).getFileName().toString(), text, rubrics, v), hash, text, rubrics));
        }

        /**
         * The engine a grade came from, stored with it: a grade under another CPython is another engine's,
         * so changing an assignment's version makes its grades stale for a regrade. 3.11 keeps the plain
         * name, which every grade before versions were chosen carries.
         */
        public String engine() {
            return python() == PythonVersion.DEFAULT ? ENGINE : ENGINE + " (CPython " + python() + ")";
        }

        private dev.refgrade.exercise.Exercise first() {
            return checked.variants().get(0).exercise();
        }
    }

    /**
     * A file that failed to load, and its problems. {@code serving}: the exercise's last valid version,
     * which is still served (null when there is none), so a typo saved during term takes nothing offline.
     */
    public record Invalid(String file, List<String> problems, String serving) {
        Invalid(String file, List<String> problems) {
            this(file, problems, null);
        }
    }

    public record Snapshot(Map<String, Entry> exercises, Rubrics rubrics, List<Invalid> invalid) {}

    private final Path exercisesDir;
    private final Path rubricsDir;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    public Catalog(Path exercisesDir, Path rubricsDir) {
        this.exercisesDir = exercisesDir;
        this.rubricsDir = rubricsDir;
        reload();
    }

    public Snapshot snapshot() {
        return current.get();
    }

    public Optional<Entry> exercise(String id) {
        return Optional.ofNullable(current.get().exercises().get(id));
    }

    public Optional<Rubric> rubric(String name) {
        return current.get().rubrics().get(name);
    }

    /**
     * Reads both folders again; the new set replaces the old one whole, except that an exercise
     * file that no longer loads keeps its last valid version served, and is reported as invalid.
     */
    public Snapshot reload() {
        Snapshot previous = current.get();
        Rubrics loaded = Rubrics.load(rubricsDir);
        Rubrics rubrics = previous == null ? loaded : loaded.keepingLastValid(previous.rubrics());
        List<Invalid> invalid = new ArrayList<>(group(rubrics));
        Map<String, Entry> exercises = new LinkedHashMap<>();
        List<Path> files;
        try {
            files = Files.isDirectory(exercisesDir) ? Exercises.files(List.of(exercisesDir)) : List.of();
        } catch (IOException e) {
            files = List.of();
            invalid.add(new Invalid(exercisesDir.toString(), List.of(exercisesDir + ":1:1: cannot list the folder: " + e.getMessage())));
        }
        List<Checked> checked = files.parallelStream().map(f -> check(f, rubrics)).toList();
        List<Checked> broken = new ArrayList<>();
        for (Checked c : checked) {
            if (!c.checked().valid()) {
                broken.add(c);
            } else if (exercises.containsKey(c.checked().id())) {
                invalid.add(new Invalid(c.file().toString(), List.of(c.file() + ":1:1: exercise id '" + c.checked().id()
                        + "' is already used by " + exercises.get(c.checked().id()).checked().file())));
            } else {
                exercises.put(c.checked().id(), new Entry(c.checked(), c.hash(), c.text(), rubrics.names()));
            }
        }
        for (Checked c : broken) {
            List<String> problems = c.checked().problems().stream().map(Diagnostic::render).toList();
            Entry last = previous == null ? null : lastValid(previous, c.file().toString());
            boolean keep = last != null && !exercises.containsKey(last.checked().id());
            if (keep) exercises.put(last.checked().id(), last);
            invalid.add(new Invalid(c.file().toString(), problems, keep ? last.hash() : null));
        }
        invalid.forEach(i -> i.problems().forEach(p -> LOG.warn(i.serving() == null ? "not served: {}" : "still serving the last valid version: {}", p)));
        LOG.info("serving {} exercises and {} rubrics; {} files invalid", exercises.size(), rubrics.names().size(), invalid.size());
        Snapshot s = new Snapshot(Map.copyOf(exercises), rubrics, List.copyOf(invalid));
        current.set(s);
        return s;
    }

    /** Where an exercise saved from the browser goes: its file, or a new {@code ID.yaml} in the exercises folder. */
    public Path fileFor(String id) {
        return exercise(id).map(e -> Path.of(e.checked().file())).orElse(exercisesDir.resolve(id + ".yaml"));
    }

    /** How a saved file names itself in problems: folder and name, as an author finds it in the repository. */
    public String shownName(Path file) {
        Path folder = exercisesDir.toAbsolutePath().getFileName();
        return (folder == null ? "" : folder + "/") + file.getFileName();
    }

    /**
     * Writes an exercise file that was validated as {@link #reload} validates it, then reloads:
     * the file appears whole or not at all (written beside it, then moved over it), one save at a time.
     */
    public synchronized Snapshot write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".saving"); // not *.yaml: a reload never reads it half-written
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return reload();
    }

    private record Checked(Path file, Exercises.Checked checked, String hash, String text) {}

    /** The entry the previous snapshot served from {@code file}, if any. */
    private static Entry lastValid(Snapshot previous, String file) {
        return previous.exercises().values().stream().filter(e -> e.checked().file().equals(file)).findFirst().orElse(null);
    }

    private static Checked check(Path file, Rubrics rubrics) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new Checked(file, Exercises.check(file.toString(), file.getFileName().toString(), text, rubrics.names()), Digest.sha256(text), text);
        } catch (IOException e) {
            return new Checked(file, Exercises.check(file, rubrics.names()), "", "");
        }
    }

    /** The rubric files that failed, each with its problems and the last valid version still served. */
    private static List<Invalid> group(Rubrics rubrics) {
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        rubrics.problems().forEach(d -> byFile.computeIfAbsent(d.file(), f -> new ArrayList<>()).add(d.render()));
        return byFile.entrySet().stream().map(e -> new Invalid(e.getKey(), e.getValue(), rubrics.serving(e.getKey()).orElse(null))).toList();
    }

}
