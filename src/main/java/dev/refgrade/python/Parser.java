package dev.refgrade.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recursive descent over Python 3.11's grammar for the supported subset; refuses the rest by name. */
public final class Parser {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    private final String file;
    private final List<Token> toks;
    private int p;
    private int loops, functions;

    private Parser(String file, List<Token> toks) {
        this.file = file;
        this.toks = toks;
    }

    static final class Failure extends RuntimeException {
        final ParseError.Problem problem;

        Failure(ParseError.Problem problem) {
            super(problem.diagnostic().message(), null, false, false);
            this.problem = problem;
        }
    }

    public static Module parse(String fileName, String source) throws ParseError {
        List<String> lines = source.lines().toList();
        List<Token> toks;
        try {
            toks = new Lexer(fileName, source).tokenize();
        } catch (Lexer.LexError e) {
            throw new ParseError(List.of(new ParseError.Problem(ParseError.Kind.SYNTAX, e.pyType,
                    new Diagnostic(fileName, e.line, e.col, e.getMessage()))));
        }
        Parser parser = new Parser(fileName, toks);
        List<Stmt> body = new ArrayList<>();
        List<ParseError.Problem> problems = new ArrayList<>();
        while (parser.peek().kind() != Token.Kind.EOF) {
            try {
                body.add(parser.statement());
            } catch (Failure f) {
                problems.add(f.problem);
                parser.recover();
            }
        }
        if (!problems.isEmpty()) throw new ParseError(problems);
        return new Module(fileName, lines, body);
    }

    /** Skips to the start of the next statement at this or an outer level, so later errors are found too. */
    private void recover() {
        while (peek().kind() != Token.Kind.EOF && peek().kind() != Token.Kind.NEWLINE) p++;
        while (peek().kind() == Token.Kind.NEWLINE || peek().kind() == Token.Kind.INDENT || peek().kind() == Token.Kind.DEDENT) p++;
    }

    // ---- tokens -----------------------------------------------------------------------------------

    private Token peek() {
        return toks.get(p);
    }

    private Token next() {
        return toks.get(p++);
    }

    private boolean at(String op) {
        return peek().is(op);
    }

    private boolean accept(String op) {
        if (at(op)) {
            p++;
            return true;
        }
        return false;
    }

    private Token expect(String op, String message) {
        if (!at(op)) throw syntax(message, peek());
        return next();
    }

    private Failure syntax(String message, Token at) {
        return new Failure(new ParseError.Problem(ParseError.Kind.SYNTAX, "SyntaxError", new Diagnostic(file, at.line(), at.col(), message)));
    }

    private Failure unsupported(String what, Token at) {
        return new Failure(new ParseError.Problem(ParseError.Kind.UNSUPPORTED, null, new Diagnostic(file, at.line(), at.col(), what)));
    }

    private Span endAt(Span start) {
        Token last = toks.get(Math.max(0, p - 1));
        return new Span(start.line(), start.col(), last.endLine(), last.endCol());
    }

    // ---- statements ---------------------------------------------------------------------------------

    private Stmt statement() {
        Token t = peek();
        if (t.kind() == Token.Kind.INDENT) throw new Failure(new ParseError.Problem(ParseError.Kind.SYNTAX, "IndentationError",
                new Diagnostic(file, t.line(), t.col(), "unexpected indent")));
        if (t.kind() == Token.Kind.NAME) {
            switch (t.text()) {
                case "if": return ifStmt();
                case "while": return whileStmt();
                case "for": return forStmt();
                case "def": return def();
                case "class": return classDef();
                case "try": throw unsupported("try statement", t);
                case "with": throw unsupported("with statement", t);
                case "async": throw unsupported("async code", t);
                case "match": if (toks.get(p + 1).kind() == Token.Kind.NAME) throw unsupported("match statement", t); break;
                default: break;
            }
        }
        if (t.is("@")) throw unsupported("decorator", t);
        List<Stmt> simple = new ArrayList<>();
        simple.add(simpleStatement());
        while (accept(";")) {
            if (peek().kind() == Token.Kind.NEWLINE) break;
            simple.add(simpleStatement());
        }
        if (peek().kind() != Token.Kind.NEWLINE) throw syntax("invalid syntax", peek());
        next();
        if (simple.size() == 1) return simple.get(0);
        // Several simple statements on one line run as a block; an always-true `if` carries them.
        Span s = Span.of(simple.get(0).span(), simple.get(simple.size() - 1).span());
        return new Stmt.If(new Expr.BoolLit(true, s), simple, List.of(), s);
    }

