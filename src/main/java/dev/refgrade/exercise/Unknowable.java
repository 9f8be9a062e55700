package dev.refgrade.exercise;

import dev.refgrade.runtime.World;
import java.util.function.Function;

/**
 * Why an answer differs between two simulated worlds: the facts CPython leaves open (where objects
 * live, what its shared objects count, how strings hash) are varied one at a time to name the one
 * the answer depends on, with a knowable question to ask instead.
 */
final class Unknowable {
    private Unknowable() {}

    /**
     * Null when what {@code run} observes in another world is the observation {@code base} the
     * simulator's own world gave; otherwise which open fact it depends on, and what to ask instead.
     */
    static String reason(Function<World, String> run, String base) {
        if (run.apply(World.OTHER).equals(base)) return null;
        if (!run.apply(World.OTHER.addressesOnly()).equals(base)) {
            return "its answer shows a concrete address, which differs from run to run in CPython;"
                    + " ask whether two addresses are equal instead (id(a) == id(b), or a is b)";
        }
        if (!run.apply(World.OTHER.countsOnly()).equals(base)) {
            return "its answer depends on the reference count of an object the interpreter itself shares (a small int,"
                    + " None, True/False, an interned string), which only CPython's internals fix; ask about an object the"
                    + " program makes, like a list or an int above 256";
        }
        if (!run.apply(World.OTHER.hashesOnly()).equals(base)) {
            return "its answer depends on string hashes (the order of a set of strings), which CPython randomises per"
                    + " process; ask about membership, or about sorted(...)";
        }
        return "its answer differs between runs of the simulator for a reason it cannot name";
    }
}
