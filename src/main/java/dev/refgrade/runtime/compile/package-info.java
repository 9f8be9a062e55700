/**
 * From the parsed module to code objects, as CPython's Python/compile.c and symtable.c: the symbol
 * table (which names are local, cell, free or global) and the constants each code object holds.
 */
package dev.refgrade.runtime.compile;
