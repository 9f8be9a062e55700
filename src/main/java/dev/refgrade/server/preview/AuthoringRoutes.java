package dev.refgrade.server.preview;

import static dev.refgrade.server.auth.Role.INSTRUCTOR;

import dev.refgrade.exercise.Digest;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.python.Diagnostic;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Json;
import dev.refgrade.server.SimulatorGate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exercise authoring from the browser: an exercise's YAML to edit, and a draft saved into the library.
 * A draft is validated and keyed exactly as the library's loader and `refgrade check` do (the same
 * call, the same limits, the file named after its id); one with any problem is refused with all of
 * them at their file:line:col, and nothing is written. The file is the author's text (line endings
 * made LF, one final newline), so it diffs in git as they wrote it, comments included.
 */
public final class AuthoringRoutes {
    record DraftIn(String yaml) {}

    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*['\"]?([a-z0-9-]+)['\"]?\\s*$");

    private final Catalog catalog;
    private final SimulatorGate gate;
    private final Consumer<Context> admit;

    private AuthoringRoutes(Catalog catalog, SimulatorGate gate, Consumer<Context> admit) {
        this.catalog = catalog;
        this.gate = gate;
        this.admit = admit;
    }

    public static void register(RoutesConfig routes, Catalog catalog, SimulatorGate gate, Consumer<Context> admit) {
        AuthoringRoutes r = new AuthoringRoutes(catalog, gate, admit);
        routes.get("/api/exercises/{e}/source", r::source, INSTRUCTOR);
        routes.post("/api/exercises", ctx -> r.save(ctx, null), INSTRUCTOR);
        routes.put("/api/exercises/{e}", ctx -> r.save(ctx, ctx.pathParam("e")), INSTRUCTOR);
    }

    private void source(Context ctx) throws Exception {
        Catalog.Entry entry = catalog.exercise(ctx.pathParam("e")).orElseThrow(ApiError::notFound);
        Path file = Path.of(entry.checked().file());
        ctx.json(Map.of("id", entry.checked().id(), "file", catalog.shownName(file), "yaml", Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** {@code replacing}: the id of the exercise a PUT replaces; null for a new one (POST). */
    private void save(Context ctx, String replacing) throws Exception {
        admit.accept(ctx); // keying runs the simulator, as a draft check does
        DraftIn in = Json.body(ctx, DraftIn.class);
        if (in.yaml() == null || in.yaml().isBlank()) throw ApiError.invalid("yaml", "paste or write the exercise's YAML");
        if (in.yaml().length() > PreviewRoutes.MAX_DRAFT_CHARS) throw ApiError.invalid("yaml", "an exercise has at most " + PreviewRoutes.MAX_DRAFT_CHARS + " characters");
        String text = in.yaml().replace("\r\n", "\n").replace('\r', '\n').stripTrailing() + "\n";
        Matcher m = ID.matcher(text);
        String id = m.find() ? m.group(1) : null;
        if (replacing != null && catalog.exercise(replacing).isEmpty()) throw ApiError.notFound();
        if (replacing != null && !replacing.equals(id)) {
            throw ApiError.invalid("yaml", "the YAML's id is " + (id == null ? "missing" : "'" + id + "'") + "; this saves exercise '" + replacing
                    + "' (a new id is a new exercise: save it as new)");
        }
        if (replacing == null && id != null && (catalog.exercise(id).isPresent() || Files.exists(catalog.fileFor(id)))) {
            throw ApiError.exists("exercise '" + id + "'");
        }
        Path file = catalog.fileFor(id == null ? "draft" : id);
        String shown = catalog.shownName(file);
        var rubrics = catalog.snapshot().rubrics().names();
        Exercises.Checked checked = gate.run(() -> Exercises.check(shown, file.getFileName().toString(), text, rubrics));
        if (!checked.valid()) {
            throw ApiError.invalid("yaml", String.join("\n", checked.problems().stream().map(Diagnostic::render).toList()));
        }
        catalog.write(file, text);
        Catalog.Entry served = catalog.exercise(checked.id()).filter(e -> e.hash().equals(Digest.sha256(text)))
                .orElseThrow(() -> new IllegalStateException("saved " + file + " but the reload does not serve it"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", served.checked().id());
        out.put("file", shown);
        out.put("variants", served.checked().variants().size());
        out.put("hash", served.hash());
        ctx.status(replacing == null ? 201 : 200).json(out);
    }
}