    private Stmt simpleStatement() {
        Token t = peek();
        Span s = t.span();
        switch (t.kind() == Token.Kind.NAME ? t.text() : "") {
            case "pass": next(); return new Stmt.Pass(s);
            case "break":
                next();
                if (loops == 0) throw syntax("'break' outside loop", t);
                return new Stmt.Break(s);
            case "continue":
                next();
                if (loops == 0) throw syntax("'continue' not properly in loop", t);
                return new Stmt.Continue(s);
            case "return": {
                next();
                if (functions == 0) throw syntax("'return' outside function", t);
                Expr v = peek().kind() == Token.Kind.NEWLINE || at(";") ? null : exprList();
                return new Stmt.Return(v, endAt(s));
            }
            case "global", "nonlocal": {
                next();
                List<String> names = new ArrayList<>();
                do names.add(name()); while (accept(","));
                return t.text().equals("global") ? new Stmt.Global(names, endAt(s)) : new Stmt.Nonlocal(names, endAt(s));
            }
            case "del": {
                next();
                List<Expr> targets = new ArrayList<>();
                do {
                    Expr e = expr();
                    checkTarget(e, "delete");
                    targets.add(e);
                } while (accept(",") && peek().kind() != Token.Kind.NEWLINE);
                return new Stmt.Delete(targets, endAt(s));
            }
            case "import": {
                next();
                List<Stmt.Alias> names = new ArrayList<>();
                do {
                    Token at = peek();
                    StringBuilder n = new StringBuilder(name());
                    while (accept(".")) n.append('.').append(name());
                    String as = accept("as") ? name() : null;
                    names.add(new Stmt.Alias(n.toString(), as, endAt(at.span())));
                } while (accept(","));
                return new Stmt.Import(names, endAt(s));
            }
            case "from": throw unsupported("from-import", t);
            case "raise": throw unsupported("raise statement", t);
            case "assert": throw unsupported("assert statement", t);
            case "yield": throw unsupported("yield", t);
            case "print":
                if (toks.get(p + 1).kind() != Token.Kind.NEWLINE && !toks.get(p + 1).is("(") && !toks.get(p + 1).is("=")
                        && !toks.get(p + 1).is(".") && toks.get(p + 1).kind() != Token.Kind.OP) {
                    throw syntax("Missing parentheses in call to 'print'. Did you mean print(...)?", t);
                }
                break;
            default: break;
        }
        Expr first = exprList();
        if (at(":") ) throw unsupported("variable annotation", peek());
        if (peek().kind() == Token.Kind.OP && peek().text().length() >= 2 && peek().text().endsWith("=") && !at("==")
                && !at("<=") && !at(">=") && !at("!=")) {
            Token op = next();
            checkTarget(first, "augmented");
            if (!(first instanceof Expr.Name || first instanceof Expr.Attribute || first instanceof Expr.Subscript)) {
                throw syntax("'" + describe(first) + "' is an illegal expression for augmented assignment", op);
            }
            Expr value = exprList();
            return new Stmt.AugAssign(first, binop(op.text().substring(0, op.text().length() - 1)), value, Span.of(s, value.span()));
        }
        if (at("=")) {
            List<Expr> targets = new ArrayList<>();
            targets.add(first);
            Expr value = null;
            while (accept("=")) {
                value = exprList();
                if (at("=")) targets.add(value);
            }
            for (Expr target : targets) checkTarget(target, "assign");
            return new Stmt.Assign(targets, value, Span.of(s, value.span()));
        }
        return new Stmt.ExprStmt(first, first.span());
    }

