package dev.refgrade.exercise;

import dev.refgrade.exercise.Problems.Pos;
import dev.refgrade.runtime.PythonVersion;
import java.util.List;
import java.util.Map;

/**
 * One exercise as its file states it (v1 of the format in ../shared/DESIGN.md): a program, the
 * points where probes look at it, the questions, and the CPython whose answers the key gives
 * ({@code pythonAt} is where the file says so, null when it keeps the default). Positions are kept for every field a later
 * check may need to blame.
 */
public record Exercise(String file, String id, String title, Profile profile, String rubric, List<String> tags,
        String intro, List<Code> sources, Map<String, List<String>> params, List<Capture> captures,
        List<Question> questions, PythonVersion python, Pos pythonAt) {

    public enum Profile { SCRIPT, CELLS }

    /** The same exercise keyed for another CPython (a course's or the command line's choice over the file's). */
    public Exercise withPython(PythonVersion other) {
        return new Exercise(file, id, title, profile, rubric, tags, intro, sources, params, captures, questions, other, pythonAt);
    }

    public enum Kind {
        INT, BOOL, TEXT, CHOICE, OUTPUT, LINES, HEAP;

        public String word() {
            return name().toLowerCase();
        }
    }

    public enum Event { REFCOUNT, FREED }

    /**
     * A program text (the script, or one cell) and where it sits in the YAML file, so a problem at
     * a line and column of the code is reported at the line and column of the file.
     */
    public record Code(String text, Pos origin, boolean block, int indent) {
        public Pos map(int line, int col) {
            return block ? new Pos(origin.line() + line, indent + col) : new Pos(origin.line(), origin.col() + col - 1);
        }
    }

    /**
     * Where a probe or capture looks: after the statement ending on {@code line} of cell
     * {@code cell} (0 in profile script), or, with {@code afterCell}, as a cell of its own after
     * that cell. {@code hit} picks a run of the line: 0 when the line must run exactly once, -1
     * for the last run.
     */
    public record Point(int cell, int line, int afterCell, int hit, Pos pos) {
        public static final int LAST = -1;

        public boolean ownCell() {
            return afterCell > 0;
        }

        /** Where it is, in words: "line 4", "line 2 of cell 3", "cell 2" (a cell of its own after cell 2). */
        public String describe() {
            if (ownCell()) return "cell " + afterCell;
            return "line " + line + (cell > 0 ? " of cell " + cell : "");
        }
    }

    /** An expression at a point, and where its text starts in the file. */
    public record Probe(String expr, Pos pos) {}

    public record Capture(String name, Point at, Probe expr, Pos pos) {}

    /** {@code points} is null where the exercise leaves the question's worth to its rubric. */
    public record Question(String id, String prompt, Kind kind, Integer points, Point at, Probe expr,
            List<Probe> choices, List<String> labels, String track, Event event, List<String> names, int cell, Pos pos) {}

    public Code code() {
        return sources.get(0);
    }

    /** The file name a source runs under: the script's, or a notebook's "<cell N>". */
    public String sourceName(int cell) {
        return profile == Profile.CELLS ? "<cell " + cell + ">" : id + ".py";
    }
}
