package dev.refgrade.runtime.compile;

import dev.refgrade.python.Expr;
import dev.refgrade.python.Module;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.VersionRules;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;

/**
 * The compiler's other literal checks (check_caller, check_subscripter, check_index and
 * compiler_assert's): calling a display or a literal, subscripting one that cannot be, indexing a
 * sequence literal by what is no index, or asserting a tuple, warns "perhaps you missed a comma?".
 * They look at the tree as the compiler gets it: folded by the AST optimizer until 3.13, as
 * written from 3.14.
 */
final class LiteralMisuses {
    private LiteralMisuses() {}

    /** check_caller. */
    static void call(Expr.Call call, Constants constants, VersionRules rules, Module module, StringBuilder out) {
        Expr f = call.func();
        String type = constant(f, constants, rules) != null || display(f) ? inferType(f, constants, rules) : null;
        if (type != null) warn(out, module, call, "'" + type + "' object is not callable; perhaps you missed a comma?");
    }

    /** check_subscripter, then check_index, of a subscript being loaded. */
    static void subscript(Expr.Subscript s, Constants constants, VersionRules rules, Module module, StringBuilder out) {
        Expr value = s.value();
        PyObject v = constant(value, constants, rules);
        boolean unsubscriptable = v != null ? v == dev.refgrade.runtime.eval.PyRuntime.NONE || v == dev.refgrade.runtime.eval.PyRuntime.ELLIPSIS
                || v instanceof dev.refgrade.runtime.objects.PyInt || v instanceof dev.refgrade.runtime.objects.PyFloat
                || v instanceof dev.refgrade.runtime.objects.PyComplex || v instanceof PySet
                : value instanceof Expr.SetExpr || value instanceof Expr.SetComp || value instanceof Expr.GeneratorExp || value instanceof Expr.Lambda;
        if (unsubscriptable) {
            warn(out, module, s, "'" + inferType(value, constants, rules) + "' object is not subscriptable; perhaps you missed a comma?");
            return;
        }
        boolean sequence = v != null ? v instanceof dev.refgrade.runtime.objects.PyStr || v instanceof dev.refgrade.runtime.objects.PyBytes
                || v instanceof PyTuple
                : value instanceof Expr.TupleExpr || value instanceof Expr.ListExpr || value instanceof Expr.ListComp
                        || value instanceof Expr.FString || value instanceof Expr.FormattedValue;
        if (!sequence) return;
        String index = inferType(s.index(), constants, rules);
        if (index != null && !index.equals("int") && !index.equals("bool") && !index.equals("slice")) {
            warn(out, module, s, inferType(value, constants, rules) + " indices must be integers or slices, not " + index
                    + "; perhaps you missed a comma?");
        }
    }

    /** compiler_assert: a non-empty tuple, as written or folded, is always true. */
    static void assertion(Stmt.Assert a, Constants constants, VersionRules rules, Module module, StringBuilder out) {
        Expr test = a.test();
        boolean tuple = test instanceof Expr.TupleExpr t && !t.elts().isEmpty()
                || constant(test, constants, rules) instanceof PyTuple folded && folded.items.length > 0;
        if (tuple) SyntaxWarnings.append(out, module, a.span().line(), "assertion is always true, perhaps remove parentheses?");
    }

    private static void warn(StringBuilder out, Module module, Expr at, String message) {
        SyntaxWarnings.append(out, module, at.span().line(), message);
    }

    /** The value of a Constant node: a literal, or before 3.14 what the AST optimizer folded; null otherwise. */
    private static PyObject constant(Expr e, Constants constants, VersionRules rules) {
        if (rules.foldingAfterParse && !(e instanceof Expr.IntLit || e instanceof Expr.FloatLit || e instanceof Expr.ImagLit
                || e instanceof Expr.StrLit || e instanceof Expr.BytesLit || e instanceof Expr.NoneLit || e instanceof Expr.BoolLit
                || e instanceof Expr.EllipsisLit || e instanceof Expr.FString f && f.parts().stream().allMatch(p -> p instanceof Expr.StrLit))) {
            return null;
        }
        return constants.fold(e);
    }

    /** The displays, comprehensions and f-strings check_caller names besides constants. */
    private static boolean display(Expr e) {
        return e instanceof Expr.TupleExpr || e instanceof Expr.ListExpr || e instanceof Expr.ListComp || e instanceof Expr.DictExpr
                || e instanceof Expr.DictComp || e instanceof Expr.SetExpr || e instanceof Expr.SetComp || e instanceof Expr.GeneratorExp
                || e instanceof Expr.FString || e instanceof Expr.FormattedValue;
    }

    /** infer_type: the type the expression's kind fixes, or null. */
    private static String inferType(Expr e, Constants constants, VersionRules rules) {
        PyObject v = constant(e, constants, rules);
        if (v != null) return v.type().name;
        return switch (e) {
            case Expr.TupleExpr t -> "tuple";
            case Expr.ListExpr l -> "list";
            case Expr.ListComp l -> "list";
            case Expr.DictExpr d -> "dict";
            case Expr.DictComp d -> "dict";
            case Expr.SetExpr s -> "set";
            case Expr.SetComp s -> "set";
            case Expr.GeneratorExp g -> "generator";
            case Expr.Lambda l -> "function";
            case Expr.FString f -> "str";
            case Expr.FormattedValue f -> "str";
            default -> null;
        };
    }
}
