package dev.refgrade.grading;

import static dev.refgrade.grading.Sample.rubric;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What earlier attempts come to, worked out one attempt at a time, is what the whole history says. */
class EarlierTest {
    private static final List<String> IDS = List.of("a", "b", "c", "d");

    private static List<Attempt> history(Random r) {
        List<Attempt> out = new ArrayList<>();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            List<String> right = IDS.stream().filter(id -> r.nextInt(4) == 0).toList();
            out.add(new Attempt(Instant.EPOCH.plusSeconds(i), r.nextInt(9) / 2.0, right));
        }
        return out;
    }

    @Test
    void theQuestionsAnsweredRightAreThoseAnyAttemptAnsweredRight() {
        Random r = new Random(21);
        for (int run = 0; run < 500; run++) {
            List<Attempt> h = history(r);
            Set<String> any = new HashSet<>();
            h.forEach(a -> any.addAll(a.correct()));
            Earlier e = Earlier.of(h);
            assertEquals(any, e.right(), h.toString());
            assertEquals(h.size(), e.made());
        }
    }

    @Test
    void theCountedScoreIsTheRubricsOverEveryScore() {
        Rubric best = rubric("name: r\nattempts: {max: unlimited, counts: best}\n");
        Rubric last = rubric("name: r\nattempts: {max: unlimited, counts: last}\n");
        Random r = new Random(22);
        for (int run = 0; run < 500; run++) {
            List<Attempt> h = history(r);
            double next = r.nextInt(9) / 2.0;
            List<Double> scores = new ArrayList<>(h.stream().map(Attempt::score).toList());
            scores.add(next);
            for (Rubric rubric : List.of(best, last)) {
                assertEquals(rubric.counted(scores), rubric.counted(Earlier.of(h), next), rubric.name() + " " + scores);
            }
        }
    }
}
