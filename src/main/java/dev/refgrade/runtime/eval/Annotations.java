package dev.refgrade.runtime.eval;

import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyCode.Exec;
import dev.refgrade.runtime.objects.PyStr;
import java.util.List;

/** The namespace side of variable annotations in a module or class body (compile.c, 3.11). */
public final class Annotations {
    private Annotations() {}

    /** find_ann: whether the body has an annotated assignment, in nested blocks too but not in defs or classes. */
    public static boolean present(List<Stmt> body) {
        for (Stmt s : body) {
            boolean found = switch (s) {
                case Stmt.AnnAssign a -> true;
                case Stmt.If i -> present(i.body()) || present(i.orelse());
                case Stmt.While w -> present(w.body()) || present(w.orelse());
                case Stmt.For f -> present(f.body()) || present(f.orelse());
                case Stmt.With w -> present(w.body());
                case Stmt.Try t -> present(t.body()) || t.handlers().stream().anyMatch(h -> present(h.body()))
                        || present(t.orelse()) || present(t.finalbody());
                case Stmt.TryStar t -> present(t.body()) || t.handlers().stream().anyMatch(h -> present(h.body()))
                        || present(t.orelse()) || present(t.finalbody());
                default -> false;
            };
            if (found) return true;
        }
        return false;
    }

    /**
     * SETUP_ANNOTATIONS, first in a body with annotations: the namespace gets a new empty
     * __annotations__ dict unless it has one already.
     */
    public static Exec setup(PyRuntime rt) {
        PyStr key = rt.name("__annotations__");
        return f -> {
            if (f.locals.getBorrowed(rt, key) == null) f.locals.putOwned(rt, rt.heap.newRef(key), rt.newDict());
            return PyCode.NORMAL;
        };
    }
}
