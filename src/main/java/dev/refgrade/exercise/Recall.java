package dev.refgrade.exercise;

import dev.refgrade.runtime.Variation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What earlier processes worked out for one exercise variant, and where this one leaves what it
 * works out: the key, each answer under a {@link Counterfactual}, and text the layers above derive
 * from runs (an explanation). Every simulated run is deterministic, so a result is the same
 * whichever process made it; a {@link Store} sees that one is recalled only for the same exercise
 * text, refgrade build and CPython version. Autograders start a process per submission, and this
 * is what spares each of them keying the exercise again.
 */
public interface Recall {
    /** A key: the answers, and per question the variations its runs consulted (Exercises.Variant.consulted). */
    record Key(Map<String, Answer> answers, Map<String, Set<Variation>> consulted) {}

    /** The key as saved, or null when it never was. */
    Key key();

    void keyed(Key key);

    /** What {@code q} answers under the counterfactual {@code what}: null when never saved; empty when saved as no answer. */
    Optional<Answer> under(Exercise.Question q, String what);

    void under(Exercise.Question q, String what, Answer answer);

    /** The text saved as {@code what} for question {@code question}: null when never saved; empty when saved as none. */
    Optional<String> note(String question, String what);

    void note(String question, String what, String text);

    /** Nothing recalled and nothing kept. */
    Recall NONE = new Recall() {
        public Key key() {
            return null;
        }

        public void keyed(Key key) {}

        public Optional<Answer> under(Exercise.Question q, String what) {
            return null;
        }

        public void under(Exercise.Question q, String what, Answer answer) {}

        public Optional<String> note(String question, String what) {
            return null;
        }

        public void note(String question, String what, String text) {}
    };

    /** Where each variant's recall comes from, and the YAML trees of exercise texts. */
    interface Store extends YamlDocument.Trees {
        /** The recall of variant {@code index} (0-based, in Templates' order) of the file {@code fileName} holding {@code text}, loaded as {@code ex}. */
        Recall of(String fileName, String text, int index, Exercise ex);

        /** A class, not a lambda: linking a lambda no AOT training ran costs a cold `check` 3 ms. */
        Store NONE = new Store() {
            public Recall of(String fileName, String text, int index, Exercise ex) {
                return Recall.NONE;
            }
        };
    }
}
