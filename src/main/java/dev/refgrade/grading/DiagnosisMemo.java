package dev.refgrade.grading;

import dev.refgrade.exercise.Exercises;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * What the diagnoser and the explainer worked out per (variant, question), computed once however
 * many answers and threads ask. Variants are told apart by identity (hashing a whole variant per
 * lookup would cost more than the answer), and the memo keeps the most recently used
 * {@code capacity} entries, so a long-running server that reloads exercises does not keep old ones.
 */
final class DiagnosisMemo<V> {
    private record Key(Exercises.Variant variant, String question) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.variant == variant && k.question.equals(question);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(variant) * 31 + question.hashCode();
        }
    }

    private final Map<Key, CompletableFuture<V>> entries;

    DiagnosisMemo(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value for (variant, question): made by {@code make} on the first call, outside the lock; later calls wait for it. */
    V get(Exercises.Variant variant, String question, Supplier<V> make) {
        Key key = new Key(variant, question);
        CompletableFuture<V> value, made = new CompletableFuture<>();
        synchronized (entries) {
            value = entries.putIfAbsent(key, made);
        }
        if (value != null) return join(value);
        try {
            made.complete(make.get());
        } catch (RuntimeException | Error e) {
            synchronized (entries) {
                entries.remove(key, made); // a failure is not remembered: the next call tries again
            }
            made.completeExceptionally(e);
            throw e;
        }
        return made.join();
    }

    private static <V> V join(CompletableFuture<V> value) {
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
