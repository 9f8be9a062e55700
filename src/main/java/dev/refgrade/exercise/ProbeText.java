package dev.refgrade.exercise;

import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.python.Expr;
import dev.refgrade.python.Module;
import dev.refgrade.python.ParseError;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.RecentModules;
import java.math.BigInteger;

/** Reads what a probe printed (a repr) as the answer its question's kind asks for. */
final class ProbeText {
    private ProbeText() {}

    static Answer answer(Question q, String repr, Problems problems) {
        Expr literal = literal(repr);
        switch (q.kind()) {
            case INT -> {
                if (literal instanceof Expr.IntLit i) return new Answer.IntAnswer(i.value());
                if (literal instanceof Expr.UnaryOp u && u.operand() instanceof Expr.IntLit i) return new Answer.IntAnswer(i.value().negate());
            }
            case BOOL -> {
                if (literal instanceof Expr.BoolLit b) return new Answer.BoolAnswer(b.value());
            }
            case TEXT -> {
                return new Answer.TextAnswer(literal instanceof Expr.StrLit s ? s.value() : repr);
            }
            default -> throw new IllegalArgumentException(q.kind() + " is not read from a probe's text");
        }
        problems.at(q.expr().pos(), "'" + q.expr().expr() + "' gives " + repr + ", not " + (q.kind() == Exercise.Kind.INT
                ? "an int; use answer: text, or ask for an int" : "True or False; use answer: text, or compare it to get a bool"));
        return null;
    }

    /** The repr as a Python literal (repr of ints, bools and strs is one), or null when it is none. */
    static Expr literal(String repr) {
        try {
            Module m = RecentModules.parse("<repr>", repr + "\n");
            if (m.body().size() == 1 && m.body().get(0) instanceof Stmt.ExprStmt e) return e.value();
        } catch (ParseError e) {
            // not a literal: a default repr like <A object at 0x...>
        }
        return null;
    }
}
