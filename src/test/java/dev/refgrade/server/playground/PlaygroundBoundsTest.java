package dev.refgrade.server.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.server.Json;
import org.junit.jupiter.api.Test;

/** Issue 19, finding 4: whatever a program does, its playground response stays within the byte budget. */
class PlaygroundBoundsTest {
    private static final long BUDGET = 200_000;
    private final Playground playground = new Playground(Playground.LIMITS, Playground.MAX_STEPS, BUDGET);

    private JsonNode bounded(String code) {
        byte[] json = playground.json(code);
        assertTrue(json.length <= BUDGET, json.length + " bytes");
        return Json.read(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aLoopOverALongLineStopsRecordingAndSaysSo() {
        JsonNode r = bounded("for i in range(500):\n    s = '" + "x".repeat(5000) + "'\n");
        assertTrue(r.get("truncated").asBoolean());
        assertTrue(r.get("steps").size() > 10, "the steps that fit are kept");
        assertTrue(r.get("error").isNull(), "the program itself ran to its end");
    }

    @Test
    void anObjectGainingAThousandReferencesAStepStaysWithinTheBudget() {
        JsonNode r = bounded("x = []\na = []\nfor i in range(150):\n    a.append([x] * 1000)\n");
        assertTrue(r.get("truncated").asBoolean());
    }

    @Test
    void textThatJsonEscapesIsCountedAsSent() {
        Playground small = new Playground(Playground.LIMITS, Playground.MAX_STEPS, 600_000);
        byte[] json = small.json("for i in range(60):\n    print('\\x01' * 1000)\n");
        assertTrue(json.length <= 600_000, json.length + " bytes");
        assertTrue(Json.read(new String(json, java.nio.charset.StandardCharsets.UTF_8)).get("truncated").asBoolean());
    }

    @Test
    void aSmallProgramIsWholeAndNotTruncated() {
        JsonNode r = bounded("a = [1]\nb = a\n");
        assertEquals(2, r.get("steps").size() - (r.get("steps").get(r.get("steps").size() - 1).get("phase").asText().equals("SHUTDOWN") ? 1 : 0));
        assertTrue(!r.get("truncated").asBoolean());
    }
}
