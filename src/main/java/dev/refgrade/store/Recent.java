package dev.refgrade.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Rows every submission reads and instructors rarely change, each read from the database at most
 * once per {@link #FRESH_NANOS}: this instance's own changes are seen at once (the writer forgets
 * the key), another instance's within that time.
 */
final class Recent<T> {
    static final long FRESH_NANOS = 5_000_000_000L;

    private record Read<T>(Optional<T> value, long at) {}

    private final Map<String, Read<T>> reads = new ConcurrentHashMap<>();
    private final boolean keepAbsent;

    /** {@code keepAbsent}: that there is no row is remembered too; not for rows made by another store than the one that forgets them. */
    Recent(boolean keepAbsent) {
        this.keepAbsent = keepAbsent;
    }

    Optional<T> get(String key, Supplier<Optional<T>> read) {
        Read<T> known = reads.get(key);
        if (known != null && System.nanoTime() - known.at() < FRESH_NANOS) return known.value();
        Optional<T> found = read.get();
        if (found.isPresent() || keepAbsent) reads.put(key, new Read<>(found, System.nanoTime()));
        else reads.remove(key);
        return found;
    }

    void forget(String key) {
        reads.remove(key);
    }

    void forgetIf(Predicate<String> key) {
        reads.keySet().removeIf(key);
    }
}
