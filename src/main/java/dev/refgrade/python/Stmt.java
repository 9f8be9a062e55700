package dev.refgrade.python;

import java.util.List;

/** Python statements of the supported subset. */
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

    /** {@code span} covers the whole definition; {@code header} just the {@code def ...:} line(s). */
    record FunctionDef(String name, List<Param> params, List<Stmt> body, Span header, Span span) implements Stmt {}

    /** A positional parameter; {@code defaultValue} is null when it has none. */
    record Param(String name, Expr defaultValue, Span span) {}

    record ClassDef(String name, List<Expr> bases, List<Stmt> body, Span header, Span span) implements Stmt {}

    /** {@code import a, b as c}. */
    record Import(List<Alias> names, Span span) implements Stmt {}

    record Alias(String name, String asName, Span span) {}
}
