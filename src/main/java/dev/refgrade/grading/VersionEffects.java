package dev.refgrade.grading;

import dev.refgrade.exercise.VariantMemo;
import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.runtime.Programs;
import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.VersionChange;
import dev.refgrade.runtime.VersionRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Where the CPython version decides an answer: the other versions that answer a question otherwise
 * than the exercise's own, and the change that makes the difference. The change is found by running
 * the exercise's version with each change between the two flipped, one at a time: the one whose flip
 * alone gives the other version's answer. Nothing is keyed on values; computed once per (variant,
 * question) and shared by every thread.
 */
final class VersionEffects {
    /**
     * Versions that share one answer different from the key's, nearest to the exercise's version
     * first, and the changes that make it differ (empty when no single change does).
     */
    record Effect(List<PythonVersion> versions, Answer answer, List<VersionChange> changes) {
        /** "CPython 3.14", "CPython 3.11 to 3.13". */
        String who() {
            PythonVersion lo = versions.stream().min(Enum::compareTo).orElseThrow(), hi = versions.stream().max(Enum::compareTo).orElseThrow();
            return "CPython " + lo + (lo == hi ? "" : (hi.ordinal() - lo.ordinal() == 1 ? " and " : " to ") + hi);
        }

        /** Why, after {@code lead}: "from CPython 3.14, ... (gh-130704)"; nothing when no one change explains it. */
        String why(String lead) {
            return changes.isEmpty() ? "" : lead + changes.stream().map(VersionChange::words).collect(Collectors.joining("; and "));
        }

        /** {@code one} when one version is named, else {@code many}: "3.14 answers", "3.13 and 3.14 answer". */
        String verb(String one, String many) {
            return versions.size() == 1 ? one : many;
        }

        /** [a-z-]+, stable per change, for feedback records and statistics. */
        String id() {
            return "version-" + (changes.isEmpty() ? "other" : changes.stream()
                    .map(c -> c.name().toLowerCase().replace('_', '-')).collect(Collectors.joining("-")));
        }
    }

    private static final VariantMemo<List<Effect>> MEMO = new VariantMemo<>(4096);

    private final BiPredicate<Answer, Answer> same;

    VersionEffects(BiPredicate<Answer, Answer> same) {
        this.same = same;
    }

    /** The other versions' answers to {@code q} that differ from the key. */
    List<Effect> effects(Variant v, Question q) {
        return MEMO.get(v, q.id(), () -> compute(v, q));
    }

    /** The effect whose answer is the student's, if another version answers as the student did. */
    Optional<Effect> matching(Variant v, Question q, Answer student) {
        return effects(v, q).stream().filter(e -> same.test(student, e.answer())).findFirst();
    }

    /** The changes one version has and the other has not, in declaration order. */
    private static Set<VersionChange> between(VersionRules own, PythonVersion other) {
        Set<VersionChange> out = EnumSet.noneOf(VersionChange.class);
        for (VersionChange c : VersionChange.values()) if (own.changes.contains(c) != other.atLeast(c.since)) out.add(c);
        return out;
    }

    private List<Effect> compute(Variant v, Question q) {
        Answer truth = v.answers().get(q.id());
        if (truth == null) return List.of();
        PythonVersion own = v.exercise().python();
        VersionRules ownRules = VersionRules.of(own);
        List<PythonVersion> others = new ArrayList<>(List.of(PythonVersion.values()));
        others.remove(own);
        others.sort((a, b) -> Math.abs(a.ordinal() - own.ordinal()) - Math.abs(b.ordinal() - own.ordinal()));
        // Each version's answer, then each flipped change's, is a run or two of its own: worked out on as many cores as there are.
        List<Callable<Answer>> byVersion = new ArrayList<>();
        for (PythonVersion other : others) byVersion.add(() -> Exercises.answerUnder(v, q, VersionRules.of(other)));
        List<Answer> answers = Programs.onDeepStacks(byVersion);
        List<Effect> effects = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            Answer a = answers.get(i);
            if (a == null || same.test(a, truth)) continue;
            Optional<Effect> known = effects.stream().filter(e -> same.test(e.answer(), a)).findFirst();
            if (known.isPresent()) known.get().versions().add(others.get(i));
            else effects.add(new Effect(new ArrayList<>(List.of(others.get(i))), a, List.of()));
        }
        // The changes between the exercise's version and the nearest of each effect's, each flipped alone.
        Set<VersionChange> toFlip = EnumSet.noneOf(VersionChange.class);
        for (Effect e : effects) toFlip.addAll(between(ownRules, e.versions().get(0)));
        List<VersionChange> flipping = List.copyOf(toFlip);
        List<Callable<Answer>> byFlip = new ArrayList<>();
        for (VersionChange c : flipping) byFlip.add(() -> Exercises.answerUnder(v, q, ownRules.flipped(c)));
        List<Answer> flipped = Programs.onDeepStacks(byFlip);
        Map<VersionChange, Answer> flips = new EnumMap<>(VersionChange.class);
        for (int i = 0; i < flipping.size(); i++) if (flipped.get(i) != null) flips.put(flipping.get(i), flipped.get(i));
        List<Effect> out = new ArrayList<>();
        for (Effect e : effects) {
            List<VersionChange> making = new ArrayList<>();
            for (VersionChange c : between(ownRules, e.versions().get(0))) if (flips.containsKey(c) && same.test(flips.get(c), e.answer())) making.add(c);
            out.add(new Effect(List.copyOf(e.versions()), e.answer(), List.copyOf(making)));
        }
        return List.copyOf(out);
    }
}
