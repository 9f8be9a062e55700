package dev.refgrade.server.submissions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercise.Kind;
import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.grading.Rubric;
import dev.refgrade.server.Markdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An exercise as a student reads it: the program, the prompts and answer kinds, never the key. */
public final class ExerciseView {
    private ExerciseView() {}

    public static Map<String, Object> of(Variant v, Rubric rubric, int attempts, Map<String, JsonNode> truths, Map<String, Object> terms) {
        Exercise ex = v.exercise();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ex.id());
        m.put("title", ex.title());
        m.put("profile", ex.profile().name().toLowerCase());
        m.put("intro", ex.intro());
        m.put("intro_md", Markdown.blocks(ex.intro()));
        boolean cells = ex.profile() == Exercise.Profile.CELLS;
        m.put("code", cells ? null : ex.code().text());
        m.put("cells", cells ? ex.sources().stream().map(Exercise.Code::text).toList() : null);
        m.put("variant", v.params());
        m.put("python", ex.python().text()); // the CPython the key is for: answers differ between versions
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Exercise.Question q : ex.questions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", q.id());
            x.put("prompt", q.prompt());
            x.put("prompt_md", Markdown.inline(q.prompt()));
            x.put("answer", q.kind().word());
            x.put("points", rubric.pointsFor(q));
            if (q.kind() == Kind.CHOICE) x.put("choices", q.labels().isEmpty() ? q.choices().stream().map(Exercise.Probe::expr).toList() : q.labels());
            if (q.kind() == Kind.HEAP) x.put("names", q.names());
            if (q.cell() > 0) x.put("cell", q.cell());
            // Where the question probes, so the page can mark that line of the program.
            if (q.at() != null && q.at().ownCell()) {
                x.put("after_cell", q.at().afterCell());
            } else if (q.at() != null) {
                x.put("after", q.at().line());
                if (q.at().cell() > 0) x.put("cell", q.at().cell());
            }
            questions.add(x);
        }
        m.put("questions", questions);
        m.put("rubric", Map.of("name", rubric.name(), "description", rubric.description(),
                "attempts", rubric.attempts().limited() ? rubric.attempts().max() : 0));
        m.put("attempts", attempts);
        m.put("truths", truths);
        m.put("terms", terms);
        return m;
    }
}
