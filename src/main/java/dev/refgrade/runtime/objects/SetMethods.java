package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.stdlib.Builtins;

/** set's and frozenset's methods, installed by name. */
public final class SetMethods {
    private SetMethods() {}

    public static void install() {
        PyType S = PyType.SET;
        Builtins.method(S, "add", (rt, self, args, kw) -> {
            Builtins.arity(rt, "set.add", args, 1, 1);
            ((PySet) self).add(rt, args[0]);
            return PyRuntime.NONE;
        });
        Builtins.method(S, "discard", (rt, self, args, kw) -> {
            Builtins.arity(rt, "set.discard", args, 1, 1);
            ((PySet) self).discard(rt, args[0]);
            return PyRuntime.NONE;
        });
        Builtins.method(S, "remove", (rt, self, args, kw) -> {
            Builtins.arity(rt, "set.remove", args, 1, 1);
            if (!((PySet) self).discard(rt, args[0])) throw rt.keyError(args[0]);
            return PyRuntime.NONE;
        });
        Builtins.method(S, "clear", (rt, self, args, kw) -> {
            ((PySet) self).releaseReferences(rt.heap);
            return PyRuntime.NONE;
        });
        Builtins.method(S, "update", (rt, self, args, kw) -> {
            for (PyObject a : args) {
                for (PyObject o : Builtins.toArray(rt, a)) {
                    ((PySet) self).add(rt, o);
                    rt.heap.decref(o);
                }
            }
            return PyRuntime.NONE;
        });
        for (PyType t : new PyType[] {PyType.SET, PyType.FROZENSET}) {
            Builtins.method(t, "copy", (rt, self, args, kw) -> {
                PySet s = (PySet) self;
                if (s.frozen) return rt.heap.newRef(s);
                PySet out = rt.newSet(false);
                for (int i = s.nextSlot(0); i < s.table.length; i = s.nextSlot(i + 1)) out.add(rt, s.table[i]);
                return out;
            });
        }
    }
}
