/**
 * The builtins module, the methods of the builtin types (ListMethods, DictMethods, StrMethods,
 * SetMethods) and the standard modules the simulator implements (sys, gc, weakref, copy, ctypes),
 * as CPython's Python/bltinmodule.c, the method tables of Objects/listobject.c and its siblings,
 * and Modules/, with the module import table. Each is a named method declared with its CPython
 * signature in the {@link dev.refgrade.runtime.stdlib.Registry}.
 */
package dev.refgrade.runtime.stdlib;
