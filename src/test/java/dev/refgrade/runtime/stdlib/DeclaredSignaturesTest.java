package dev.refgrade.runtime.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Output;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A builtin's signature text is parsed at its first call, not when the runtime starts (a cold start's
 * saving), so a text the parser cannot read would surface only when a program calls that builtin:
 * here every builtin reachable from the builtins and the built-in modules is parsed up front.
 */
class DeclaredSignaturesTest {
    @Test
    void everyBuiltinsSignatureTextParses() {
        new PyRuntime(Limits.DEFAULT, new Output(1 << 20)); // installs the builtins
        Map<PyObject, Boolean> seen = new IdentityHashMap<>();
        List<String> unreadable = new ArrayList<>();
        List<PyObject> roots = new ArrayList<>();
        for (String name : Builtins.names()) roots.add(Builtins.get(name));
        for (String module : Modules.builtInModules()) roots.addAll(Modules.contents(module).values());
        int[] parsed = {0};
        for (PyObject o : roots) walk(o, seen, unreadable, parsed);
        assertEquals(List.of(), unreadable);
        assertTrue(parsed[0] > 300, "the walk reached the builtins: " + parsed[0]);
    }

    private static void walk(PyObject o, Map<PyObject, Boolean> seen, List<String> unreadable, int[] parsed) {
        if (o == null || seen.put(o, true) != null) return;
        if (o instanceof PyBuiltin b) {
            try {
                b.sig.params();
                parsed[0]++;
            } catch (RuntimeException e) {
                unreadable.add(b.sig.qualname + ": " + e.getMessage());
            }
        }
        if (o instanceof PyType t) for (PyObject a : t.builtinAttrs.values()) walk(a, seen, unreadable, parsed);
    }
}
