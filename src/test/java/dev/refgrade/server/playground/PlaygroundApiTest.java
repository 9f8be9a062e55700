package dev.refgrade.server.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refgrade.server.Errors;
import dev.refgrade.server.Json;
import dev.refgrade.server.SimulatorGate;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST /api/playground/run: steps as JSON, the program's failures as data, bad requests as {error, detail}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeAll
    void start() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            Json.limitBodies(cfg, 64 * 1024);
            Errors.register(cfg.routes);
            new PlaygroundApi(new Playground(Playground.LIMITS, 50), SimulatorGate.forThisMachine()).routes(cfg.routes);
        });
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        app.stop();
    }

    private HttpResponse<String> post(String body) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/playground/run"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode run(String code) throws Exception {
        HttpResponse<String> res = post(JSON.writeValueAsString(Map.of("code", code)));
        assertEquals(200, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    @Test
    void eachStepHasItsLineOutputGraphAndEvents() throws Exception {
        JsonNode r = run("a = [1]\nb = a\nprint(len(b))\n");
        JsonNode second = r.get("steps").get(1);
        assertEquals(2, second.get("line").asInt());
        assertEquals("RUN", second.get("phase").asText());
        JsonNode module = second.get("heap").get("frames").get(0);
        assertEquals("<module>", module.get("function").asText());
        int list = module.get("names").get("a").asInt();
        assertEquals(2, second.get("heap").get("objects").get(list).get("refcount").asInt());
        assertEquals("COUNT", second.get("events").get(0).get("kind").asText());
        assertEquals("1\n", r.get("steps").get(2).get("printed").asText());
        assertTrue(r.get("error").isNull());
        assertFalse(r.get("truncated").asBoolean());
    }

    @Test
    void programErrorsAreDataWithTheirPlace() throws Exception {
        JsonNode syntax = run("x = 1\nif x\n").get("error");
        assertEquals("syntax", syntax.get("kind").asText());
        assertEquals(2, syntax.get("line").asInt());
        assertTrue(syntax.get("col").asInt() > 0);
        JsonNode raised = run("def f():\n    return 1 / 0\nf()\n");
        assertEquals("exception", raised.get("error").get("kind").asText());
        assertEquals(2, raised.get("error").get("line").asInt());
        assertEquals("ZeroDivisionError: division by zero", raised.get("error").get("message").asText());
        assertTrue(raised.get("stderr").asText().startsWith("Traceback"));
        assertEquals("unsupported", run("async def f():\n    pass\n").get("error").get("kind").asText());
    }

    @Test
    void longRunsAreCutAtTheStepLimitAndSaySo() throws Exception {
        JsonNode r = run("i = 0\nwhile i < 1000:\n    i += 1\nprint(i)\n");
        assertEquals(50, r.get("steps").size());
        assertTrue(r.get("truncated").asBoolean());
        assertEquals("1000\n", r.get("stdout").asText());
        assertEquals("limit", run("while True:\n    pass\n").get("error").get("kind").asText());
    }

    @Test
    void badRequestsGetTheServersErrorShape() throws Exception {
        HttpResponse<String> missing = post("{}");
        assertEquals(422, missing.statusCode());
        assertEquals("code", JSON.readTree(missing.body()).get("field").asText());
        HttpResponse<String> garbled = post("not json");
        assertEquals(400, garbled.statusCode());
        assertEquals("malformed_json", JSON.readTree(garbled.body()).get("error").asText());
        assertEquals(413, post(JSON.writeValueAsString(Map.of("code", "x = 1\n".repeat(5000)))).statusCode());
    }
}
