package dev.refgrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Recall;
import dev.refgrade.python.FileBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The key cache: what simulated runs worked out for an exercise (each variant's key, its answers
 * under misconceptions and other versions, its explanations), which rubric texts load, and the YAML
 * trees of both, kept in a folder between processes, one JSON file per exercise, rubric or YAML text.
 * A file is recalled only when it names the same refgrade build, file name, CPython version and
 * text (a tree's only the build and text), the text compared whole (the file's name is only a hash
 * of them), so an edited exercise, a rebuilt jar or another --python keys anew. A file that cannot be read is a miss; one that cannot be written costs the next process the
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

    /** YamlDocument.Trees: the tree of a YAML text (an exercise's or a rubric's) loaded in an earlier process. */
    @Override
    public synchronized Node recalled(String text) {
        Entry e = yaml(text);
        synchronized (e) {
            try {
                return e.saved.has("tree") ? SavedYaml.node(e.saved.get("tree")) : null;
            } catch (RuntimeException torn) {
                e.saved.remove("tree"); // parsed anew, and saved over
                return null;
            }
        }
    }

    @Override
    public synchronized void treeOf(String text, Node root) {
        Entry e = yaml(text);
        synchronized (e) {
            if (e.saved.has("tree")) return; // a text's tree is always the same
            ArrayNode tree = SavedYaml.tree(root);
            if (tree == null) return;
            e.saved.set("tree", tree);
            e.changed = true;
        }
    }

    private Entry yaml(String text) {
        return entry(NODES.objectNode().put("format", FORMAT).put("build", build).put("yaml", text));
    }

    private Entry rubric(String fileName, String text) {
        return entry(NODES.objectNode().put("format", FORMAT).put("build", build).put("rubric", fileName).put("text", text));
    }

    private Entry entry(ObjectNode identity) {
        long hash = 0xcbf29ce484222325L;
        for (JsonNode part : identity) hash = fnv64(hash, part.isTextual() ? part.textValue() : Integer.toString(part.intValue()));
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
        // Another process may be reading or writing the same file: each writes a file of its own and
        // renames it into place. Named by process and time, not by Files.createTempFile, whose random
        // names seed a SecureRandom: a few ms of the first, cold grade of an exercise.
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
        try {
            Files.writeString(tmp, JsonTrees.write(root, false), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
    static final class Entry {
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
                // Not FileBytes.utf8's strict decoding: a file that is not the text it was is a miss by its identity.
                if (PlainJson.read(new String(FileBytes.read(file), StandardCharsets.UTF_8)) instanceof ObjectNode read) {
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
            return variants.get(index) instanceof ObjectNode v ? new SavedVariant(this, v, ex) : Recall.NONE;
        }
    }
}
