package dev.refgrade.exercise;

import dev.refgrade.runtime.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Why an answer differs between simulated worlds: the facts CPython leaves open (where objects
 * live, what its shared objects count, how strings hash) are varied one at a time to name the one
 * the answer depends on, with a knowable question to ask instead.
 */
final class Unknowable {
    private Unknowable() {}

    /**
     * The worlds a run that observed {@code facts} is tried in. A random other world keeps an order
     * of two addresses or two set members half the time, which the mirrored world reverses; a set's
     * order under string hashes is tried under two more seeds, as `run` does (Programs), for the
     * members whose slots collide, which mirroring does not reverse.
     */
    private static List<World> worlds(Set<World.Fact> facts) {
        List<World> worlds = new ArrayList<>(List.of(World.OTHER, World.MIRROR));
        if (facts.contains(World.Fact.HASH)) worlds.addAll(World.OTHER.reseeded());
        return worlds;
    }

    /**
     * Null when what {@code run} observes in the other worlds is the observation {@code base} the
     * simulator's own world gave, its run having observed {@code facts} of it (none: the same run in
     * every world); otherwise which open fact it depends on, and what to ask instead.
     */
    static String reason(Function<World, String> run, String base, Set<World.Fact> facts) {
        if (facts.isEmpty()) return null;
        for (World w : worlds(facts)) {
            if (!run.apply(w).equals(base)) return why(run, base, w);
        }
        return null;
    }

    private static String why(Function<World, String> run, String base, World differing) {
        if (!run.apply(differing.addressesOnly()).equals(base)) {
            return "its answer shows a concrete address, or an order that follows addresses, which differs from run to run in"
                    + " CPython; ask whether two addresses are equal instead (id(a) == id(b), or a is b)";
        }
        if (!run.apply(differing.countsOnly()).equals(base)) {
            return "its answer depends on the reference count of an object the interpreter itself shares (a small int,"
                    + " None, True/False, an interned string), which only CPython's internals fix; ask about an object the"
                    + " program makes, like a list or an int above 256";
        }
        if (!run.apply(differing.hashesOnly()).equals(base)) {
            return "its answer depends on string hashes (the order of a set of strings), which CPython randomises per"
                    + " process; ask about membership, or about sorted(...)";
        }
        return "its answer differs between runs of the simulator for a reason it cannot name";
    }
}
