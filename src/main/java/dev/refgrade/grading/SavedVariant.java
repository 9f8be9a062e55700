package dev.refgrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Recall;
import dev.refgrade.runtime.HeapGraph;
import dev.refgrade.runtime.Variation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One variant's part of a key cache file (KeyCache), read and added to under its file's lock.
 * Answers are saved as `check --json` writes them and read back as a student's are.
 */
record SavedVariant(KeyCache.Entry entry, ObjectNode saved, Exercise ex) implements Recall {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
