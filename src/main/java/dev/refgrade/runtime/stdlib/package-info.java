/**
 * The builtins module and the standard modules the simulator implements (sys, gc, weakref, copy,
 * ctypes), as CPython's Python/bltinmodule.c and Modules/, with the module import table.
 */
package dev.refgrade.runtime.stdlib;
