/**
 * The one owner of memory, as CPython's obmalloc and gcmodule: addresses, reference counts, free
 * lists, the statically allocated objects, weak-reference lists and the generational cycle collector.
 * Every count change goes through {@link dev.refgrade.runtime.memory.Heap}; nothing else frees.
 */
package dev.refgrade.runtime.memory;
