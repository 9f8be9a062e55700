package dev.refgrade.runtime.compile;

import dev.refgrade.python.Module;
import dev.refgrade.python.Stmt;
import java.util.List;

/**
 * PEP 765 (3.14): a `return`, `break` or `continue` that would leave a `finally` block draws a
 * SyntaxWarning when the file is compiled, before it runs, as the warnings module prints it:
 * "FILE:LINE: SyntaxWarning: 'return' in a 'finally' block" and the source line.
 */
public final class FinallyExits {
    private final Module module;
    private final StringBuilder out = new StringBuilder();

    private FinallyExits(Module module) {
        this.module = module;
    }

    /** The warnings compiling {@code module} prints, in the order the compiler meets them. */
    public static String warnings(Module module) {
        FinallyExits w = new FinallyExits(module);
        w.block(module.body(), false, false);
        return w.out.toString();
    }

    /** {@code inFinally}: inside a finally block of this function; {@code inLoop}: inside a loop within it. */
    private void block(List<Stmt> body, boolean inFinally, boolean inLoop) {
        for (Stmt s : body) stmt(s, inFinally, inLoop);
    }

    private void stmt(Stmt s, boolean inFinally, boolean inLoop) {
        switch (s) {
            case Stmt.Return r -> warnIf(inFinally, "return", r.span().line());
            case Stmt.Break b -> warnIf(inFinally && !inLoop, "break", b.span().line());
            case Stmt.Continue c -> warnIf(inFinally && !inLoop, "continue", c.span().line());
            case Stmt.If i -> {
                block(i.body(), inFinally, inLoop);
                block(i.orelse(), inFinally, inLoop);
            }
            case Stmt.While w -> {
                block(w.body(), inFinally, true);
                block(w.orelse(), inFinally, inLoop);
            }
            case Stmt.For f -> {
                block(f.body(), inFinally, true);
                block(f.orelse(), inFinally, inLoop);
            }
            case Stmt.With w -> block(w.body(), inFinally, inLoop);
            case Stmt.Try t -> tryBlocks(t.body(), t.handlers(), t.orelse(), t.finalbody(), inFinally, inLoop);
            case Stmt.TryStar t -> tryBlocks(t.body(), t.handlers(), t.orelse(), t.finalbody(), inFinally, inLoop);
            // A function or class body is a scope of its own: its exits leave no finally block around it.
            case Stmt.FunctionDef d -> block(d.body(), false, false);
            case Stmt.ClassDef c -> block(c.body(), false, false);
            default -> { }
        }
    }

    private void tryBlocks(List<Stmt> body, List<Stmt.ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody,
            boolean inFinally, boolean inLoop) {
        block(body, inFinally, inLoop);
        for (Stmt.ExceptHandler h : handlers) block(h.body(), inFinally, inLoop);
        block(orelse, inFinally, inLoop);
        block(finalbody, true, false);
    }

    private void warnIf(boolean leaves, String what, int line) {
        if (!leaves) return;
        SyntaxWarnings.append(out, module, line, "'" + what + "' in a 'finally' block");
    }
}
