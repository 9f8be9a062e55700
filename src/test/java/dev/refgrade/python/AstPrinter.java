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
            case FunctionDef f -> decorators(f.decorators()) + "(def " + f.name() + " (" + params(f.params()) + ")"
                    + (f.returns() == null ? "" : " -> " + expr(f.returns())) + " " + statements(f.body()) + ")";
            case ClassDef c -> decorators(c.decorators()) + "(class " + c.name() + " (" + exprs(c.bases()) + keywords(c.keywords()) + ") "
                    + statements(c.body()) + ")";
            case AnnAssign a -> "(: " + expr(a.target()) + " " + expr(a.annotation()) + (a.value() == null ? "" : " " + expr(a.value()))
                    + (a.simple() ? "" : " !simple") + ")";
            case Raise r -> "(raise" + (r.exc() == null ? "" : " " + expr(r.exc())) + (r.cause() == null ? "" : " from " + expr(r.cause())) + ")";
            case Assert a -> "(assert " + expr(a.test()) + (a.msg() == null ? "" : " " + expr(a.msg())) + ")";
            case Try t -> "(try (" + statements(t.body()) + ")" + handlers(t.handlers(), "except") + blocks(t.orelse(), t.finalbody()) + ")";
            case TryStar t -> "(try (" + statements(t.body()) + ")" + handlers(t.handlers(), "except*") + blocks(t.orelse(), t.finalbody()) + ")";
            case With w -> "(with " + w.items().stream().map(i -> i.target() == null ? expr(i.contextExpr()) : expr(i.contextExpr()) + " as " + expr(i.target()))
                    .collect(Collectors.joining(", ")) + " " + statements(w.body()) + ")";
            case ImportFrom im -> "(from " + ".".repeat(im.level()) + (im.module() == null ? "" : im.module()) + " import "
                    + im.names().stream().map(a -> a.asName() == null ? a.name() : a.name() + " as " + a.asName()).collect(Collectors.joining(", ")) + ")";
            case Import im -> "(import " + im.names().stream().map(a -> a.asName() == null ? a.name() : a.name() + " as " + a.asName())
                    .collect(Collectors.joining(", ")) + ")";
        };
    }

    private static String orelse(List<Stmt> orelse) {
        return orelse.isEmpty() ? "" : " (" + statements(orelse) + ")";
    }

    private static String param(Param p) {
        String name = switch (p.kind()) {
            case POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD -> p.name();
            case VAR_POSITIONAL -> "*" + p.name();
            case KEYWORD_ONLY -> "kw:" + p.name();
            case VAR_KEYWORD -> "**" + p.name();
        };
        if (p.annotation() != null) name += ":" + expr(p.annotation());
        return p.defaultValue() == null ? name : name + "=" + expr(p.defaultValue());
    }

    /** Parameters in order; a '/' follows the positional-only ones. */
    private static String params(List<Param> params) {
        var out = new StringBuilder();
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) out.append(' ');
            out.append(param(params.get(i)));
            if (params.get(i).kind() == ParamKind.POSITIONAL_ONLY && (i + 1 == params.size() || params.get(i + 1).kind() != ParamKind.POSITIONAL_ONLY)) {
                out.append(" /");
            }
        }
        return out.toString();
    }

    private static String decorators(List<Expr> decorators) {
        return decorators.stream().map(d -> "@" + expr(d) + " ").collect(Collectors.joining());
    }

    private static String keywords(List<Keyword> keywords) {
        return keywords.stream().map(k -> " " + (k.name() == null ? "**" : k.name() + "=") + expr(k.value())).collect(Collectors.joining());
    }

    private static String handlers(List<ExceptHandler> handlers, String word) {
        return handlers.stream().map(h -> " (" + word + (h.type() == null ? "" : " " + expr(h.type())) + (h.name() == null ? "" : " as " + h.name())
                + " " + statements(h.body()) + ")").collect(Collectors.joining());
    }

    private static String blocks(List<Stmt> orelse, List<Stmt> finalbody) {
        return (orelse.isEmpty() ? "" : " (else " + statements(orelse) + ")") + (finalbody.isEmpty() ? "" : " (finally " + statements(finalbody) + ")");
    }

    static String exprs(List<Expr> es) {
        return es.stream().map(AstPrinter::expr).collect(Collectors.joining(" "));
    }

    static String expr(Expr e) {
        return switch (e) {
            case Name n -> n.id();
            case IntLit i -> i.value().toString();
            case FloatLit f -> Double.toString(f.value());
            case Expr.ImagLit j -> Double.toString(j.value()) + "j";
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
            case Call c -> "(call " + expr(c.func()) + (c.args().isEmpty() ? "" : " " + exprs(c.args())) + keywords(c.keywords()) + ")";
            case Attribute a -> "(. " + expr(a.value()) + " " + a.attr() + ")";
            case Subscript s -> "([] " + expr(s.value()) + " " + expr(s.index()) + ")";
            case Slice s -> "(slice " + opt(s.lower()) + " " + opt(s.upper()) + " " + opt(s.step()) + ")";
            case ListExpr l -> "[" + exprs(l.elts()) + "]";
            case TupleExpr t -> "(tuple" + (t.elts().isEmpty() ? "" : " " + exprs(t.elts())) + ")";
            case SetExpr s -> "{" + exprs(s.elts()) + "}";
            case DictExpr d -> {
                var out = new StringBuilder("(dict");
                for (int i = 0; i < d.keys().size(); i++) {
                    Expr k = d.keys().get(i);
                    out.append(' ').append(k == null ? "**" : expr(k) + ":").append(expr(d.values().get(i)));
                }
                yield out.append(')').toString();
            }
            case IfExp i -> "(ifexp " + expr(i.test()) + " " + expr(i.body()) + " " + expr(i.orelse()) + ")";
            case Lambda l -> "(lambda (" + params(l.params()) + ") " + expr(l.body()) + ")";
            case GeneratorExp g -> "(genexp " + expr(g.elt()) + generators(g.generators()) + ")";
            case Starred st -> "*" + expr(st.value());
            case NamedExpr n -> "(:= " + n.target().id() + " " + expr(n.value()) + ")";
            case Yield y -> y.value() == null ? "(yield)" : "(yield " + expr(y.value()) + ")";
            case YieldFrom y -> "(yield-from " + expr(y.value()) + ")";
            case Await a -> "(await " + expr(a.value()) + ")";
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
