package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;

/**
 * Substring search in time linear in the text, charged to the run per character looked at. Java's
 * String.indexOf compares naively (text length times pattern length in the worst case: "a"*10**6 in
 * a text of a's took minutes); CPython's fastsearch is linear as well (two-way for long patterns).
 */
public final class Substrings {
    /** Below this pattern length the naive search is linear enough (at most this many looks per character). */
    private static final int SHORT = 16;
    private final PyRuntime rt;
    private final String sub;
    /** Knuth-Morris-Pratt's failure table for long patterns; null for short ones. */
    private final int[] fail;

    public Substrings(PyRuntime rt, String sub) {
        this.rt = rt;
        this.sub = sub;
        if (sub.length() < SHORT) {
            fail = null;
            return;
        }
        rt.charge(sub.length());
        fail = new int[sub.length()];
        for (int i = 1, k = 0; i < sub.length(); i++) {
            while (k > 0 && sub.charAt(i) != sub.charAt(k)) k = fail[k - 1];
            if (sub.charAt(i) == sub.charAt(k)) k++;
            fail[i] = k;
        }
    }

    /** str.find: the first occurrence of {@code sub} in {@code text} at or after {@code from}, or -1. */
    public static int indexOf(PyRuntime rt, String text, String sub, int from) {
        return new Substrings(rt, sub).next(text, from);
    }

    /** The first occurrence at or after {@code from}, or -1; charges the characters passed over. */
    public int next(String text, int from) {
        if (sub.isEmpty()) return from <= text.length() ? from : -1;
        int at = fail == null ? text.indexOf(sub, from) : kmp(text, from);
        rt.charge((at < 0 ? text.length() - from : at - from + sub.length()) + 1L);
        return at;
    }

    private int kmp(String text, int from) {
        int m = sub.length();
        for (int i = from, k = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (k > 0 && c != sub.charAt(k)) k = fail[k - 1];
            if (c == sub.charAt(k)) k++;
            if (k == m) return i - m + 1;
        }
        return -1;
    }
}
