package dev.refgrade.grading;

import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Compares a student's answer with the truth the way the rubric says each kind compares. Feedback
 * never gives the truth away unless {@code reveal}: without it, it says where an answer is wrong, not
 * what would be right.
 */
final class Scoring {
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private Scoring() {}

    static Match compare(Question q, Answer truth, Answer student, Rubric r, boolean reveal) {
        return switch (truth) {
            case Answer.IntAnswer t when student instanceof Answer.IntAnswer s -> integer(t, s, r);
            case Answer.TextAnswer t when student instanceof Answer.TextAnswer s ->
                    text(t.value(), r).equals(text(s.value(), r)) ? Match.RIGHT : Match.wrong();
            case Answer.OutputAnswer t when student instanceof Answer.OutputAnswer s -> Outputs.compare(t.text(), s.text(), r, reveal);
            case Answer.ChoiceAnswer t when student instanceof Answer.ChoiceAnswer s -> choice(q, t, s, r, reveal);
            case Answer.LinesAnswer t when student instanceof Answer.LinesAnswer s -> lines(t, s, r, reveal);
            case Answer.HeapAnswer t when student instanceof Answer.HeapAnswer s -> HeapMatch.compare(t.graph(), s.graph(), r.compare().heapPartial(), reveal);
            default -> truth.equals(student) ? Match.RIGHT : Match.wrong();
        };
    }

    /** Whether two answers are the same up to what no rubric tells apart: renaming, surrounding whitespace. */
    static boolean same(Answer a, Answer b) {
        return switch (a) {
            case Answer.HeapAnswer x when b instanceof Answer.HeapAnswer y -> HeapMatch.compare(x.graph(), y.graph(), false, false).full();
            case Answer.TextAnswer x when b instanceof Answer.TextAnswer y -> x.value().strip().equals(y.value().strip());
            case Answer.OutputAnswer x when b instanceof Answer.OutputAnswer y -> Outputs.compare(x.text(), y.text(), Rubric.DEFAULT, false).full();
            default -> a.equals(b);
        };
    }

    private static Match integer(Answer.IntAnswer t, Answer.IntAnswer s, Rubric r) {
        if (t.equals(s)) return Match.RIGHT;
        long off = t.value().subtract(s.value()).abs().min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        return r.partial().stream().filter(p -> off <= p.offBy()).sorted((a, b) -> Long.compare(a.offBy(), b.offBy()))
                .findFirst().map(p -> new Match(p.credit(), p.message().isBlank() ? List.of() : List.of(p.message())))
                .orElse(Match.wrong());
    }

    /** Text as the rubric compares it: each stated normalisation applied in a fixed order. */
    static String text(String s, Rubric r) {
        var rules = r.compare().text();
        if (rules.contains(Rubric.TextRule.STRIP) || rules.contains(Rubric.TextRule.WHITESPACE)) s = s.strip();
        if (rules.contains(Rubric.TextRule.QUOTES) && s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1);
        }
        if (rules.contains(Rubric.TextRule.WHITESPACE)) s = SPACES.matcher(s).replaceAll(" ");
        if (rules.contains(Rubric.TextRule.CASE)) s = s.toLowerCase(Locale.ROOT);
        return s;
    }

    /** Each choice is a true-or-false judgement; per option, each right judgement earns its share. */
    private static Match choice(Question q, Answer.ChoiceAnswer t, Answer.ChoiceAnswer s, Rubric r, boolean reveal) {
        int n = q.choices().size(), right = 0;
        List<String> feedback = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean isTrue = t.correct().contains(i), said = s.correct().contains(i);
            if (isTrue == said) right++;
            else if (reveal) feedback.add("choice " + (i + 1) + " (" + label(q, i) + ") is " + (isTrue ? "true" : "false"));
        }
        if (right == n) return Match.RIGHT;
        if (!reveal) feedback.add(right + " of " + n + " choices judged right");
        return new Match(r.compare().choicePartial() ? (double) right / n : 0, feedback);
    }

    private static String label(Question q, int i) {
        return q.labels() != null && i < q.labels().size() && q.labels().get(i) != null ? q.labels().get(i) : q.choices().get(i).expr();
    }

    /** Lines as a set: the share of the lines named by either that both name. */
    private static Match lines(Answer.LinesAnswer t, Answer.LinesAnswer s, Rubric r, boolean reveal) {
        TreeSet<Integer> both = new TreeSet<>(t.lines()), missing = new TreeSet<>(t.lines()), extra = new TreeSet<>(s.lines());
        both.retainAll(s.lines());
        missing.removeAll(s.lines());
        extra.removeAll(t.lines());
        if (missing.isEmpty() && extra.isEmpty()) return Match.RIGHT;
        List<String> feedback = new ArrayList<>();
        if (reveal) {
            if (!missing.isEmpty()) feedback.add("missing line" + (missing.size() == 1 ? " " : "s ") + join(missing));
            if (!extra.isEmpty()) feedback.add("not line" + (extra.size() == 1 ? " " : "s ") + join(extra));
        } else {
            feedback.add(both.size() + " of the " + s.lines().size() + " lines you named " + (both.size() == 1 ? "is" : "are") + " right"
                    + (missing.isEmpty() ? "" : "; some lines are missing"));
        }
        double credit = (double) both.size() / (both.size() + missing.size() + extra.size());
        return new Match(r.compare().linesPartial() ? credit : 0, feedback);
    }

    private static String join(TreeSet<Integer> lines) {
        return String.join(", ", lines.stream().map(String::valueOf).toList());
    }
}
