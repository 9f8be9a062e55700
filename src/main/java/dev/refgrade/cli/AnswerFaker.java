package dev.refgrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercises;
import java.util.Random;

/** Seeded answers for benchmarks: each question right half the time, else wrong the way a student slips. */
final class AnswerFaker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Random random;

    AnswerFaker(Random random) {
        this.random = random;
    }

    JsonNode answers(Exercises.Variant v) {
        ObjectNode out = JSON.createObjectNode();
        for (Exercise.Question q : v.exercise().questions()) {
            if (random.nextInt(10) == 0) continue;
            JsonNode truth = JSON.valueToTree(v.answers().get(q.id()).json());
            out.set(q.id(), random.nextBoolean() ? truth : wrong(q, v.answers().get(q.id()), truth));
        }
        return out;
    }

    private JsonNode wrong(Exercise.Question q, Answer truth, JsonNode t) {
        return switch (truth) {
            case Answer.IntAnswer i -> JSON.valueToTree(i.value().add(java.math.BigInteger.valueOf(random.nextBoolean() ? 1 : -1 - random.nextInt(3))));
            case Answer.BoolAnswer b -> JSON.valueToTree(!b.value());
            case Answer.TextAnswer s -> JSON.valueToTree(s.value() + (random.nextBoolean() ? "" : "'"));
            case Answer.OutputAnswer o -> JSON.valueToTree(o.text().replaceFirst("\\d", String.valueOf(random.nextInt(10))));
            case Answer.ChoiceAnswer c -> {
                ArrayNode a = JSON.createArrayNode();
                for (int i = 0; i < q.choices().size(); i++) if (random.nextBoolean()) a.add(i);
                yield a;
            }
            case Answer.LinesAnswer l -> {
                ArrayNode a = JSON.createArrayNode();
                l.lines().stream().skip(random.nextInt(2)).forEach(a::add);
                a.add(1 + random.nextInt(12));
                yield a;
            }
            case Answer.HeapAnswer h -> {
                ObjectNode drawing = t.deepCopy();
                for (JsonNode o : drawing.path("objects")) {
                    if (o.path("refs").size() > 0 && random.nextBoolean()) {
                        ((ArrayNode) o.path("refs")).remove(0);
                        break;
                    }
                }
                yield drawing;
            }
        };
    }
}
