package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.CopyModule;
import dev.refgrade.runtime.stdlib.CtypesModule;
import dev.refgrade.runtime.stdlib.GcModule;
import dev.refgrade.runtime.stdlib.SysModule;
import dev.refgrade.runtime.stdlib.WeakrefModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: every builtin function, method of a builtin type and module function, called with
 * arguments of any kind and number, returns, raises a Python exception, or refuses the run naming
 * what it does not implement; a Java exception never escapes the run. The calls are drawn by a seeded generator, so a failure replays.
 */
class BuiltinCallsPropertyTest {
    static final Limits LIMITS = new Limits(50_000, 50_000, 100, 50_000, 50_000);

    private static final String PREAMBLE = """
            import sys, gc, copy, weakref, ctypes
            class A:
                pass
            a = A()
            d = {'k': 1}
            """;

    /** One value of each kind a call can receive, as source. */
    private static final List<String> VALUES = List.of("0", "1", "-7", "2**70", "True", "None", "2.5", "-0.0",
            "''", "'ab'", "'é\\n'", "[]", "[1, 'a']", "()", "(1, [2])", "{}", "{'a': 1}", "set()", "{1, 2}",
            "frozenset({3})", "range(3)", "a", "A", "len", "d.keys()", "d.items()", "iter([1])", "sys",
            "weakref.ref(a)", "A.__init__", "a.__class__");

    /** Receivers whose type's methods are called, by the name the type is installed under. */
    private static final Map<String, String> RECEIVERS = Map.ofEntries(Map.entry("int", "7"), Map.entry("bool", "True"),
            Map.entry("float", "1.5"), Map.entry("str", "'a,b'"), Map.entry("list", "[3, 1]"),
            Map.entry("tuple", "(1, 2)"), Map.entry("dict", "{'a': 1}"), Map.entry("set", "{1}"),
            Map.entry("frozenset", "frozenset({1})"), Map.entry("range", "range(4)"), Map.entry("dict_keys", "d.keys()"),
            Map.entry("object", "a"), Map.entry("type", "A"));

    static Stream<String> callables() {
        new PyRuntime(LIMITS, new Output(0)); // builtins are installed when the first runtime is made
        List<String> callables = new ArrayList<>();
        new TreeSet<>(Builtins.names()).forEach(callables::add);
        for (String kind : new TreeSet<>(RECEIVERS.keySet())) {
            PyObject builtin = Builtins.get(kind);
            PyType type = builtin instanceof PyType t ? t : PyType.DICT_KEYS;
            for (String m : new TreeSet<>(type.builtinAttrs.keySet())) {
                callables.add(RECEIVERS.get(kind) + "." + m);
                if (builtin instanceof PyType) callables.add(kind + "." + m); // unbound: self is any argument
            }
        }
        Map<String, Map<String, PyObject>> modules = Map.of("sys", SysModule.contents(), "gc", GcModule.contents(),
                "copy", CopyModule.contents(), "weakref", WeakrefModule.contents(), "ctypes", CtypesModule.contents());
        for (String mod : new TreeSet<>(modules.keySet())) {
            for (String f : new TreeSet<>(modules.get(mod).keySet())) callables.add(mod + "." + f);
        }
        return callables.stream();
    }

    /** Each value alone, then seeded random pairs, triples and keyword arguments. */
    static List<String> argumentLists(String callable) {
        Random random = new Random(callable.hashCode());
        List<String> out = new ArrayList<>(List.of(""));
        out.addAll(VALUES);
        for (int n = 2; n <= 3; n++) {
            for (int k = 0; k < 8; k++) {
                List<String> args = new ArrayList<>();
                for (int i = 0; i < n; i++) args.add(VALUES.get(random.nextInt(VALUES.size())));
                out.add(String.join(", ", args));
            }
        }
        for (int k = 0; k < 4; k++) out.add(VALUES.get(random.nextInt(VALUES.size())) + ", key=" + VALUES.get(random.nextInt(VALUES.size())));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callables")
    void anyCallReturnsRaisesAPythonExceptionOrIsRefusedByName(String callable) {
        List<String> failures = new ArrayList<>();
        for (String args : argumentLists(callable)) {
            String call = callable + "(" + args + ")";
            try {
                Programs.Result r = Programs.runIsolated("prog.py", PREAMBLE + "print(" + call + ")\n", LIMITS);
                boolean refused = r.exitCode() == 2 && r.stderr().startsWith("refgrade: unsupported: ");
                // sys.exit's SystemExit ends the program with whatever status it carries.
                boolean exited = callable.equals("sys.exit") && !r.stderr().startsWith("refgrade: ");
                if (r.exitCode() != 0 && r.exitCode() != 1 && !refused && !exited) failures.add(call + ": " + r.stderr());
            } catch (RuntimeException | Error e) {
                failures.add(call + ": " + e);
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }
}
