package dev.refgrade.python;

import static dev.refgrade.python.TokenKind.*;

import dev.refgrade.python.Expr.Keyword;
import dev.refgrade.python.Stmt.ClassDef;
import dev.refgrade.python.Stmt.For;
import dev.refgrade.python.Stmt.FunctionDef;
import dev.refgrade.python.Stmt.If;
import dev.refgrade.python.Stmt.Param;
import dev.refgrade.python.Stmt.While;
import java.util.ArrayList;
import java.util.List;

/** The compound statements: if, while, for, try, with, def, class, decorators, and the refused async and match. */
abstract sealed class CompoundStatements extends SimpleStatements permits Parser {
    boolean inAsyncFunction;

    CompoundStatements(String file, String source, List<Token> tokens, boolean byteColumns) {
        super(file, source, tokens, byteColumns);
    }

    void statement(List<Stmt> out) {
        switch (kind()) {
            case DEF -> out.add(functionDef(false, List.of(), pos));
            case CLASS -> out.add(classDef(List.of(), pos));
            case IF -> out.add(ifStatement());
            case WHILE -> out.add(whileStatement());
            case FOR -> out.add(forStatement());
            case TRY -> out.add(tryStatement());
            case WITH -> out.add(withStatement());
            case AT -> out.add(decorated());
            case ASYNC -> asyncStatement();
            default -> {
                if (isSoftKeyword("match") && isMatchStatement()) matchStatement();
                else simpleStatements(out);
            }
        }
    }

    Stmt ifStatement() {
        Token keyword = advance();
        Expr test = namedExpression();
        colonAfterHeader();
        List<Stmt> body = block("'" + keyword.text() + "' statement", keyword);
        List<Stmt> orelse = List.of();
        if (kind() == ELIF) orelse = List.of(ifStatement());
        else if (kind() == ELSE) orelse = elseBlock();
        return new If(test, body, orelse, Span.of(keyword.span(), lastSpan(keyword.span(), body, orelse)));
    }

    Stmt whileStatement() {
        Token keyword = advance();
        Expr test = namedExpression();
        colonAfterHeader();
        List<Stmt> body = block("'while' statement", keyword);
        List<Stmt> orelse = kind() == ELSE ? elseBlock() : List.of();
        return new While(test, body, orelse, Span.of(keyword.span(), lastSpan(keyword.span(), body, orelse)));
    }

    Stmt forStatement() {
        Token keyword = advance();
        Expr target = forTarget();
        advance();
        Expr iter = starExpressions();
        starredValue(iter);
        colonAfterHeader();
        List<Stmt> body = block("'for' statement", keyword);
        List<Stmt> orelse = kind() == ELSE ? elseBlock() : List.of();
        return new For(target, iter, body, orelse, Span.of(keyword.span(), lastSpan(keyword.span(), body, orelse)));
    }

    List<Stmt> elseBlock() {
        Token keyword = advance();
        if (kind() != COLON) throw syntaxAt("expected ':'", tok());
        advance();
        return block("'else' statement", keyword);
    }

    /** if/elif/while/for/class/with headers: "expected ':'" only when the line ends there. */
    void colonAfterHeader() {
        if (accept(COLON)) return;
        if (kind() == NEWLINE) throw syntaxAt("expected ':'", tok());
        throw unexpected();
    }

    /** The body after a header's ':', on the same line or indented below it. */
    List<Stmt> block(String what, Token keyword) {
        var body = new ArrayList<Stmt>();
        if (kind() != NEWLINE) {
            simpleStatements(body);
            return body;
        }
        advance();
        if (kind() != INDENT) {
            throw errorAt("IndentationError", "expected an indented block after " + what + " on line " + keyword.line(), tok(), false);
        }
        advance();
        while (kind() != DEDENT && kind() != END) statementInto(body);
        accept(DEDENT);
        return body;
    }