    private void checkTarget(Expr e, String how) {
        switch (e) {
            case Expr.Name n -> { }
            case Expr.Attribute a -> { }
            case Expr.Subscript s -> { }
            case Expr.TupleExpr t -> t.elts().forEach(x -> checkTarget(x, how));
            case Expr.ListExpr l -> l.elts().forEach(x -> checkTarget(x, how));
            default -> {
                Token at = tokenAt(e.span());
                if (how.equals("delete")) throw syntax("cannot delete " + describe(e), at);
                throw syntax("cannot assign to " + describe(e) + " here. Maybe you meant '==' instead of '='?", at);
            }
        }
    }

    private Token tokenAt(Span s) {
        return new Token(Token.Kind.OP, "", null, s.line(), s.col(), s.endLine(), s.endCol());
    }

    private static String describe(Expr e) {
        return switch (e) {
            case Expr.Call c -> "function call";
            case Expr.IntLit i -> "literal";
            case Expr.FloatLit f -> "literal";
            case Expr.StrLit s -> "literal";
            case Expr.BoolLit b -> b.value() ? "True" : "False";
            case Expr.NoneLit n -> "None";
            case Expr.BinOp b -> "expression";
            case Expr.Compare c -> "comparison";
            case Expr.FString f -> "f-string expression";
            default -> "expression";
        };
    }

    private List<Stmt> block(String what, Token header) {
        expect(":", "expected ':'");
        if (peek().kind() != Token.Kind.NEWLINE) {
            List<Stmt> one = new ArrayList<>();
            one.add(simpleStatement());
            while (accept(";") && peek().kind() != Token.Kind.NEWLINE) one.add(simpleStatement());
            if (peek().kind() != Token.Kind.NEWLINE) throw syntax("invalid syntax", peek());
            next();
            return one;
        }
        next();
        if (peek().kind() != Token.Kind.INDENT) {
            Token t = peek();
            throw new Failure(new ParseError.Problem(ParseError.Kind.SYNTAX, "IndentationError",
                    new Diagnostic(file, t.line(), t.col(), "expected an indented block after " + what + " on line " + header.line())));
        }
        next();
        List<Stmt> body = new ArrayList<>();
        while (peek().kind() != Token.Kind.DEDENT && peek().kind() != Token.Kind.EOF) body.add(statement());
        if (peek().kind() == Token.Kind.DEDENT) next();
        return body;
    }

    private Stmt ifStmt() {
        Token t = next();
        Expr test = namedExpr();
        List<Stmt> body = block("'" + t.text() + "' statement", t);
        List<Stmt> orelse = List.of();
        if (at("elif")) orelse = List.of(ifStmt());
        else if (at("else")) {
            Token e = next();
            orelse = block("'else' statement", e);
        }
        return new Stmt.If(test, body, orelse, endAt(t.span()));
    }

    private Stmt whileStmt() {
        Token t = next();
        Expr test = namedExpr();
        loops++;
        List<Stmt> body;
        try {
            body = block("'while' statement", t);
        } finally {
            loops--;
        }
        List<Stmt> orelse = at("else") ? block("'else' statement", next()) : List.of();
        return new Stmt.While(test, body, orelse, endAt(t.span()));
    }

    private Stmt forStmt() {
        Token t = next();
        Expr target = targetList();
        checkTarget(target, "assign");
        expect("in", "invalid syntax");
        Expr iter = exprList();
        loops++;
        List<Stmt> body;
        try {
            body = block("'for' statement", t);
        } finally {
            loops--;
        }
        List<Stmt> orelse = at("else") ? block("'else' statement", next()) : List.of();
        return new Stmt.For(target, iter, body, orelse, endAt(t.span()));
    }

