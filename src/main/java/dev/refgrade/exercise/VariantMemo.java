package dev.refgrade.exercise;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the grader and the server work out per (variant, question), computed once however many answers and
 * threads ask. Variants are told apart by identity (hashing a whole variant per lookup would cost
 * more than the answer). Every submission reads several entries, from as many threads as there are
 * clients, so a lookup of a known entry takes no lock. The memo holds at most {@code capacity}
 * entries and starts afresh when it would hold more, so a long-running server that reloads
 * exercises does not keep the old ones; a course has far fewer (variant, question) pairs than that.
 */
public final class VariantMemo<V> {
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

    private final Map<Key, CompletableFuture<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;

    public VariantMemo(int capacity) {
        this.capacity = capacity;
    }

    /** The value for the variant as a whole. */
    public V get(Exercises.Variant variant, Supplier<V> make) {
        return get(variant, "", make);
    }

    /** The value for (variant, question): made by {@code make} on the first call, outside any lock; later calls wait for it. */
    public V get(Exercises.Variant variant, String question, Supplier<V> make) {
        Key key = new Key(variant, question);
        CompletableFuture<V> value = entries.get(key);
        if (value != null) return join(value);
        if (entries.size() >= capacity) entries.clear();
        CompletableFuture<V> made = new CompletableFuture<>();
        value = entries.putIfAbsent(key, made);
        if (value != null) return join(value);
        try {
            made.complete(make.get());
        } catch (RuntimeException | Error e) {
            entries.remove(key, made); // a failure is not remembered: the next call tries again
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
