package dev.refgrade.server.submissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.exercise.VariantMemo;
import dev.refgrade.server.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The heap where each question probes (every frame's names, the objects they reach, their counts),
 * shown beside a question's feedback once its truth is shown, since the drawing gives the truth
 * away. It costs a simulated run, so each (variant, question) is drawn once: a variant belongs to
 * one version of one exercise keyed for one CPython, so a changed exercise is drawn anew.
 */
final class ProbeHeaps {
    private final VariantMemo<Optional<JsonNode>> drawn = new VariantMemo<>(4096);

    /** The drawings of the questions in {@code shown} that have a probe point. */
    Map<String, JsonNode> of(Variant v, Set<String> shown) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String q : shown) drawn.get(v, q, () -> Exercises.stackAt(v, q).map(ProbeHeaps::written)).ifPresent(g -> out.put(q, g));
        return out;
    }

    /**
     * A drawing is a few kilobytes of JSON sent with every answer that shows its truth, the same
     * each time: it is written out once and sent as it was written.
     */
    private static JsonNode written(Object drawing) {
        return JsonNodeFactory.instance.rawValueNode(new RawValue(Json.write(drawing)));
    }
}
