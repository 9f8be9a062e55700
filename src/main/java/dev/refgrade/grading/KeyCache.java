package dev.refgrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Recall;
import dev.refgrade.python.FileBytes;
import dev.refgrade.runtime.HeapGraph;
import dev.refgrade.runtime.Variation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key cache: what simulated runs worked out for an exercise (each variant's key, its answers
 * under misconceptions and other versions, its explanations), and which rubric texts load, kept in a
 * folder between processes, one JSON file per exercise or rubric. A file is recalled only when it
 * names the same refgrade build, file name, CPython version and text, the text compared whole (the
 * file's name is only a hash of them), so an edited exercise, a rebuilt jar or another --python keys
 * anew. A file that cannot be read is a miss; one that cannot be written costs the next process the
 * runs, nothing else. Each build keeps its files in a folder of its own, and the first save of a new
 * build deletes the folders of builds unused for {@link #UNUSED} (a rebuilt jar never reads them).
 */
public final class KeyCache implements Recall.Store, Rubrics.Known {
    private static final int FORMAT = 2;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How long another build's folder is kept without a file saved in it. */
    static final java.time.Duration UNUSED = java.time.Duration.ofDays(7);

    private final Path root, dir;
    private final String build;
    private final Map<Path, Entry> entries = new LinkedHashMap<>();

    /** @param build names the simulator's code: a result saved by another build is never recalled. */
    public KeyCache(Path root, String build) {
        this.root = root;
        this.dir = root.resolve(Long.toHexString(fnv64(0xcbf29ce484222325L, build)));
        this.build = build;
    }

    @Override
    public synchronized Recall of(String fileName, String text, int index, Exercise ex) {
        return entry(NODES.objectNode().put("format", FORMAT).put("build", build).put("file", fileName)
                .put("python", ex.python().toString()).put("text", text)).variant(index, ex);
    }

    /** Rubrics.Known: whether a rubric of this text, in a file of this name, loaded in an earlier process. */
    @Override
    public synchronized boolean loads(String fileName, String text) {
        Entry e = rubric(fileName, text);
        synchronized (e) {
            return e.saved.path("loads").booleanValue();
        }
    }

    @Override
    public synchronized void loaded(String fileName, String text) {
        Entry e = rubric(fileName, text);
        synchronized (e) {
            e.saved.put("loads", true);
            e.changed = true;
        }
    }

    private Entry rubric(String fileName, String text) {
        return entry(NODES.objectNode().put("format", FORMAT).put("build", build).put("rubric", fileName).put("text", text));
    }

    private Entry entry(ObjectNode identity) {
        long hash = 0xcbf29ce484222325L;
        for (JsonNode part : identity) hash = fnv64(hash, part.asText());
        Path file = dir.resolve(Long.toHexString(hash) + ".json");
        return entries.computeIfAbsent(file, f -> Entry.load(f, identity));
    }

    /** Writes every file that gained a result in this process; the first failure is thrown after the rest are tried. */
    public synchronized void save() throws IOException {
        boolean changed = false;
        for (Entry e : entries.values()) {
            synchronized (e) {
                changed |= e.changed;
            }
        }
        if (changed && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            pruneOtherBuilds();
        }
        IOException failed = null;
        for (var e : entries.entrySet()) {
            Entry entry = e.getValue();
            JsonNode root;
            synchronized (entry) { // a variant's results are added under its entry's lock
                if (!entry.changed) continue;
                root = entry.root();
                entry.changed = false;
            }
            try {
                write(e.getKey(), root);
            } catch (IOException x) {
                synchronized (entry) {
                    entry.changed = true;
                }
                if (failed == null) failed = x;
            }
        }
        if (failed != null) throw failed;
    }

    /** Deletes the folders of other builds in which nothing was saved for {@link #UNUSED}; what cannot be deleted stays. */
    private void pruneOtherBuilds() {
        java.time.Instant before = java.time.Instant.now().minus(UNUSED);
        try (var folders = Files.newDirectoryStream(root, p -> !p.equals(dir) && p.getFileName().toString().matches("[0-9a-f]{1,16}"))) {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder) || Files.getLastModifiedTime(folder).toInstant().isAfter(before)) continue;
                try (var files = Files.newDirectoryStream(folder, "*.{json,tmp}")) {
                    for (Path f : files) Files.deleteIfExists(f);
                }
                Files.deleteIfExists(folder); // fails, and stays, if anything else is in it
            }
        } catch (IOException | RuntimeException e) {
            // pruning is housekeeping: a folder left behind costs disk, never a wrong answer
        }
    }

    private static void write(Path file, JsonNode root) throws IOException {
        Files.createDirectories(file.getParent());
        // Another process may be reading or writing the same file: each writes a file of its own and renames it into place.
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, JsonTrees.write(root, false), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** 64-bit FNV-1a, continued over {@code s} and a separator: a file name, not a check (the identity inside is compared whole). */
    private static long fnv64(long h, String s) {
        for (int i = 0; i <= s.length(); i++) {
            h ^= i < s.length() ? s.charAt(i) : 0x10000;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** One file: what it is about (its identity) and what is saved about that. */
    private static final class Entry {
        private final ObjectNode identity;
        /** The file's other fields: an exercise's variants, or whether a rubric loads. */
        final ObjectNode saved;
        boolean changed;

        private Entry(ObjectNode identity, ObjectNode saved) {
            this.identity = identity;
            this.saved = saved;
        }

        static Entry load(Path file, ObjectNode identity) {
            try {
                if (CacheJson.read(FileBytes.utf8(file)) instanceof ObjectNode read) {
                    boolean same = true;
                    for (var p : identity.properties()) same &= p.getValue().equals(read.remove(p.getKey()));
                    if (same) return new Entry(identity, read);
                }
            } catch (NoSuchFileException missing) {
                // never saved
            } catch (IOException | RuntimeException unreadable) {
                // a torn or foreign file: worked out anew, and overwritten when saved
            }
            return new Entry(identity, NODES.objectNode());
        }

        ObjectNode root() {
            return identity.deepCopy().setAll(saved);
        }

        synchronized Recall variant(int index, Exercise ex) {
            ArrayNode variants = saved.get("variants") instanceof ArrayNode a ? a : saved.putArray("variants");
            while (variants.size() <= index) variants.addObject();
            return variants.get(index) instanceof ObjectNode v ? new VariantPart(this, v, ex) : Recall.NONE;
        }
    }

    /** One variant's part of a file. Answers are saved as `check --json` writes them and read back as a student's are. */
    private record VariantPart(Entry entry, ObjectNode saved, Exercise ex) implements Recall {
        @Override
        public Key key() {
            synchronized (entry) {
                try {
                    return savedKey();
                } catch (IllegalArgumentException | NullPointerException e) {
                    return null; // a variation this build does not have
                }
            }
        }

        private Key savedKey() {
            if (!(saved.get("key") instanceof ObjectNode key) || !(saved.get("consulted") instanceof ObjectNode consulted)) return null;
            Map<String, Answer> answers = new LinkedHashMap<>();
            Map<String, Set<Variation>> ran = new LinkedHashMap<>();
            for (Exercise.Question q : ex.questions()) {
                if (consulted.get(q.id()) instanceof ArrayNode names) {
                    Set<Variation> vs = EnumSet.noneOf(Variation.class);
                    for (JsonNode n : names) vs.add(Variation.valueOf(n.textValue()));
                    ran.put(q.id(), Set.copyOf(vs));
                }
                JsonNode a = key.get(q.id());
                if (a == null) continue;
                Answer read = read(q, a);
                if (read == null) return null;
                answers.put(q.id(), read);
            }
            return answers.size() == key.size() ? new Key(answers, Map.copyOf(ran)) : null;
        }

        @Override
        public void keyed(Key key) {
            ObjectNode answers = NODES.objectNode(), consulted = NODES.objectNode();
            for (Exercise.Question q : ex.questions()) {
                Set<Variation> ran = key.consulted().get(q.id());
                if (ran != null) {
                    ArrayNode names = consulted.putArray(q.id());
                    for (Variation v : Variation.values()) if (ran.contains(v)) names.add(v.name());
                }
                Answer a = key.answers().get(q.id());
                if (a == null) continue;
                JsonNode written = written(q, a);
                if (written == null) return; // a key that would not read back as it is: not saved
                answers.set(q.id(), written);
            }
            synchronized (entry) {
                saved.set("key", answers);
                saved.set("consulted", consulted);
                entry.changed = true;
            }
        }

        @Override
        public Optional<Answer> under(Exercise.Question q, String what) {
            synchronized (entry) {
                JsonNode a = saved.path("under").path(q.id()).get(what);
                if (a == null) return null;
                if (a.isNull()) return Optional.empty();
                Answer read = read(q, a);
                return read == null ? null : Optional.of(read);
            }
        }

        @Override
        public void under(Exercise.Question q, String what, Answer answer) {
            JsonNode written = answer == null ? NODES.nullNode() : written(q, answer);
            if (written == null) return;
            put("under", q.id(), what, written);
        }

        @Override
        public Optional<String> note(String question, String what) {
            synchronized (entry) {
                JsonNode t = saved.path("notes").path(question).get(what);
                return t == null ? null : t.isTextual() ? Optional.of(t.textValue()) : Optional.empty();
            }
        }

        @Override
        public void note(String question, String what, String text) {
            put("notes", question, what, text == null ? NODES.nullNode() : NODES.textNode(text));
        }

        private void put(String part, String question, String what, JsonNode value) {
            synchronized (entry) {
                ObjectNode byQuestion = saved.get(part) instanceof ObjectNode o ? o : saved.putObject(part);
                ObjectNode byWhat = byQuestion.get(question) instanceof ObjectNode o ? o : byQuestion.putObject(question);
                byWhat.set(what, value);
                entry.changed = true;
            }
        }

        private static Answer read(Exercise.Question q, JsonNode a) {
            try {
                return q.kind() == Exercise.Kind.HEAP ? new Answer.HeapAnswer(drawing(a)) : StudentAnswers.read(q, a, "key");
            } catch (GradingException | RuntimeException e) {
                return null;
            }
        }

        /** A key's drawing as HeapAnswer.json writes it: a student's reading drops what only the key has (counts, its ids, truncation). */
        private static HeapGraph drawing(JsonNode a) {
            Map<String, Integer> names = new LinkedHashMap<>();
            for (var e : a.get("names").properties()) names.put(e.getKey(), e.getValue().intValue());
            List<HeapGraph.Node> nodes = new ArrayList<>();
            for (JsonNode o : a.get("objects")) {
                List<HeapGraph.Ref> refs = new ArrayList<>();
                for (JsonNode r : o.get("refs")) refs.add(new HeapGraph.Ref(r.get("label").textValue(), r.get("to").intValue()));
                JsonNode count = o.get("refcount");
                nodes.add(new HeapGraph.Node(o.get("id").intValue(), o.get("type").textValue(), o.get("value").textValue(),
                        count == null ? null : count.longValue(), List.copyOf(refs)));
            }
            return new HeapGraph(names, List.copyOf(nodes), a.path("truncated").booleanValue());
        }

        /** The answer's JSON, or null when reading it back would not give the same answer. */
        private static JsonNode written(Exercise.Question q, Answer a) {
            JsonNode n = JsonTrees.of(a.json());
            return a.equals(read(q, n)) ? n : null;
        }
    }
}
