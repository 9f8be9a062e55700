package dev.refgrade.exercise;

import dev.refgrade.python.Module;
import dev.refgrade.python.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a line inserted "after line L" goes: after the simple statement that ends on line L, at
 * that statement's indentation, so it runs in the same block, code object and scope. Any other
 * line is refused with the reason and what would work instead.
 */
final class Placement {
    private Placement() {}

    /** Thrown with a message for the exercise's author. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The indentation a line inserted after line {@code line} must have. */
    static String indentAfter(Module module, int line) throws Refused {
        List<Stmt> all = new ArrayList<>();
        collect(module.body(), all);
        Stmt endsHere = null, startsHere = null, spans = null;
        for (Stmt s : all) {
            boolean compound = isCompound(s);
            int first = s.span().line(), last = compound ? header(s) : s.span().endLine();
            if (!compound && last == line) endsHere = s;
            if (first == line && startsHere == null) startsHere = s;
            if (!compound && first <= line && last > line) spans = s;
            if (compound && first <= line && last >= line && first != line) spans = s;
        }
        if (line > module.lines().size() || line < 1) {
            throw new Refused("there is no line " + line + "; the code has " + module.lines().size() + " lines");
        }
        if (endsHere == null && startsHere != null && isCompound(startsHere)) {
            throw new Refused("line " + line + " is the header of a block (" + module.line(line).strip()
                    + "); a probe goes after a statement: pick the last line of a statement inside the block or after it");
        }
        if (endsHere == null && spans != null) {
            throw new Refused("line " + line + " is inside the statement on lines " + spans.span().line() + "-"
                    + spans.span().endLine() + "; use after: " + spans.span().endLine());
        }
        if (endsHere == null) {
            throw new Refused("line " + line + " holds no statement (" + (module.line(line).isBlank() ? "it is blank" : module.line(line).strip())
                    + "); pick the line a statement ends on");
        }
        int start = endsHere.span().line();
        for (Stmt s : all) {
            if (isCompound(s) && s.span().line() == start && header(s) == start && s != endsHere) {
                throw new Refused("line " + line + " holds a block on one line (" + module.line(line).strip()
                        + "); put its body on a line of its own to probe after it");
            }
        }
        String text = module.line(start);
        return text.substring(0, text.length() - text.stripLeading().length());
    }

    private static boolean isCompound(Stmt s) {
        return s instanceof Stmt.If || s instanceof Stmt.While || s instanceof Stmt.For || s instanceof Stmt.FunctionDef
                || s instanceof Stmt.ClassDef;
    }

    /** The last line of a compound statement's header: its body starts after it. */
    private static int header(Stmt s) {
        return switch (s) {
            case Stmt.FunctionDef f -> f.header().endLine();
            case Stmt.ClassDef c -> c.header().endLine();
            case Stmt.If i -> i.body().isEmpty() ? i.span().line() : Math.max(i.span().line(), i.body().get(0).span().line() - 1);
            case Stmt.While w -> w.body().isEmpty() ? w.span().line() : Math.max(w.span().line(), w.body().get(0).span().line() - 1);
            case Stmt.For f -> f.body().isEmpty() ? f.span().line() : Math.max(f.span().line(), f.body().get(0).span().line() - 1);
            default -> s.span().endLine();
        };
    }

    private static void collect(List<Stmt> body, List<Stmt> out) {
        for (Stmt s : body) {
            out.add(s);
            switch (s) {
                case Stmt.If i -> { collect(i.body(), out); collect(i.orelse(), out); }
                case Stmt.While w -> { collect(w.body(), out); collect(w.orelse(), out); }
                case Stmt.For f -> { collect(f.body(), out); collect(f.orelse(), out); }
                case Stmt.FunctionDef f -> collect(f.body(), out);
                case Stmt.ClassDef c -> collect(c.body(), out);
                default -> {}
            }
        }
    }
}