    Stmt functionDef(boolean async, List<Expr> decorators, int start) {
        Token def = advance();
        String name = expectName();
        if (kind() == LSQB && !typeParameters(LPAR)) throw syntaxAt("expected '('", tok());
        if (kind() != LPAR) throw syntaxAt("expected '('", tok());
        advance();
        List<Param> params = parameters(RPAR);
        if (kind() != RPAR) throw unexpected();
        advance();
        Expr returns = null;
        if (kind() == RARROW) {
            advance();
            returns = expression();
        }
        if (kind() != COLON) throw syntaxAt("expected ':'", tok());
        Token colon = advance();
        boolean savedAsync = inAsyncFunction;
        inAsyncFunction = async;
        List<Stmt> body;
        try {
            body = block("function definition", def);
        } finally {
            inAsyncFunction = savedAsync;
        }
        Span header = Span.of(def.span(), colon.span());
        return new FunctionDef(name, List.copyOf(params), returns, decorators, List.copyOf(body), header,
                Span.of(t[start].span(), lastSpan(header, body)));
    }

    /**
     * Parameters up to close: ')' for def, ':' for lambda (whose parameters take no annotations),
     * with CPython's invalid_parameters checks on their order.
     */
    List<Param> parameters(TokenKind close) {
        var params = new ArrayList<Param>();
        boolean sawDefault = false;
        boolean keywordOnly = false;
        boolean sawSlash = false;
        Token bareStar = null;
        boolean sawKwargs = false;
        while (kind() != close) {
            Token first = tok();
            if (sawKwargs) throw syntaxAt("arguments cannot follow var-keyword argument", first);
            switch (first.kind()) {
                case LPAR -> throw parenthesizedParameters();
                case SLASH -> {
                    if (sawSlash) throw syntaxAt("/ may appear only once", first);
                    if (keywordOnly) throw syntaxAt("/ must be ahead of *", first);
                    if (params.isEmpty()) throw unexpected();
                    advance();
                    sawSlash = true;
                    params.replaceAll(p -> new Param(p.name(), Stmt.ParamKind.POSITIONAL_ONLY, p.annotation(), p.defaultValue(), p.span()));
                }
                case STAR -> {
                    if (keywordOnly) throw syntaxAt("* argument may appear only once", first);
                    advance();
                    keywordOnly = true;
                    if (kind() == NAME) {
                        Token name = advance();
                        Expr annotation = annotation(close);
                        if (kind() == EQUAL) throw syntaxAt("var-positional argument cannot have default value", tok());
                        params.add(new Param(name.text(), Stmt.ParamKind.VAR_POSITIONAL, annotation, null, name.span()));
                    } else {
                        bareStar = first;
                        if (kind() == close || kind() == COMMA && (kindAt(1) == close || kindAt(1) == DOUBLESTAR)) {
                            // invalid_star_etc names the '*'; invalid_lambda_star_etc the last token it read.
                            Token at = close == RPAR ? first : kind() == close ? tok() : t[pos + 1];
                            throw syntaxAt("named arguments must follow bare *", at);
                        }
                    }
                }
                case DOUBLESTAR -> {
                    advance();
                    Token name = tok();
                    expectName();
                    Expr annotation = annotation(close);
                    if (kind() == EQUAL) throw syntaxAt("var-keyword argument cannot have default value", tok());
                    params.add(new Param(name.text(), Stmt.ParamKind.VAR_KEYWORD, annotation, null, name.span()));
                    sawKwargs = true;
                }
                case NAME -> {
                    advance();
                    Expr annotation = annotation(close);
                    Expr defaultValue = null;
                    if (kind() == EQUAL) {
                        Token eq = advance();
                        if (kind() == COMMA || kind() == close) throw syntaxAt("expected default value expression", eq);
                        defaultValue = expression();
                        sawDefault = true;
                    } else if (sawDefault && !keywordOnly) {
                        throw syntax("non-default argument follows default argument", first.span());
                    }
                    Stmt.ParamKind k = keywordOnly ? Stmt.ParamKind.KEYWORD_ONLY : Stmt.ParamKind.POSITIONAL_OR_KEYWORD;
                    params.add(new Param(first.text(), k, annotation, defaultValue, first.span()));
                }
                default -> throw unexpected();
            }
            if (!accept(COMMA)) break;
        }
        return params;
    }

