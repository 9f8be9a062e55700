package dev.refgrade.runtime.objects;

import java.util.List;

/** Keyword arguments of a call, borrowed from the caller, in the order written. */
public record Kwargs(List<PyStr> names, List<PyObject> values) {
    public static final Kwargs NONE = new Kwargs(List.of(), List.of());

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public PyObject get(String name) {
        for (int i = 0; i < names.size(); i++) if (names.get(i).value.equals(name)) return values.get(i);
        return null;
    }
}
