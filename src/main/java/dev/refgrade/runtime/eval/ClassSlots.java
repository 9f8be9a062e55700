package dev.refgrade.runtime.eval;

import dev.refgrade.python.SymbolScope;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.stdlib.Builtins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A class statement's __slots__ as type_new reads them (type_new_slots, type_new_visit_slots,
 * type_new_copy_slots): one str is one name, else an iterable of names, each an identifier;
 * __dict__ and __weakref__ ask for a dict and a weak reference list instead of a member; the
 * others are mangled with the class's name and sorted, the order their members are laid out in.
 *
 * @param members the member names, sorted
 */
record ClassSlots(PyStr[] members, boolean dict, boolean weakref) {

    /** The class's __slots__, or null when its namespace has none; bases are checked first (best_base). */
    static ClassSlots of(PyRuntime rt, String className, PyTuple bases, PyDict namespace) {
        PyType base = bestBase(rt, bases);
        PyObject declared = namespace.getBorrowed(rt, rt.name("__slots__"));
        if (declared == null) return null;
        PyObject[] names = declared instanceof PyStr s ? new PyObject[] {rt.heap.newRef(s)} : Builtins.toArray(rt, declared);
        try {
            boolean dict = false, weakref = false;
            List<PyStr> members = new ArrayList<>();
            for (PyObject n : names) {
                if (!(n instanceof PyStr s)) throw rt.typeError("__slots__ items must be strings, not '" + n.type().name + "'");
                if (!identifier(s.value)) throw rt.typeError("__slots__ must be identifiers");
                if (s.value.equals("__dict__")) {
                    if (dict || base.instancesHaveDict()) throw rt.typeError("__dict__ slot disallowed: we already got one");
                    dict = true;
                } else if (s.value.equals("__weakref__")) {
                    if (weakref || base.instancesWeakrefable()) {
                        throw rt.typeError("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                    }
                    weakref = true;
                } else {
                    members.add(s);
                }
            }
            PyStr[] mangled = new PyStr[members.size()];
            for (int i = 0; i < mangled.length; i++) {
                String m = SymbolScope.mangle(className, members.get(i).value);
                mangled[i] = rt.name(m);
                if (namespace.getBorrowed(rt, mangled[i]) != null && !m.equals("__qualname__") && !m.equals("__classcell__")) {
                    for (int j = 0; j <= i; j++) rt.heap.decref(mangled[j]);
                    throw rt.error(PyExc.VALUE_ERROR, "'" + m + "' in __slots__ conflicts with class variable");
                }
            }
            if (mangled.length > 0 && (base.isSubtypeOf(PyType.INT) || base.isSubtypeOf(PyType.TUPLE) || base.isSubtypeOf(PyType.BYTES))) {
                for (PyStr m : mangled) rt.heap.decref(m);
                throw rt.typeError("nonempty __slots__ not supported for subtype of '" + base.name + "'");
            }
            Arrays.sort(mangled, (a, b) -> a.value.compareTo(b.value)); // PyList_Sort: code point order
            return new ClassSlots(mangled, dict, weakref);
        } finally {
            for (PyObject n : names) rt.heap.decref(n);
        }
    }

    /**
     * best_base: the base whose instance layout the others' extend; bases that add member slots
     * along unrelated lines cannot be combined. (Builtin bases are taken as they come: their
     * layouts are not modelled, and the collisions among them are left to the code that makes them.)
     */
    static PyType bestBase(PyRuntime rt, PyTuple bases) {
        PyType winner = null, best = null;
        for (PyObject b : bases.items) {
            PyType solid = ((PyType) b).layoutBase();
            if (winner == null || solid != winner && solid.isSubtypeOf(winner)) {
                winner = solid;
                best = (PyType) b;
            } else if (!winner.isSubtypeOf(solid) && (solid.slots != null || winner.slots != null)) {
                throw rt.typeError("multiple bases have instance lay-out conflict");
            }
        }
        return best;
    }

    /** str.isidentifier for the ASCII names programs use; other letters as Java's identifier rules have them. */
    private static boolean identifier(String s) {
        if (s.isEmpty() || !Character.isUnicodeIdentifierStart(s.codePointAt(0)) && s.charAt(0) != '_') return false;
        return s.codePoints().allMatch(c -> Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }
}
