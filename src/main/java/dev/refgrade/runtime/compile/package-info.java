/**
 * From the parsed module to code objects, as CPython's Python/compile.c: the frame layout from the
 * front end's symbol table, the constants each code object holds, and {@code Refusals}, the one
 * place that names syntax the simulator does not run yet.
 */
package dev.refgrade.runtime.compile;