    /** A parameter's annotation, or null; a lambda's parameters have none. */
    Expr annotation(TokenKind close) {
        if (close != RPAR || kind() != COLON) return null;
        advance();
        if (kind() == STAR) { // *args: *Ts
            int start = pos;
            advance();
            Expr value = expression();
            return new Expr.Starred(value, spanFrom(start));
        }
        return expression();
    }

    Stmt classDef(List<Expr> decorators, int start) {
        Token keyword = advance();
        String name = expectName();
        if (kind() == LSQB && !typeParameters(LPAR) && !typeParameters(COLON)) throw unexpected();
        List<Expr> bases = List.of();
        List<Keyword> keywords = List.of();
        if (kind() == LPAR) {
            Arguments args = arguments();
            bases = args.positional();
            keywords = args.keywords();
        }
        if (kind() != COLON) throw kind() == NEWLINE ? syntaxAt("expected ':'", tok()) : unexpected();
        Token colon = advance();
        List<Stmt> body = block("class definition", keyword);
        Span header = Span.of(keyword.span(), colon.span());
        return new ClassDef(name, bases, keywords, decorators, List.copyOf(body), header,
                Span.of(t[start].span(), lastSpan(header, body)));
    }

    /**
     * Python 3.12's [T, *Ts, **P] after a def or class name, if that is what follows and then next;
     * refused. Otherwise nothing is consumed, and the caller reports Python 3.11's error.
     */
    boolean typeParameters(TokenKind next) {
        Token open = tok();
        int savedFurthest = furthest; // a lookahead CPython 3.11 would not make
        Boolean parsed = speculate(() -> {
            advance();
            do {
                if (kind() == RSQB) break;
                if (!accept(STAR)) accept(DOUBLESTAR);
                expectName();
                if (accept(COLON)) expression();
            } while (accept(COMMA));
            expectClosing(RSQB);
            return kind() == next ? true : null;
        });
        furthest = savedFurthest;
        if (parsed == null) return false;
        pos = speculationEnd;
        unsupported("type parameters (Python 3.12)", open);
        return true;
    }

    Stmt tryStatement() {
        Token keyword = advance();
        if (kind() != COLON) throw syntaxAt("expected ':'", tok());
        advance();
        List<Stmt> body = block("'try' statement", keyword);
        var handlers = new ArrayList<Stmt.ExceptHandler>();
        Boolean star = null;
        while (kind() == EXCEPT) {
            Token except = advance();
            boolean isStar = accept(STAR);
            if (star != null && star != isStar) {
                throw syntax("cannot have both 'except' and 'except*' on the same 'try'", except.span());
            }
            star = isStar;
            Expr type = null;
            String name = null;
            if (kind() != COLON) {
                type = expression();
                if (kind() == COMMA) type = exceptTypes(type);
                if (accept(AS)) name = expectName();
            } else if (isStar) {
                throw syntaxAt("expected one or more exception types", tok());
            }
            colonAfterHeader();
            List<Stmt> handler = block(isStar ? "'except*' statement" : "'except' statement", except);
            handlers.add(new Stmt.ExceptHandler(type, name, handler, Span.of(except.span(), lastSpan(except.span(), handler))));
        }
        List<Stmt> orelse = !handlers.isEmpty() && kind() == ELSE ? elseBlock() : List.of();
        List<Stmt> finalbody = List.of();
        if (kind() == FINALLY) {
            Token fin = advance();
            if (kind() != COLON) throw syntaxAt("expected ':'", tok());
            advance();
            finalbody = block("'finally' statement", fin);
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw errorAt("SyntaxError", "expected 'except' or 'finally' block", tok(), false);
        }
        Span end = handlers.isEmpty() ? lastSpan(keyword.span(), body) : handlers.get(handlers.size() - 1).span();
        Span span = Span.of(keyword.span(), lastSpan(end, orelse, finalbody));
        List<Stmt.ExceptHandler> hs = List.copyOf(handlers);
        return Boolean.TRUE.equals(star) ? new Stmt.TryStar(body, hs, orelse, finalbody, span)
                : new Stmt.Try(body, hs, orelse, finalbody, span);
    }