    private Expr targetList() {
        Token start = peek();
        List<Expr> items = new ArrayList<>();
        items.add(bitOr());
        boolean tuple = false;
        while (accept(",")) {
            tuple = true;
            if (at("in")) break;
            items.add(bitOr());
        }
        return tuple ? new Expr.TupleExpr(items, endAt(start.span())) : items.get(0);
    }

    private Stmt def() {
        Token t = next();
        String name = name();
        expect("(", "invalid syntax");
        List<Stmt.Param> params = new ArrayList<>();
        boolean sawDefault = false;
        while (!at(")")) {
            Token pt = peek();
            if (at("*") || at("**")) throw unsupported("*args or **kwargs parameters", pt);
            if (at("/")) throw unsupported("positional-only parameters", pt);
            String pn = name();
            if (at(":")) throw unsupported("parameter annotation", peek());
            Expr dflt = null;
            if (accept("=")) {
                dflt = expr();
                sawDefault = true;
            } else if (sawDefault) {
                throw syntax("non-default argument follows default argument", pt);
            }
            params.add(new Stmt.Param(pn, dflt, endAt(pt.span())));
            if (!accept(",")) break;
        }
        expect(")", "invalid syntax");
        if (at("->")) throw unsupported("return annotation", peek());
        Span header = endAt(t.span());
        int savedLoops = loops;
        loops = 0;
        functions++;
        List<Stmt> body;
        try {
            body = block("function definition", t);
        } finally {
            functions--;
            loops = savedLoops;
        }
        return new Stmt.FunctionDef(name, params, body, header, endAt(t.span()));
    }

    private Stmt classDef() {
        Token t = next();
        String name = name();
        List<Expr> bases = new ArrayList<>();
        if (accept("(")) {
            while (!at(")")) {
                if (peek().kind() == Token.Kind.NAME && toks.get(p + 1).is("=")) throw unsupported("class keyword arguments", peek());
                bases.add(expr());
                if (!accept(",")) break;
            }
            expect(")", "invalid syntax");
        }
        Span header = endAt(t.span());
        int savedLoops = loops, savedFunctions = functions;
        loops = 0;
        functions = 0;
        List<Stmt> body;
        try {
            body = block("class definition", t);
        } finally {
            loops = savedLoops;
            functions = savedFunctions;
        }
        return new Stmt.ClassDef(name, bases, body, header, endAt(t.span()));
    }

    private String name() {
        Token t = peek();
        if (t.kind() != Token.Kind.NAME || KEYWORDS.contains(t.text())) throw syntax("invalid syntax", t);
        p++;
        return t.text();
    }

    // ---- expressions --------------------------------------------------------------------------------

    /** An expression list: `a, b` is a tuple. */
    private Expr exprList() {
        Token start = peek();
        Expr first = expr();
        if (!at(",")) return first;
        List<Expr> items = new ArrayList<>(List.of(first));
        while (accept(",")) {
            if (endsList()) break;
            items.add(expr());
        }
        return new Expr.TupleExpr(items, endAt(start.span()));
    }

    private boolean endsList() {
        Token t = peek();
        return t.kind() == Token.Kind.NEWLINE || t.is("=") || t.is(")") || t.is("]") || t.is("}") || t.is(";") || t.is(":")
                || (t.kind() == Token.Kind.OP && t.text().endsWith("=") && t.text().length() >= 2 && !t.is("==") && !t.is("<=") && !t.is(">=") && !t.is("!="));
    }

    private Expr namedExpr() {
        Expr e = expr();
        if (at(":=")) throw unsupported("assignment expression (:=)", peek());
        return e;
    }

