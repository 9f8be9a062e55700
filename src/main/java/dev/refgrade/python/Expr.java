package dev.refgrade.python;

import java.math.BigInteger;
import java.util.List;

/**
 * Python 3.11 expressions, as CPython's ast module has them. Every node knows where it came from;
 * the runtime refuses (by name) those it does not simulate yet.
 */
public sealed interface Expr {
    Span span();

    /** A name read, stored or deleted; which of these is decided by the position it stands in. */
    record Name(String id, Span span) implements Expr {}

    /** An int literal: arbitrary precision, as Python's. */
    record IntLit(BigInteger value, Span span) implements Expr {}

    record FloatLit(double value, Span span) implements Expr {}

    /** An imaginary literal (1j): the value of its imaginary part. */
    record ImagLit(double value, Span span) implements Expr {}

    /** A string literal after escapes are decoded; adjacent literals are already concatenated. */
    record StrLit(String value, Span span) implements Expr {}

    /** A bytes literal; each char of {@code value} is one byte 0..255. */
    record BytesLit(String value, Span span) implements Expr {}

    /** {@code True}, {@code False}. */
    record BoolLit(boolean value, Span span) implements Expr {}

    record NoneLit(Span span) implements Expr {}

    record EllipsisLit(Span span) implements Expr {}

    /**
     * An f-string: literal text and replacement fields in order. Adjacent plain literals that are
     * concatenated with an f-string end up here as {@link StrLit} parts.
     */
    record FString(List<Expr> parts, Span span) implements Expr {}

    /** One {@code {value!conversion:spec}} field of an f-string; conversion is 0, 's', 'r' or 'a'. */
    record FormattedValue(Expr value, char conversion, Expr formatSpec, Span span) implements Expr {}

    record BinOp(Expr left, BinOperator op, Expr right, Span span) implements Expr {}

    record UnaryOp(UnaryOperator op, Expr operand, Span span) implements Expr {}

    /** {@code a and b and c} / {@code a or b}: one node per run of the same operator. */
    record BoolOp(boolean isAnd, List<Expr> values, Span span) implements Expr {}

    /** {@code a < b <= c}: {@code ops.size() == comparators.size()}. */
    record Compare(Expr left, List<CmpOp> ops, List<Expr> comparators, Span span) implements Expr {}

    /** {@code args} may hold {@link Starred} ({@code f(*xs)}). */
    record Call(Expr func, List<Expr> args, List<Keyword> keywords, Span span) implements Expr {}

    /** {@code name=value}; {@code name} is null for {@code **value}. */
    record Keyword(String name, Expr value, Span span) {}

    record Attribute(Expr value, String attr, Span span) implements Expr {}

    /** {@code value[index]}; a slice index is a {@link Slice}, {@code a[1:2, 3]} a {@link TupleExpr}. */
    record Subscript(Expr value, Expr index, Span span) implements Expr {}

    /** {@code lower:upper:step}; absent parts are null. Only ever the index of a subscript. */
    record Slice(Expr lower, Expr upper, Expr step, Span span) implements Expr {}

    record ListExpr(List<Expr> elts, Span span) implements Expr {}

    /** A tuple display, parenthesised or not: {@code (1, 2)}, {@code a, b}, {@code ()}. */
    record TupleExpr(List<Expr> elts, Span span) implements Expr {}

    record SetExpr(List<Expr> elts, Span span) implements Expr {}

    /** {@code {k: v, ...}}: {@code keys.size() == values.size()}; a null key is {@code **value}. */
    record DictExpr(List<Expr> keys, List<Expr> values, Span span) implements Expr {}

    /** {@code body if test else orelse}. */
    record IfExp(Expr test, Expr body, Expr orelse, Span span) implements Expr {}

    /** {@code lambda params: body}; parameters as a def's, without annotations. */
    record Lambda(List<Stmt.Param> params, Expr body, Span span) implements Expr {}

    /** {@code [elt for ...]}: run, as CPython 3.11 runs it, in a function of its own. */
    record ListComp(Expr elt, List<Comprehension> generators, Span span) implements Expr {}

    record SetComp(Expr elt, List<Comprehension> generators, Span span) implements Expr {}

    record DictComp(Expr key, Expr value, List<Comprehension> generators, Span span) implements Expr {}

    /** {@code (elt for ...)}: a generator, run in a function of its own. */
    record GeneratorExp(Expr elt, List<Comprehension> generators, Span span) implements Expr {}

    /** {@code *value}: an item of a display, call or target list. */
    record Starred(Expr value, Span span) implements Expr {}

    /** {@code target := value}; the target is always a {@link Name}. */
    record NamedExpr(Name target, Expr value, Span span) implements Expr {}

    /** {@code yield [value]}; {@code value} is null for a bare yield. */
    record Yield(Expr value, Span span) implements Expr {}

    record YieldFrom(Expr value, Span span) implements Expr {}

    record Await(Expr value, Span span) implements Expr {}

    /** One {@code for target in iter if cond ...} clause; the span starts at {@code for}. */
    record Comprehension(Expr target, Expr iter, List<Expr> ifs, Span span) {}
}
