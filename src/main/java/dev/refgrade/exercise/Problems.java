package dev.refgrade.exercise;

import dev.refgrade.python.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** The problems found in one exercise file, each at its position: FILE:LINE:COL: message. */
public final class Problems {
    private final String file;
    private final List<Diagnostic> list = new ArrayList<>();
    /** Said before each message, e.g. which variant a problem belongs to. */
    String context = "";

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void at(Pos pos, String message) {
        Diagnostic d = new Diagnostic(file, pos.line(), pos.col(), context + message);
        if (!list.contains(d)) list.add(d);
    }

    /** A list of its own for work done apart (one question keyed on another thread), said in the same context. */
    Problems apart() {
        Problems p = new Problems(file);
        p.context = context;
        return p;
    }

    /** The problems of work done {@link #apart}, after those found so far. */
    void addAll(Problems other) {
        for (Diagnostic d : other.list) if (!list.contains(d)) list.add(d);
    }

    public boolean any() {
        return !list.isEmpty();
    }

    public List<Diagnostic> all() {
        return List.copyOf(list);
    }

    /** A position in the exercise file, 1-based as editors show it. */
    public record Pos(int line, int col) {
        public static Pos of(org.yaml.snakeyaml.error.Mark m) {
            return new Pos(m.getLine() + 1, m.getColumn() + 1);
        }
    }
}
