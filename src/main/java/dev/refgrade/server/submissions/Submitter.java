package dev.refgrade.server.submissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.grading.Graded;
import dev.refgrade.grading.GradingException;
import dev.refgrade.grading.Rubric;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.auth.Caller;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.Records.Submission;
import dev.refgrade.store.Records.Tried;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Grades and stores one submission. A student's submissions go one at a time (a lock per student
 * in this process), so attempt numbers and idempotency keys are decided on a history that is
 * complete; between server instances the database's unique keys decide, and the loser retries.
 */
final class Submitter {
    /** Only another instance can win a race for the same student, and one always wins, so this is plenty. */
    private static final int RETRIES = 50;
    private final Deps deps;
    private final ReentrantLock[] locks = new ReentrantLock[1024];
    private final ProbeHeaps heaps;
    private final EarlierAttempts earlier = new EarlierAttempts();

    Submitter(Deps deps, ProbeHeaps heaps) {
        this.deps = deps;
        this.heaps = heaps;
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    /** The 201 body: the stored submission as its student sees it now. */
    JsonNode submit(Caller student, Assignment a, Catalog.Entry entry, JsonNode answers, String key) throws InterruptedException {
        ReentrantLock lock = locks[Math.floorMod((a.course() + '\0' + student.id()).hashCode(), locks.length)];
        lock.lockInterruptibly();
        try {
            for (int i = 0; i < RETRIES; i++) {
                Optional<JsonNode> replay = key == null ? Optional.empty() : replay(student, a, entry, answers, key);
                if (replay.isPresent()) return replay.get();
                Optional<JsonNode> stored = tryOnce(student, a, entry, answers, key);
                if (stored.isPresent()) return stored.get();
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5)); // let the other instance's turn end
            }
            throw new ApiError(503, "unavailable", "too many concurrent submissions for this student; try again", null);
        } finally {
            lock.unlock();
        }
    }

    /** Empty when another instance stored this attempt number or key first. */
    private Optional<JsonNode> tryOnce(Caller student, Assignment assignment, Catalog.Entry entry, JsonNode answers, String key)
            throws InterruptedException {
        String exercise = entry.checked().id();
        Grading.Personal mine = Grading.personal(deps, assignment, entry, student.id());
        Assignment a = mine.assignment();
        Rubric rubric = mine.rubric();
        List<Tried> history = deps.store().submissions().attempts(a.course(), a.id(), exercise, student.id());
        Variant variant = entry.checked().variantFor(a.course(), student.id());
        Instant now = deps.clock().instant();
        Graded graded;
        try {
            graded = deps.grader().grade(variant, rubric, earlier.of(a.course() + '\0' + a.id() + '\0' + exercise + '\0' + student.id(), history),
                    answers, now, a.due());
        } catch (GradingException e) {
            throw refusal(e);
        }
        ArrayNode questions = Grading.questions(graded);
        // Numbered after every stored attempt, those a reset voided too; the grader counted only the ones since.
        int before = history.isEmpty() ? deps.store().submissions().resetThrough(a.course(), a.id(), exercise, student.id())
                : history.getLast().attempt();
        Submission row = new Submission(Ids.next(now), a.course(), a.id(), exercise, student.id(), before + 1, now, key,
                entry.hash(), entry.engine(), rubric.name(), Grading.params(variant), Json.write(answers), Grading.grade(graded, questions), 0);
        try {
            if (!deps.store().submissions().append(row).get()) return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        Map<String, JsonNode> truths = Grading.truths(graded);
        return Optional.of(Grading.view(row, answers, questions, truths, heaps.of(variant, truths.keySet()), false, !rubric.showsResults(now, a.due())));
    }

    /** The first response again for a key already used, or 409 when the key came with something else. */
    private Optional<JsonNode> replay(Caller student, Assignment a, Catalog.Entry entry, JsonNode answers, String key) {
        return deps.store().submissions().byIdempotencyKey(a.course(), student.id(), key).map(first -> {
            if (!first.assignment().equals(a.id()) || !first.exercise().equals(entry.checked().id())
                    || !Json.read(first.answers()).equals(answers)) {
                throw new ApiError(409, "idempotency_key_reused", "this Idempotency-Key was used for another submission", null);
            }
            List<Tried> history = deps.store().submissions().attempts(a.course(), a.id(), first.exercise(), student.id());
            Variant variant = entry.checked().variantFor(a.course(), student.id());
            Grading.Personal mine = Grading.personal(deps, a, entry, student.id());
            Rubric rubric = mine.rubric();
            Instant due = mine.assignment().due();
            var truths = deps.grader().revealed(variant, rubric, Grading.attempts(history.stream().filter(t -> t.attempt() <= first.attempt()).toList()), first.submittedAt(), due);
            return Grading.view(first, truths, heaps.of(variant, truths.keySet()), false, !rubric.showsResults(first.submittedAt(), due));
        });
    }

    static ApiError refusal(GradingException e) {
        return switch (e.reason()) {
            case MALFORMED -> new ApiError(422, "invalid", e.getMessage(), e.field());
            case UNKNOWN_QUESTION -> new ApiError(422, "unknown_question", e.getMessage(), e.field());
            case WRONG_KIND -> new ApiError(422, "wrong_kind", e.getMessage(), e.field());
            case PAST_CUTOFF -> new ApiError(409, "past_cutoff", e.getMessage(), null);
            case NO_ATTEMPTS_LEFT -> new ApiError(409, "no_attempts_left", e.getMessage(), null);
        };
    }
}
