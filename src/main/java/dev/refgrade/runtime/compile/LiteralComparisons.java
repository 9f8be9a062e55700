package dev.refgrade.runtime.compile;

import dev.refgrade.python.CmpOp;
import dev.refgrade.python.Expr;
import dev.refgrade.python.Module;
import dev.refgrade.runtime.VersionRules;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyObject;
import java.util.List;

/**
 * The compiler's check_compare: `x is 5` or `x is not "a"` compares identity with a literal, whose
 * identity the compiler alone decides, so compiling it warns ("Did you mean ==?"), once per
 * comparison, at its first is/is not with a literal on either side.
 */
final class LiteralComparisons {
    private LiteralComparisons() {}

    /** Appends the warning compiling {@code cmp} raises, if any; its operands are already folded. */
    static void check(Expr.Compare cmp, Constants constants, VersionRules rules, Module module, StringBuilder out) {
        List<Expr> comparators = cmp.comparators();
        for (int i = 0; i < comparators.size(); i++) {
            CmpOp op = cmp.ops().get(i);
            if (op != CmpOp.IS && op != CmpOp.IS_NOT) continue;
            Expr leftExpr = i == 0 ? cmp.left() : comparators.get(i - 1), rightExpr = comparators.get(i);
            boolean left = literal(leftExpr, constants, rules);
            if (!left && !literal(rightExpr, constants, rules)) continue;
            String is = op == CmpOp.IS ? "\"is\"" : "\"is not\"";
            String meant = op == CmpOp.IS ? "\"==\"" : "\"!=\"";
            // 3.12 names the literal's type, the left one's when both are literals.
            String with = rules.isLiteralWarningNamesType
                    ? "'" + constants.fold(left ? leftExpr : rightExpr).type().name() + "' literal" : "a literal";
            SyntaxWarnings.append(out, module, cmp.span().line(), is + " with " + with + ". Did you mean " + meant + "?");
            return;
        }
    }

    /**
     * Whether the compiler sees a constant there (check_is_arg), None, True, False and ... aside:
     * what the AST optimizer folded (f-strings it leaves alone), or from 3.14, which folds later, a
     * literal as written or a tuple of them.
     */
    private static boolean literal(Expr e, Constants constants, VersionRules rules) {
        if (rules.foldingAfterParse) {
            return written(e) || e instanceof Expr.TupleExpr t && t.elts().stream().allMatch(x -> written(x) || singleton(x));
        }
        PyObject v = constants.fold(e);
        return v != null && !singleton(e) && beforeCodegen(e)
                && v != PyRuntime.NONE && v != PyRuntime.TRUE && v != PyRuntime.FALSE && v != PyRuntime.ELLIPSIS;
    }

    private static boolean written(Expr e) {
        return e instanceof Expr.IntLit || e instanceof Expr.FloatLit || e instanceof Expr.ImagLit || e instanceof Expr.StrLit
                || e instanceof Expr.BytesLit;
    }

    private static boolean singleton(Expr e) {
        return e instanceof Expr.NoneLit || e instanceof Expr.BoolLit || e instanceof Expr.EllipsisLit;
    }

    /** Folded by the AST optimizer, before codegen: an f-string anywhere inside is joined only in codegen. */
    private static boolean beforeCodegen(Expr e) {
        return switch (e) {
            case Expr.FString f -> false;
            case Expr.TupleExpr t -> t.elts().stream().allMatch(LiteralComparisons::beforeCodegen);
            case Expr.UnaryOp u -> beforeCodegen(u.operand());
            case Expr.BinOp b -> beforeCodegen(b.left()) && beforeCodegen(b.right());
            default -> true;
        };
    }
}
