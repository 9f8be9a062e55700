package dev.refgrade.exercise;

import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.runtime.Session;
import dev.refgrade.runtime.World;

/**
 * Why an answer differs between two simulated worlds: the facts CPython leaves open (where objects
 * live, what its shared objects count, how strings hash) are varied one at a time to name the one
 * the answer depends on, with a knowable question to ask instead.
 */
final class Unknowable {
    private Unknowable() {}

    static String why(Exercise ex, Instrumented program) {
        return reason(w -> {
            Session.Report r = program.run(ex, program.session().world(w).watch(program.site));
            var hits = r.printed().get(program.site);
            return hits == null ? "" : String.join("\u0000", hits);
        });
    }

    static String whyOutput(Exercise ex, Instrumented program, Question q) {
        return reason(w -> {
            Session.Report r = program.run(ex, program.session().world(w));
            return q.cell() > 0 ? program.cellOutput(r, q.cell()) : r.stdout();
        });
    }

    private static String reason(java.util.function.Function<World, String> run) {
        String reference = run.apply(World.BASE);
        if (!run.apply(World.OTHER.addressesOnly()).equals(reference)) {
            return "its answer shows a concrete address, which differs from run to run in CPython;"
                    + " ask whether two addresses are equal instead (id(a) == id(b), or a is b)";
        }
        if (!run.apply(World.OTHER.countsOnly()).equals(reference)) {
            return "its answer depends on the reference count of an object the interpreter itself shares (a small int,"
                    + " None, True/False, an interned string), which only CPython's internals fix; ask about an object the"
                    + " program makes, like a list or an int above 256";
        }
        if (!run.apply(World.OTHER.hashesOnly()).equals(reference)) {
            return "its answer depends on string hashes (the order of a set of strings), which CPython randomises per"
                    + " process; ask about membership, or about sorted(...)";
        }
        return "its answer differs between runs of the simulator for a reason it cannot name";
    }
}
