package dev.refgrade.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * A source with lines inserted after some of its lines, and the map between the two numberings:
 * an inserted line's new number (to watch it run), an original line's new number and back (to
 * report what happened on the student's lines).
 */
final class Rewrite {
    /** A line to insert after original line {@code after}, already indented. */
    record Insert(int after, String text) {}

    final String text;
    /** originalOf[newLine] is the original line, or 0 for an inserted line. */
    private final int[] originalOf;
    private final int[] insertedAt;

    Rewrite(String source, List<Insert> inserts) {
        String[] lines = source.split("\n", -1);
        int n = source.endsWith("\n") ? lines.length - 1 : lines.length;
        StringBuilder b = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        origin.add(0);
        insertedAt = new int[inserts.size()];
        for (int line = 0; line <= n; line++) {
            if (line > 0) {
                b.append(lines[line - 1]).append('\n');
                origin.add(line);
            }
            for (int i = 0; i < inserts.size(); i++) {
                if (inserts.get(i).after() != line) continue;
                b.append(inserts.get(i).text()).append('\n');
                origin.add(0);
                insertedAt[i] = origin.size() - 1;
            }
        }
        this.text = b.toString();
        this.originalOf = origin.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The new line number of the i-th insert. */
    int inserted(int i) {
        return insertedAt[i];
    }

    /** The original line behind a new line, or 0 when the line was inserted. */
    int original(int newLine) {
        return newLine > 0 && newLine < originalOf.length ? originalOf[newLine] : 0;
    }
}
