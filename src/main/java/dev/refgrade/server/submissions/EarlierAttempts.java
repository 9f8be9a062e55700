package dev.refgrade.server.submissions;

import dev.refgrade.grading.Earlier;
import dev.refgrade.store.Records.Tried;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each student's stored attempts at an exercise come to for the grader, kept from one
 * submission to the next and extended by the attempts added since: a class that submits often
 * would otherwise have every submission read its student's whole history again. The store hands
 * out the same attempt records while it keeps them, so a history that starts with the same record
 * and still holds the last one summed up is that history grown; any other (a reset, a regrade, a
 * history read again from the database) is summed up anew.
 */
final class EarlierAttempts {
    private record Known(Tried first, Tried last, int size, Earlier earlier) {}

    /** At most this many students' summaries; past it they are dropped and summed up again when next asked. */
    private static final int CAPACITY = 100_000;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** {@code history}, oldest first, of the exercise named by {@code key}, summed up for the grader. */
    Earlier of(String key, List<Tried> history) {
        Known k = known.get(key);
        int from = 0;
        Earlier e = Earlier.NONE;
        if (k != null && k.size() <= history.size() && k.size() > 0 && history.getFirst() == k.first()
                && history.get(k.size() - 1) == k.last()) {
            from = k.size();
            e = k.earlier();
        }
        for (int i = from; i < history.size(); i++) e = e.then(Grading.attempt(history.get(i)));
        if (!history.isEmpty()) {
            if (known.size() >= CAPACITY) known.clear();
            known.put(key, new Known(history.getFirst(), history.getLast(), history.size(), e));
        }
        return e;
    }
}
