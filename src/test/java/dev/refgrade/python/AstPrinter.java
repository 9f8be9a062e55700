package dev.refgrade.python;

import dev.refgrade.python.Expr.*;
import dev.refgrade.python.Stmt.*;
import java.util.List;
import java.util.stream.Collectors;

/** S-expressions of AST nodes, so tests can state a whole tree in one line. */
final class AstPrinter {
    private AstPrinter() {}

    static String statements(List<Stmt> body) {
        return body.stream().map(AstPrinter::statement).collect(Collectors.joining(" "));
    }

    static String statement(Stmt s) {
        return switch (s) {
            case ExprStmt e -> expr(e.value());
            case Assign a -> "(= " + exprs(a.targets()) + " " + expr(a.value()) + ")";
            case AugAssign a -> "(" + a.op().symbol + "= " + expr(a.target()) + " " + expr(a.value()) + ")";
            case Delete d -> "(del " + exprs(d.targets()) + ")";
            case Pass p -> "pass";
            case Break b -> "break";
            case Continue c -> "continue";
            case Return r -> r.value() == null ? "(return)" : "(return " + expr(r.value()) + ")";
            case Global g -> "(global " + String.join(" ", g.names()) + ")";
            case Nonlocal n -> "(nonlocal " + String.join(" ", n.names()) + ")";
            case If i -> "(if " + expr(i.test()) + " (" + statements(i.body()) + ")" + orelse(i.orelse()) + ")";
            case While w -> "(while " + expr(w.test()) + " (" + statements(w.body()) + ")" + orelse(w.orelse()) + ")";
            case For f -> "(for " + expr(f.target()) + " " + expr(f.iter()) + " (" + statements(f.body()) + ")" + orelse(f.orelse()) + ")";
            case FunctionDef f -> "(def " + f.name() + " (" + f.params().stream().map(AstPrinter::param).collect(Collectors.joining(" "))
                    + ") " + statements(f.body()) + ")";
            case ClassDef c -> "(class " + c.name() + " (" + exprs(c.bases()) + ") " + statements(c.body()) + ")";
            case Import im -> "(import " + im.names().stream().map(a -> a.asName() == null ? a.name() : a.name() + " as " + a.asName())
                    .collect(Collectors.joining(", ")) + ")";
        };
    }

    private static String orelse(List<Stmt> orelse) {
        return orelse.isEmpty() ? "" : " (" + statements(orelse) + ")";
    }

    private static String param(Param p) {
        return p.defaultValue() == null ? p.name() : p.name() + "=" + expr(p.defaultValue());
    }

    static String exprs(List<Expr> es) {
        return es.stream().map(AstPrinter::expr).collect(Collectors.joining(" "));
    }

    static String expr(Expr e) {
        return switch (e) {
            case Name n -> n.id();
            case IntLit i -> i.value().toString();
            case FloatLit f -> Double.toString(f.value());
            case StrLit s -> quote(s.value());
            case BytesLit b -> "b" + quote(b.value());
            case BoolLit b -> b.value() ? "True" : "False";
            case NoneLit n -> "None";
            case EllipsisLit el -> "...";
            case FString f -> "(f" + (f.parts().isEmpty() ? "" : " " + exprs(f.parts())) + ")";
            case FormattedValue v -> "(fv " + expr(v.value()) + " " + (v.conversion() == 0 ? "-" : String.valueOf(v.conversion()))
                    + " " + (v.formatSpec() == null ? "-" : expr(v.formatSpec())) + ")";
            case BinOp b -> "(" + b.op().symbol + " " + expr(b.left()) + " " + expr(b.right()) + ")";
            case UnaryOp u -> "(" + u.op().symbol + " " + expr(u.operand()) + ")";
            case BoolOp b -> "(" + (b.isAnd() ? "and " : "or ") + exprs(b.values()) + ")";
            case Compare c -> {
                var out = new StringBuilder("(cmp ").append(expr(c.left()));
                for (int i = 0; i < c.ops().size(); i++) out.append(' ').append(c.ops().get(i).symbol).append(' ').append(expr(c.comparators().get(i)));
                yield out.append(')').toString();
            }
            case Call c -> "(call " + expr(c.func()) + (c.args().isEmpty() ? "" : " " + exprs(c.args()))
                    + c.keywords().stream().map(k -> " " + k.name() + "=" + expr(k.value())).collect(Collectors.joining()) + ")";
            case Attribute a -> "(. " + expr(a.value()) + " " + a.attr() + ")";
            case Subscript s -> "([] " + expr(s.value()) + " " + expr(s.index()) + ")";
            case Slice s -> "(slice " + opt(s.lower()) + " " + opt(s.upper()) + " " + opt(s.step()) + ")";
            case ListExpr l -> "[" + exprs(l.elts()) + "]";
            case TupleExpr t -> "(tuple" + (t.elts().isEmpty() ? "" : " " + exprs(t.elts())) + ")";
            case SetExpr s -> "{" + exprs(s.elts()) + "}";
            case DictExpr d -> {
                var out = new StringBuilder("(dict");
                for (int i = 0; i < d.keys().size(); i++) out.append(' ').append(expr(d.keys().get(i))).append(':').append(expr(d.values().get(i)));
                yield out.append(')').toString();
            }
            case IfExp i -> "(ifexp " + expr(i.test()) + " " + expr(i.body()) + " " + expr(i.orelse()) + ")";
            case Lambda l -> "(lambda (" + l.params().stream().map(AstPrinter::param).collect(Collectors.joining(" ")) + ") " + expr(l.body()) + ")";
            case ListComp c -> "(listcomp " + expr(c.elt()) + generators(c.generators()) + ")";
            case SetComp c -> "(setcomp " + expr(c.elt()) + generators(c.generators()) + ")";
            case DictComp c -> "(dictcomp " + expr(c.key()) + ":" + expr(c.value()) + generators(c.generators()) + ")";
        };
    }

    private static String generators(List<Comprehension> gens) {
        return gens.stream().map(g -> " (for " + expr(g.target()) + " " + expr(g.iter())
                + g.ifs().stream().map(i -> " (if " + expr(i) + ")").collect(Collectors.joining()) + ")").collect(Collectors.joining());
    }

    private static String opt(Expr e) {
        return e == null ? "_" : expr(e);
    }

    private static String quote(String s) {
        var out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('\'').toString();
    }
}
