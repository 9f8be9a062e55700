package dev.refgrade.store;

import dev.refgrade.store.Records.Tried;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On SQLite, where one server owns the file, each student's attempts at an exercise stay in memory
 * once read, and every stored submission is added, so grading the next attempt reads nothing back
 * however many came before. A list that might be stale (a reader raced a writer) is corrected by
 * the database: the next attempt then takes a number already used, fails to store, and the key is
 * forgotten before the submitter retries.
 */
final class AttemptCache {
    private final Map<String, List<Tried>> byKey = new ConcurrentHashMap<>();

    static String key(String course, String assignment, String exercise, String student) {
        return course + '\0' + assignment + '\0' + exercise + '\0' + student;
    }

    List<Tried> get(String key) {
        return byKey.get(key);
    }

    void put(String key, List<Tried> attempts) {
        byKey.putIfAbsent(key, List.copyOf(attempts));
    }

    void stored(String key, Tried t) {
        byKey.computeIfPresent(key, (k, old) -> {
            List<Tried> longer = new ArrayList<>(old);
            longer.add(t);
            return List.copyOf(longer);
        });
    }

    void forget(String key) {
        byKey.remove(key);
    }

    /** After a regrade every score may have changed. */
    void clear() {
        byKey.clear();
    }
}
