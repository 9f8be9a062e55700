package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import java.util.Map;

/**
 * The names of CPython 3.11's builtins module that the simulator does not define, each with why.
 * A program that reaches one is refused by name (exit 2), never answered with a NameError CPython
 * would not raise. Once a name is implemented it is found in {@link Builtins} first, so its line
 * here is dead and goes; BuiltinNamesTest checks the two together cover python3's dir(builtins).
 */
final class RefusedBuiltins {
    private static final String INTERACTIVE = "it waits on a person at a terminal, which a graded run has none of";
    private static final String DYNAMIC = "it compiles source text at run time, which the simulator does not model";
    private static final String MACHINERY = "it is the interpreter's own import or class-building machinery";

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("__build_class__", MACHINERY), Map.entry("__import__", MACHINERY),
            Map.entry("__loader__", MACHINERY), Map.entry("__spec__", MACHINERY),
            Map.entry("__package__", MACHINERY), Map.entry("__doc__", MACHINERY),
            Map.entry("compile", DYNAMIC), Map.entry("eval", DYNAMIC), Map.entry("exec", DYNAMIC),
            Map.entry("input", INTERACTIVE), Map.entry("breakpoint", INTERACTIVE), Map.entry("help", INTERACTIVE),
            Map.entry("copyright", INTERACTIVE), Map.entry("credits", INTERACTIVE), Map.entry("license", INTERACTIVE),
            Map.entry("exit", INTERACTIVE), Map.entry("quit", INTERACTIVE),
            Map.entry("open", "it reads and writes files, whose contents a simulated run does not have"),
            Map.entry("aiter", "asynchronous iteration is not modelled"),
            Map.entry("anext", "asynchronous iteration is not modelled"));

    private RefusedBuiltins() {}

    /** Why CPython's builtin {@code name} is refused here, or null when CPython has no such builtin. */
    static String why(String name) {
        return WHY.get(name);
    }

    /** The refusal of builtin {@code name} at the line running now, or null when CPython has no such builtin. */
    static Unsupported refusal(PyRuntime rt, String name) {
        String why = WHY.get(name);
        if (why == null) return null;
        return rt.refusal("the builtin '" + name + "' (" + why + ")");
    }
}
