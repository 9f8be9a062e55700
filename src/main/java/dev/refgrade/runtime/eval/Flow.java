package dev.refgrade.runtime.eval;

import dev.refgrade.python.Stmt;
import java.util.List;

/**
 * Whether a statement can complete normally, so that the normal flow (no exception taken) reaches
 * what follows it, as CPython's flowgraph sees it once code after a jump is dead: raise, return,
 * break and continue never complete; an if when one branch does; a try when its body and else
 * block do (a handler is entered only through an exception) and its finally block does; a with
 * when its body does. Loops are taken to complete, but for a while loop whose test is a true
 * constant: its exit is reached only by break, which optimize_load_fast's walk does not follow there
 * (3.14 loads everything after `while True:` strong).
 */
final class Flow {
    private Flow() {}

    static boolean completes(List<Stmt> block) {
        for (Stmt s : block) if (!completes(s)) return false;
        return true;
    }

    static boolean completes(Stmt s) {
        return switch (s) {
            case Stmt.Raise r -> false;
            case Stmt.Return r -> false;
            case Stmt.Break b -> false;
            case Stmt.Continue c -> false;
            case Stmt.If i -> completes(i.body()) || completes(i.orelse());
            case Stmt.Try t -> completes(t.body()) && completes(t.orelse()) && completes(t.finalbody());
            case Stmt.With w -> completes(w.body());
            case Stmt.While w -> !Boolean.TRUE.equals(MaybeUnbound.constant(w.test()));
            default -> true;
        };
    }
}