    Expr expr() {
        Token t = peek();
        if (t.is("lambda")) throw unsupported("lambda expression", t);
        if (t.is("yield")) throw unsupported("yield", t);
        if (t.is("await")) throw unsupported("await", t);
        if (t.is("*")) throw unsupported("starred expression", t);
        Expr body = or();
        if (at("if") ) {
            next();
            Expr test = or();
            expect("else", "expected 'else' after 'if' expression");
            Expr orelse = expr();
            return new Expr.IfExp(test, body, orelse, Span.of(body.span(), orelse.span()));
        }
        return body;
    }

    private Expr or() {
        Expr first = and();
        if (!at("or")) return first;
        List<Expr> vs = new ArrayList<>(List.of(first));
        while (accept("or")) vs.add(and());
        return new Expr.BoolOp(false, vs, Span.of(first.span(), vs.get(vs.size() - 1).span()));
    }

    private Expr and() {
        Expr first = not();
        if (!at("and")) return first;
        List<Expr> vs = new ArrayList<>(List.of(first));
        while (accept("and")) vs.add(not());
        return new Expr.BoolOp(true, vs, Span.of(first.span(), vs.get(vs.size() - 1).span()));
    }

    private Expr not() {
        if (at("not")) {
            Token t = next();
            Expr v = not();
            return new Expr.UnaryOp(UnaryOperator.NOT, v, Span.of(t.span(), v.span()));
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = bitOr();
        List<CmpOp> ops = new ArrayList<>();
        List<Expr> rights = new ArrayList<>();
        while (true) {
            CmpOp op;
            if (accept("==")) op = CmpOp.EQ;
            else if (accept("!=")) op = CmpOp.NE;
            else if (accept("<=")) op = CmpOp.LE;
            else if (accept(">=")) op = CmpOp.GE;
            else if (accept("<")) op = CmpOp.LT;
            else if (accept(">")) op = CmpOp.GT;
            else if (accept("in")) op = CmpOp.IN;
            else if (at("not") && toks.get(p + 1).is("in")) {
                p += 2;
                op = CmpOp.NOT_IN;
            } else if (accept("is")) op = accept("not") ? CmpOp.IS_NOT : CmpOp.IS;
            else break;
            ops.add(op);
            rights.add(bitOr());
        }
        if (ops.isEmpty()) return left;
        return new Expr.Compare(left, ops, rights, Span.of(left.span(), rights.get(rights.size() - 1).span()));
    }

    private static BinOperator binop(String s) {
        return switch (s) {
            case "+" -> BinOperator.ADD;
            case "-" -> BinOperator.SUB;
            case "*" -> BinOperator.MUL;
            case "@" -> BinOperator.MATMUL;
            case "/" -> BinOperator.DIV;
            case "//" -> BinOperator.FLOORDIV;
            case "%" -> BinOperator.MOD;
            case "**" -> BinOperator.POW;
            case "<<" -> BinOperator.LSHIFT;
            case ">>" -> BinOperator.RSHIFT;
            case "|" -> BinOperator.BITOR;
            case "^" -> BinOperator.BITXOR;
            case "&" -> BinOperator.BITAND;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private Expr binary(int level) {
        String[][] levels = {{"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "//", "%", "@"}};
        if (level == levels.length) return unary();
        Expr left = binary(level + 1);
        outer:
        while (true) {
            for (String op : levels[level]) {
                if (at(op)) {
                    Token t = next();
                    if (op.equals("@")) throw unsupported("matrix multiplication operator @", t);
                    Expr right = binary(level + 1);
                    left = new Expr.BinOp(left, binop(op), right, Span.of(left.span(), right.span()));
                    continue outer;
                }
            }
            return left;
        }
    }

    private Expr bitOr() {
        return binary(0);
    }

    private Expr unary() {
        Token t = peek();
        UnaryOperator op = t.is("-") ? UnaryOperator.NEG : t.is("+") ? UnaryOperator.POS : t.is("~") ? UnaryOperator.INVERT : null;
        if (op == null) return power();
        next();
        Expr v = unary();
        return new Expr.UnaryOp(op, v, Span.of(t.span(), v.span()));
    }

    private Expr power() {
        Expr base = primary();
        if (at("**")) {
            next();
            Expr exp = unary();
            return new Expr.BinOp(base, BinOperator.POW, exp, Span.of(base.span(), exp.span()));
        }
        return base;
    }

    private Expr primary() {
        Expr e = atom();
        while (true) {
            if (at("(")) {
                next();
                List<Expr> args = new ArrayList<>();
                List<Expr.Keyword> kws = new ArrayList<>();
                while (!at(")")) {
                    Token a = peek();
                    if (at("*") || at("**")) throw unsupported("*args or **kwargs in a call", a);
                    if (a.kind() == Token.Kind.NAME && toks.get(p + 1).is("=")) {
                        String k = name();
                        next();
                        Expr v = expr();
                        kws.add(new Expr.Keyword(k, v, Span.of(a.span(), v.span())));
                    } else {
                        if (!kws.isEmpty()) throw syntax("positional argument follows keyword argument", a);
                        Expr v = namedExpr();
                        if (at("for")) throw unsupported("generator expression", peek());
                        args.add(v);
                    }
                    if (!accept(",")) break;
                }
                expect(")", "invalid syntax. Perhaps you forgot a comma?");
                e = new Expr.Call(e, args, kws, endAt(e.span()));
            } else if (at("[")) {
                next();
                Expr index = subscript();
                expect("]", "invalid syntax");
                e = new Expr.Subscript(e, index, endAt(e.span()));
            } else if (at(".")) {
                next();
                String attr = name();
                e = new Expr.Attribute(e, attr, endAt(e.span()));
            } else {
                return e;
            }
        }
    }

    private Expr subscript() {
        Token start = peek();
        List<Expr> items = new ArrayList<>();
        boolean tuple = false;
        do {
            if (at("]")) break;
            items.add(sliceItem());
            if (at(",")) tuple = true;
        } while (accept(","));
        return tuple ? new Expr.TupleExpr(items, endAt(start.span())) : items.get(0);
    }

    private Expr sliceItem() {
        Token start = peek();
        Expr lower = at(":") ? null : expr();
        if (!at(":")) return lower;
        next();
        Expr upper = at(":") || at("]") || at(",") ? null : expr();
        Expr step = null;
        if (accept(":")) step = at("]") || at(",") ? null : expr();
        return new Expr.Slice(lower, upper, step, endAt(start.span()));
    }

    private Expr atom() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                if (t.value() == null) throw unsupported("complex number literal", t);
                return t.value() instanceof Double d ? new Expr.FloatLit(d, t.span()) : new Expr.IntLit((java.math.BigInteger) t.value(), t.span());
            }
            case STRING, FSTRING -> {
                return strings();
            }
            case NAME -> {
                switch (t.text()) {
                    case "True": next(); return new Expr.BoolLit(true, t.span());
                    case "False": next(); return new Expr.BoolLit(false, t.span());
                    case "None": next(); return new Expr.NoneLit(t.span());
                    default:
                        if (KEYWORDS.contains(t.text())) throw syntax("invalid syntax", t);
                        next();
                        return new Expr.Name(t.text(), t.span());
                }
            }
            case OP -> {
                if (t.is("...")) {
                    next();
                    return new Expr.EllipsisLit(t.span());
                }
                if (t.is("(")) return parenthesised();
                if (t.is("[")) return display("]", t);
                if (t.is("{")) return braces(t);
            }
            default -> { }
        }
        throw syntax("invalid syntax", t);
    }

    private Expr parenthesised() {
        Token open = next();
        if (accept(")")) return new Expr.TupleExpr(List.of(), endAt(open.span()));
        Expr first = namedExpr();
        if (at("for")) throw unsupported("generator expression", peek());
        if (accept(")")) return first;
        List<Expr> items = new ArrayList<>(List.of(first));
        while (accept(",")) {
            if (at(")")) break;
            items.add(expr());
        }
        expect(")", "invalid syntax. Perhaps you forgot a comma?");
        return new Expr.TupleExpr(items, endAt(open.span()));
    }

    private Expr display(String close, Token open) {
        next();
        List<Expr> items = new ArrayList<>();
        while (!at(close)) {
            items.add(expr());
            if (at("for")) throw unsupported("list comprehension", peek());
            if (!accept(",")) break;
        }
        expect(close, "invalid syntax. Perhaps you forgot a comma?");
        return new Expr.ListExpr(items, endAt(open.span()));
    }

    private Expr braces(Token open) {
        next();
        if (accept("}")) return new Expr.DictExpr(List.of(), List.of(), endAt(open.span()));
        Expr first = expr();
        if (at(":")) {
            List<Expr> keys = new ArrayList<>(List.of(first)), values = new ArrayList<>();
            next();
            values.add(expr());
            if (at("for")) throw unsupported("dict comprehension", peek());
            while (accept(",")) {
                if (at("}")) break;
                if (at("**")) throw unsupported("dict unpacking", peek());
                keys.add(expr());
                expect(":", "':' expected after dictionary key");
                values.add(expr());
            }
            expect("}", "invalid syntax. Perhaps you forgot a comma?");
            return new Expr.DictExpr(keys, values, endAt(open.span()));
        }
        if (at("for")) throw unsupported("set comprehension", peek());
        List<Expr> items = new ArrayList<>(List.of(first));
        while (accept(",")) {
            if (at("}")) break;
            items.add(expr());
        }
        expect("}", "invalid syntax. Perhaps you forgot a comma?");
        return new Expr.SetExpr(items, endAt(open.span()));
    }

    /** Adjacent string literals concatenate; any f-string among them makes the whole an f-string. */
    private Expr strings() {
        Token first = peek();
        List<Expr> parts = new ArrayList<>();
        boolean fstring = false, bytes = false, text = false;
        StringBuilder plain = new StringBuilder();
        while (peek().kind() == Token.Kind.STRING || peek().kind() == Token.Kind.FSTRING) {
            Token t = next();
            if (t.text().contains("b")) bytes = true;
            else text = true;
            if (t.kind() == Token.Kind.FSTRING) {
                fstring = true;
                if (!plain.isEmpty()) {
                    parts.add(new Expr.StrLit(plain.toString(), t.span()));
                    plain.setLength(0);
                }
                parts.addAll(FStrings.parse(this, t));
            } else {
                plain.append((String) t.value());
            }
        }
        if (bytes && text) throw syntax("cannot mix bytes and nonbytes literals", first);
        Span span = endAt(first.span());
        if (bytes) return new Expr.BytesLit(plain.toString(), span);
        if (!fstring) return new Expr.StrLit(plain.toString(), span);
        if (!plain.isEmpty()) parts.add(new Expr.StrLit(plain.toString(), span));
        return new Expr.FString(parts, span);
    }

    /** Parses one replacement field's expression text, positioned at the f-string's token. */
    Expr parseEmbedded(String source, Token at) {
        List<Token> inner;
        try {
            inner = new Lexer(file, "(" + source + ")").tokenize();
        } catch (Lexer.LexError e) {
            throw syntax("f-string: " + e.getMessage(), at);
        }
        List<Token> moved = new ArrayList<>();
        for (Token t : inner) moved.add(new Token(t.kind(), t.text(), t.value(), at.line(), at.col(), at.endLine(), at.endCol()));
        Parser sub = new Parser(file, moved);
        Expr e = sub.expr();
        return e;
    }

    Failure fstringError(String message, Token at) {
        return syntax(message, at);
    }

    Failure fstringUnsupported(String what, Token at) {
        return unsupported(what, at);
    }
}
