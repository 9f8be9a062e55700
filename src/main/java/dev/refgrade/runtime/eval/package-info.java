/**
 * Running code, as CPython's Python/ceval.c and pystate.c: the interpreter state
 * ({@link dev.refgrade.runtime.eval.PyRuntime}), frames, the evaluation of expressions, statements,
 * assignment targets, names and comprehensions.
 */
package dev.refgrade.runtime.eval;
