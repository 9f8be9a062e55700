package dev.refgrade.runtime;

/**
 * A deliberate deviation of one mechanism of the simulated CPython, for asking "what would this
 * program do if Python worked that way?". Each is consulted at the one place its mechanism lives;
 * a run with none of them is the simulator unchanged. Each comment names the real rule it breaks.
 */
public enum Variation {
    /** Breaks: assignment binds the target to the very object the right side gives; it never copies. */
    ASSIGNMENT_COPIES,
    /** Breaks: a call binds each parameter to the argument object itself (call by sharing). */
    ARGUMENTS_COPIED,
    /** Breaks: {@code del name} only unbinds the name; the object dies when its last reference goes. */
    DEL_DESTROYS,
    /** Breaks: {@code sys.getrefcount(x)} counts the reference its own argument holds. */
    GETREFCOUNT_OMITS_ARGUMENT,
    /** Breaks: only ints -5..256 are cached; other equal ints made at run time are distinct objects. */
    EQUAL_INTS_SHARED,
    /** Breaks: ints -5..256 are preallocated singletons, shared by every use of that value. */
    NO_SMALL_INTS,
    /** Breaks: strings made at run time are not interned; equal strings can be distinct objects. */
    EQUAL_STRS_SHARED,
    /** Breaks: {@code is} compares identity (the same object), never values. */
    IS_COMPARES_VALUES,
    /** Breaks: {@code x += y} on a list (or set, dict) changes the object in place and rebinds x to it. */
    INPLACE_REBINDS,
    /** Breaks: copy.copy, .copy() and slicing copy only the outer container; the items are shared. */
    COPIES_ARE_DEEP,
    /** Breaks: {@code [x] * n} repeats references to the same x; it makes no copies of it. */
    REPETITION_COPIES,
    /** Breaks: a function's default values are evaluated once, when the def runs, and shared by every call. */
    DEFAULTS_PER_CALL,
    /** Breaks: reference counting cannot free a cycle; it waits for the cyclic collector. */
    CYCLES_FREED_AT_ONCE,
    /** Breaks: the cyclic collector (gc.collect(), or its automatic runs) frees unreachable cycles. */
    CYCLES_NEVER_FREED
}
