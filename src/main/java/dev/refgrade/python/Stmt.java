package dev.refgrade.python;

import java.util.List;

/**
 * Python 3.11 statements, as CPython's ast module has them. The parser builds every node; the
 * runtime refuses (by name) those it does not simulate yet.
 */
public sealed interface Stmt {
    Span span();

    record ExprStmt(Expr value, Span span) implements Stmt {}

    /** {@code a = b = value}: targets left to right; a target may be a tuple/list to unpack. */
    record Assign(List<Expr> targets, Expr value, Span span) implements Stmt {}

    record AugAssign(Expr target, BinOperator op, Expr value, Span span) implements Stmt {}

    record Delete(List<Expr> targets, Span span) implements Stmt {}

    record Pass(Span span) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}

    /** {@code value} is null for a bare {@code return}. */
    record Return(Expr value, Span span) implements Stmt {}

    record Global(List<String> names, Span span) implements Stmt {}

    record Nonlocal(List<String> names, Span span) implements Stmt {}

    /** {@code elif} chains are nested {@code If}s in {@code orelse}. */
    record If(Expr test, List<Stmt> body, List<Stmt> orelse, Span span) implements Stmt {}

    record While(Expr test, List<Stmt> body, List<Stmt> orelse, Span span) implements Stmt {}

    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, Span span) implements Stmt {}

    /**
     * {@code span} covers the whole definition from its first decorator; {@code header} just the
     * {@code def ...:} line(s). {@code returns} is the {@code -> annotation}, null when absent.
     */
    record FunctionDef(String name, List<Param> params, Expr returns, List<Expr> decorators, List<Stmt> body,
            Span header, Span span) implements Stmt {}

    /** How a parameter is bound, as {@code inspect.Parameter.kind} names it. */
    enum ParamKind { POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, VAR_POSITIONAL, KEYWORD_ONLY, VAR_KEYWORD }

    /**
     * One parameter, in the order written; {@code annotation} and {@code defaultValue} are null when
     * absent. The span is the name's, as CPython's arg node has it (without a star).
     */
    record Param(String name, ParamKind kind, Expr annotation, Expr defaultValue, Span span) {}

    /** {@code bases} may hold {@link Expr.Starred}; {@code keywords} {@code metaclass=...} and {@code **kw}. */
    record ClassDef(String name, List<Expr> bases, List<Expr.Keyword> keywords, List<Expr> decorators, List<Stmt> body,
            Span header, Span span) implements Stmt {}

    /** {@code target: annotation [= value]}; {@code simple} when the target is a bare, unparenthesised name. */
    record AnnAssign(Expr target, Expr annotation, Expr value, boolean simple, Span span) implements Stmt {}

    /** {@code raise [exc [from cause]]}: absent parts are null. */
    record Raise(Expr exc, Expr cause, Span span) implements Stmt {}

    /** {@code assert test[, msg]}; {@code msg} is null when absent. */
    record Assert(Expr test, Expr msg, Span span) implements Stmt {}

    /** try/except/else/finally; absent blocks are empty. */
    record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody, Span span)
            implements Stmt {}

    /** try with {@code except*} handlers (exception groups), shaped as {@link Try}. */
    record TryStar(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody, Span span)
            implements Stmt {}

    /** {@code except [type [as name]]:}; absent parts are null. */
    record ExceptHandler(Expr type, String name, List<Stmt> body, Span span) {}

    /** {@code with a as b, c:} (also parenthesised); the items in order. */
    record With(List<WithItem> items, List<Stmt> body, Span span) implements Stmt {}

    /** {@code contextExpr [as target]}; {@code target} is null when absent. */
    record WithItem(Expr contextExpr, Expr target, Span span) {}

    /** {@code import a, b as c}. */
    record Import(List<Alias> names, Span span) implements Stmt {}

    /** {@code name} is "*" in {@code from m import *}. */
    record Alias(String name, String asName, Span span) {}

    /**
     * {@code from [dots]module import names}: {@code level} counts the leading dots, {@code module}
     * is null for {@code from . import x}.
     */
    record ImportFrom(String module, List<Alias> names, int level, Span span) implements Stmt {}
}
