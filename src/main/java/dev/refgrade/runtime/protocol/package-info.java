/**
 * The abstract object protocol, as CPython's Objects/abstract.c and object.c: arithmetic, comparison,
 * items and sequences, hashing, attribute lookup, calls, repr and format, dispatched on the operand types.
 */
package dev.refgrade.runtime.protocol;