    /** invalid_except_stmt: {@code except A, B:} is Python 2's form; CPython asks for parentheses. */
    Expr exceptTypes(Expr first) {
        int start = indexOf(first.span());
        while (accept(COMMA)) expression();
        Span all = spanFrom(start);
        if (kind() == COLON || kind() == AS) throw syntax("multiple exception types must be parenthesized", all);
        throw unexpected();
    }

    Stmt withStatement() {
        Token keyword = advance();
        List<Stmt.WithItem> items;
        if (kind() != LPAR || speculate(this::parenthesizedWithItems) == null) {
            items = withItems(false);
        } else {
            advance();
            items = withItems(true);
            advance();
        }
        colonAfterHeader();
        List<Stmt> body = block("'with' statement", keyword);
        return new Stmt.With(items, body, Span.of(keyword.span(), lastSpan(keyword.span(), body)));
    }

    /** with (a as b, c): parenthesized items, told apart from a parenthesized expression by what follows. */
    Boolean parenthesizedWithItems() {
        advance();
        withItems(true);
        return accept(RPAR) && kind() == COLON ? true : null;
    }

    List<Stmt.WithItem> withItems(boolean parenthesized) {
        var items = new ArrayList<Stmt.WithItem>();
        do {
            if (parenthesized && kind() == RPAR) break;
            int start = pos;
            Expr context = expression();
            Expr target = null;
            if (accept(AS)) {
                target = target();
                Expr bad = invalidTarget(target, Targets.ASSIGN);
                if (bad != null) throw syntax("cannot assign to " + exprName(bad), bad.span());
            }
            items.add(new Stmt.WithItem(context, target, spanFrom(start)));
        } while (accept(COMMA));
        return List.copyOf(items);
    }

    void asyncStatement() {
        Token async = advance();
        switch (kind()) {
            case DEF -> {
                unsupported("async function", async);
                functionDef(true, List.of(), pos);
            }
            case FOR -> {
                unsupported("async for loop", async);
                if (!inAsyncFunction) compileError("'async for' outside async function", async.span());
                forStatement();
            }
            case WITH -> {
                unsupported("async with statement", async);
                if (!inAsyncFunction) compileError("'async with' outside async function", async.span());
                withStatement();
            }
            default -> throw unexpected();
        }
    }

    Stmt decorated() {
        int start = pos;
        var decorators = new ArrayList<Expr>();
        while (accept(AT)) {
            decorators.add(namedExpression());
            expectNewline();
        }
        return switch (kind()) {
            case DEF -> functionDef(false, List.copyOf(decorators), start);
            case CLASS -> classDef(List.copyOf(decorators), start);
            case ASYNC -> {
                asyncStatement();
                yield new Stmt.Pass(spanFrom(start));
            }
            default -> throw unexpected();
        };
    }

    /** match is a soft keyword: a statement only when a subject, ':' and a new line follow. */
    boolean isMatchStatement() {
        Expr subject = speculateFrom(pos + 1, this::starNamedExpressions, false);
        return subject != null && t[speculationEnd].kind() == COLON && t[Math.min(speculationEnd + 1, t.length - 1)].kind() == NEWLINE;
    }

    void matchStatement() {
        Token match = advance();
        unsupported("match statement", match);
        starNamedExpressions();
        advance();
        advance();
        if (kind() != INDENT) {
            throw errorAt("IndentationError", "expected an indented block after 'match' statement on line " + match.line(), tok(), false);
        }
        advance();
        while (isSoftKeyword("case")) {
            Token caseToken = advance();
            // Patterns are skipped, not parsed: enough to find the guard and the block.
            while (!(tok().depth() == 0 && (kind() == COLON || kind() == IF)) && kind() != NEWLINE && kind() != END) advance();
            if (accept(IF)) namedExpression();
            colonAfterHeader();
            block("'case' statement", caseToken);
        }
        if (!accept(DEDENT)) throw unexpected();
    }

    abstract void statementInto(List<Stmt> out);
}
