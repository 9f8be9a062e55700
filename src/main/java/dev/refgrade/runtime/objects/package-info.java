/**
 * Python objects, one type per file as in CPython's Objects/ directory, each with its per-type facts
 * (allocation size, free list, trashcan use); the builtin exception types; and the call machinery
 * builtins share: {@link dev.refgrade.runtime.objects.Signature} (a declared CPython signature that
 * binds a call and words its TypeErrors) and {@link dev.refgrade.runtime.objects.Args} (the bound
 * arguments, every one of which must be read). The bottom layer with memory/; never depends on stdlib/.
 */
package dev.refgrade.runtime.objects;
