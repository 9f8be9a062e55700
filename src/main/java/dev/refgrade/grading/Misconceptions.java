package dev.refgrade.grading;

import dev.refgrade.runtime.Variation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog of misconceptions the grader can diagnose. The order matters: when two beliefs
 * predict the same wrong answer, the earlier one is named, so the narrower and more common slips
 * (forgetting getrefcount's argument) come before the broad ones (assignment copies).
 */
public final class Misconceptions {
    private Misconceptions() {}

    public static final List<Misconception> ALL = List.of(
            of("getrefcount-omits-argument", "getrefcount forgets its argument",
                    "Thinks sys.getrefcount(x) counts only the program's references, not the one its own argument holds.",
                    "While sys.getrefcount(x) runs, its argument is one more reference to the object, so it always returns one more"
                            + " than the references your program holds: a list that only `a` refers to gives 2.",
                    Variation.GETREFCOUNT_OMITS_ARGUMENT),
            of("assignment-copies", "Assignment copies",
                    "Thinks `b = a` makes a new copy of the list, dict, set or object that `a` names.",
                    "Assignment never copies: `b = a` makes `b` a second name for the very object `a` names, so a change made"
                            + " through either name shows through both. Ask for a copy with a.copy(), a[:] or copy.copy(a).",
                    Variation.ASSIGNMENT_COPIES),
            of("call-by-value", "Arguments are copied",
                    "Thinks a function gets its own copy of a list, dict or object passed to it.",
                    "A call binds each parameter to the object passed, not to a copy of it: a function that changes a mutable"
                            + " argument (append, item or attribute assignment) changes the caller's object.",
                    Variation.ARGUMENTS_COPIED),
            of("is-compares-values", "`is` compares values",
                    "Thinks `x is y` is true whenever `x == y` is.",
                    "`is` asks whether both sides are the same object (the same id); `==` asks whether their values are equal."
                            + " Two equal lists made separately are == but not `is`.",
                    Variation.IS_COMPARES_VALUES),
            of("inplace-rebinds", "`+=` makes a new object",
                    "Thinks `a += [x]` builds a new list, as `a = a + [x]` does.",
                    "On a list (and a set or dict with |=) the augmented assignment changes the object in place and binds the"
                            + " name to that same object, so every other reference to it sees the change. `a = a + [x]` builds a new list.",
                    Variation.INPLACE_REBINDS),
            of("copies-are-deep", "Copies are deep",
                    "Thinks copy.copy(x), x.copy() and x[:] also copy the lists and objects inside x.",
                    "A shallow copy is a new outer container holding the same items as the original: nested lists and objects"
                            + " are shared between the two. Only copy.deepcopy copies the items too.",
                    Variation.COPIES_ARE_DEEP),
            of("repetition-copies", "`*` copies the items",
                    "Thinks `[x] * n` makes n separate copies of x.",
                    "Repeating a list repeats references: [[0] * 3] * 3 holds three references to one inner list, so changing"
                            + " one row changes every row. Make each row its own list, in a loop.",
                    Variation.REPETITION_COPIES),
            of("defaults-per-call", "Defaults are made on each call",
                    "Thinks a default value like `[]` is created anew on every call.",
                    "A default is evaluated once, when the def statement runs; every call that leaves the argument out gets"
                            + " that same object, so a change to a mutable default stays for the next call. Default to None and"
                            + " make the list inside the function.",
                    Variation.DEFAULTS_PER_CALL),
            of("del-destroys", "`del` destroys the object",
                    "Thinks `del x` destroys the object x names, even while other references to it remain.",
                    "`del x` removes the name x, which is one reference. The object lives as long as anything else refers to"
                            + " it, and is freed (its __del__ runs) only when its last reference goes.",
                    Variation.DEL_DESTROYS),
            of("cycles-freed-at-once", "Reference counting frees cycles",
                    "Thinks objects that refer to each other are freed as soon as the program can no longer reach them.",
                    "Objects in a reference cycle keep each other's counts above zero, so reference counting never frees them;"
                            + " they stay until the cyclic garbage collector runs (now and then by itself, or with gc.collect()).",
                    Variation.CYCLES_FREED_AT_ONCE),
            of("cycles-never-freed", "Cycles are never freed",
                    "Thinks Python cannot free objects that refer to each other.",
                    "CPython's cyclic garbage collector finds groups of objects that only refer to one another and frees them;"
                            + " gc.collect() runs it at once and returns how many objects it found unreachable.",
                    Variation.CYCLES_NEVER_FREED),
            of("equal-ints-identical", "Equal ints are one object",
                    "Thinks any two equal ints are the same object.",
                    "Only the ints from -5 to 256 are cached and shared. Other ints computed while the program runs are new"
                            + " objects each time: equal, with different ids. (Equal literals in one piece of code are merged"
                            + " by the compiler, which is why x = 1000; y = 1000 can share.)",
                    Variation.EQUAL_INTS_SHARED),
            of("no-small-int-cache", "Every int is a new object",
                    "Thinks each int a program computes is a new object, small ones included.",
                    "CPython makes the ints from -5 to 256 once and reuses them everywhere: every 5 a program computes is the"
                            + " same object, so `is` and id() find them identical.",
                    Variation.NO_SMALL_INTS),
            of("equal-strings-identical", "Equal strings are one object",
                    "Thinks any two equal strings are the same object.",
                    "String constants that look like names are interned when the code is compiled, but a string built while the"
                            + " program runs (with +, join, slicing) is a new object: equal in value, different in identity."
                            + " Compare strings with ==.",
                    Variation.EQUAL_STRS_SHARED));

    /** The misconception with this id, if the catalog has it. */
    public static Optional<Misconception> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static Misconception of(String id, String name, String description, String explanation, Variation v) {
        return new Misconception(id, name, description, explanation, Set.of(v));
    }
}
