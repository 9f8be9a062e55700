package dev.refgrade.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Printed output compared exactly, or up to spaces at line ends and blank lines at the end. */
final class Outputs {
    private Outputs() {}

    static Match compare(String truth, String student, Rubric r, boolean reveal) {
        boolean loose = r.compare().outputWhitespace();
        List<String> t = lines(truth, loose), s = lines(student, loose);
        if (t.equals(s)) return Match.RIGHT;
        int i = 0;
        while (i < t.size() && i < s.size() && t.get(i).equals(s.get(i))) i++;
        String where = "line " + (i + 1);
        // Hidden truth: say which of the student's own lines is the first wrong one, never what the program prints.
        if (!reveal && i >= s.size()) return Match.wrong("your lines are right as far as they go, but the program prints more after them");
        if (!reveal && i >= t.size()) return Match.wrong("your " + where + " (" + quote(s.get(i)) + ") and what follows it are more than the program prints");
        if (!reveal) return Match.wrong("your " + where + ", " + quote(s.get(i)) + ", is not what the program prints there"
                + (i > 0 ? "; the lines before it are right" : ""));
        if (i >= t.size()) return Match.wrong(where + ": the program prints nothing more, you wrote " + quote(s.get(i)));
        if (i >= s.size()) return Match.wrong(where + ": the program prints " + quote(t.get(i)) + ", your output has ended");
        return Match.wrong(where + ": the program prints " + quote(t.get(i)) + ", you wrote " + quote(s.get(i)));
    }

    private static List<String> lines(String text, boolean loose) {
        String normal = text.replace("\r\n", "\n");
        List<String> out = new ArrayList<>(Arrays.asList(normal.split("\n", -1)));
        if (!loose) return out;
        out.replaceAll(String::stripTrailing);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }
}
