package dev.refgrade.server.submissions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The heap where each question probes (every frame's names, the objects they reach, their counts),
 * shown beside a question's feedback once its truth is shown, since the drawing gives the truth
 * away. It costs a simulated run, so each (exercise version, variant, question) is drawn once.
 */
final class ProbeHeaps {
    private final Map<String, Optional<JsonNode>> drawn = new ConcurrentHashMap<>();

    /** The drawings of the questions in {@code shown} that have a probe point. */
    Map<String, JsonNode> of(Catalog.Entry entry, Variant v, Set<String> shown) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String q : shown) {
            String key = entry.hash() + '\0' + Grading.params(v) + '\0' + q;
            drawn.computeIfAbsent(key, k -> Exercises.stackAt(v, q).map(g -> Json.MAPPER.valueToTree(g))).ifPresent(g -> out.put(q, g));
        }
        return out;
    }
}
