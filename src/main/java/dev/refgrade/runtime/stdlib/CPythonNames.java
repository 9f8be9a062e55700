package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attribute names CPython 3.11's builtin types define (python3's own listing, kept in
 * cpython-3.11-attributes.txt): an attribute the simulator lacks but CPython has is refused by
 * name, never answered with an AttributeError CPython would not raise.
 */
public final class CPythonNames {
    private static final Map<String, Set<String>> ATTRIBUTES = load();

    private CPythonNames() {}

    private static Map<String, Set<String>> load() {
        try (InputStream in = CPythonNames.class.getResourceAsStream("/dev/refgrade/runtime/cpython-3.11-attributes.txt")) {
            Map<String, Set<String>> out = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] words = line.trim().split(" ");
                out.put(words[0], Set.of(words).stream().filter(w -> !w.equals(words[0])).collect(java.util.stream.Collectors.toSet()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a builtin class in t's MRO has {@code name} in CPython 3.11. */
    public static boolean has(PyType t, String name) {
        for (PyType m : t.mro) {
            if (m.heapType) continue;
            // Listed by __name__: a module's type by its tp_name after the last dot ("collections.deque" as "deque").
            Set<String> names = ATTRIBUTES.get(m.name.substring(m.name.lastIndexOf('.') + 1));
            if (names != null && names.contains(name)) return true;
        }
        return false;
    }

    /** type.__dict__'s names of CPython 3.11's builtin type {@code t}; null when it is not listed. */
    public static Set<String> ownNames(PyType t) {
        return ATTRIBUTES.get(t.name.substring(t.name.lastIndexOf('.') + 1));
    }

    /** dir() of CPython 3.11's module {@code module}; null when it is not listed. */
    public static Set<String> moduleNames(String module) {
        return ATTRIBUTES.get("module:" + module);
    }

    /** Whether CPython 3.11's module {@code module} (among those listed) has {@code name}. */
    public static boolean moduleHas(String module, String name) {
        Set<String> names = ATTRIBUTES.get("module:" + module);
        return names != null && names.contains(name);
    }

    /** The refusal of attribute {@code name}, which CPython's {@code owner} has and the simulator does not. */
    public static Unsupported refusal(PyRuntime rt, String owner, String name) {
        return rt.refusal("the attribute '" + name + "' of " + owner + " (not modelled yet)");
    }
}
