/**
 * Python objects, one type per file as in CPython's Objects/ directory, with each type's methods
 * beside it (ListMethods next to PyList), the builtin exception types and the call conventions
 * (keyword arguments) the methods share. The bottom layer with memory/.
 */
package dev.refgrade.runtime.objects;
