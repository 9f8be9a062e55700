package dev.refgrade.server.gradebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.server.Json;
import dev.refgrade.store.Records.Submission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classical item analysis over each student's latest attempt at one exercise: per question, the
 * share correct, the discrimination index (share correct in the top 27% of students by exercise
 * score minus that in the bottom 27%), and the commonest wrong answers with the misconception
 * the grader diagnosed in them.
 */
final class ItemAnalysis {
    /** {@code shown}: the answer as the student gave it in the form ({@link AnswerText}); {@code answer} its JSON. */
    record Wrong(JsonNode answer, String shown, int count, String misconception, String misconceptionName) {}

    /** {@code label}: the question as the student's page numbers it (Q1, Q2, ...), with its {@code prompt}. */
    record Item(String id, String label, String prompt, int answered, double correct, Double discrimination, List<Wrong> wrong) {}

    record Report(int students, List<Item> questions) {}

    private ItemAnalysis() {}

    static Report of(Exercise exercise, List<Submission> attempts) {
        Map<String, Submission> latest = new LinkedHashMap<>();
        for (Submission s : attempts) latest.merge(s.student(), s, (a, b) -> b.attempt() > a.attempt() ? b : a);
        List<Submission> byScore = new ArrayList<>(latest.values());
        byScore.sort(Comparator.comparingDouble((Submission s) -> s.grade().score()).reversed());
        int n = byScore.size(), group = Math.max(1, (int) Math.round(n * 0.27));
        List<Item> items = new ArrayList<>();
        int number = 0;
        for (Exercise.Question q : exercise.questions()) {
            number++;
            List<Boolean> correct = byScore.stream().map(s -> correct(s, q.id())).toList();
            int answered = (int) byScore.stream().filter(s -> answer(s, q.id()) != null).count();
            Double discrimination = n < 4 ? null
                    : round(share(correct.subList(0, group)) - share(correct.subList(n - group, n)));
            items.add(new Item(q.id(), "Q" + number, q.prompt(), answered, n == 0 ? 0 : round(share(correct)), discrimination, wrong(byScore, q)));
        }
        return new Report(n, items);
    }

    private static List<Wrong> wrong(List<Submission> subs, Exercise.Question question) {
        String q = question.id();
        Map<JsonNode, int[]> counts = new HashMap<>();
        Map<JsonNode, JsonNode> grades = new HashMap<>();
        for (Submission s : subs) {
            JsonNode a = answer(s, q);
            if (a == null || correct(s, q)) continue;
            counts.computeIfAbsent(a, k -> new int[1])[0]++;
            grades.putIfAbsent(a, grade(s, q));
        }
        return counts.entrySet().stream().sorted((x, y) -> y.getValue()[0] - x.getValue()[0]).limit(5).map(e -> {
            JsonNode g = grades.get(e.getKey());
            return new Wrong(e.getKey(), AnswerText.of(question, e.getKey()), e.getValue()[0], text(g, "misconception"),
                    text(g, "misconception_name"));
        }).toList();
    }

    private static JsonNode answer(Submission s, String q) {
        JsonNode a = Json.read(s.answers()).get(q);
        return a == null || a.isNull() ? null : a;
    }

    private static boolean correct(Submission s, String q) {
        JsonNode g = grade(s, q);
        return g != null && g.path("correct").asBoolean();
    }

    private static JsonNode grade(Submission s, String q) {
        for (JsonNode g : Json.read(s.grade().result())) if (q.equals(g.path("id").asText())) return g;
        return null;
    }

    private static String text(JsonNode g, String field) {
        return g == null || g.path(field).isNull() || g.path(field).isMissingNode() ? null : g.get(field).asText();
    }

    private static double share(List<Boolean> xs) {
        return xs.isEmpty() ? 0 : xs.stream().filter(b -> b).count() / (double) xs.size();
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
