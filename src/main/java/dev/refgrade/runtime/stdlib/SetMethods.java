package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;

/** set's and frozenset's methods (Objects/setobject.c), each with its CPython signature. */
public final class SetMethods {
    private SetMethods() {}

    static void install(Registry reg) {
        PyType S = PyType.SET;
        reg.method(S, "add", "object, /", SetMethods::add);
        reg.method(S, "discard", "object, /", SetMethods::discard);
        reg.method(S, "remove", "object, /", SetMethods::remove);
        reg.method(S, "clear", "", SetMethods::clear);
        // METH_VARARGS: any number of iterables, no keywords.
        reg.method(S, "update", Signature.parse("*others").as(Signature.Convention.POSITIONAL), SetMethods::update);
        reg.method(S, "copy", "", SetMethods::copy);
        reg.method(PyType.FROZENSET, "copy", "", SetMethods::copy);
        reg.method(S, "pop", "", SetMethods::pop);
        Signature others = Signature.parse("*others").as(Signature.Convention.POSITIONAL);
        for (PyType t : new PyType[] {S, PyType.FROZENSET}) {
            reg.method(t, "union", others, SetMethods::union);
            reg.method(t, "intersection", others, SetMethods::intersection);
            reg.method(t, "difference", others, SetMethods::difference);
            reg.method(t, "symmetric_difference", "other, /", SetMethods::symmetricDifference);
            reg.method(t, "isdisjoint", "other, /", SetMethods::isdisjoint);
            reg.method(t, "issubset", "other, /", (PyRuntime rt, PySet self, Args a) -> subset(rt, self, a.get("other"), true));
            reg.method(t, "issuperset", "other, /", (PyRuntime rt, PySet self, Args a) -> subset(rt, self, a.get("other"), false));
        }
        reg.method(S, "intersection_update", others, (PyRuntime rt, PySet self, Args a) -> replaceWith(rt, self, intersection(rt, self, a)));
        reg.method(S, "difference_update", others, (PyRuntime rt, PySet self, Args a) -> {
            for (PyObject other : a.rest()) differenceUpdate(rt, self, other);
            return PyRuntime.NONE;
        });
        reg.method(S, "symmetric_difference_update", "other, /", (PyRuntime rt, PySet self, Args a) -> {
            symmetricDifferenceUpdate(rt, self, a.get("other"));
            return PyRuntime.NONE;
        });
    }

    /**
     * set_difference_update_internal (difference_update, and -= on a set): the other's members
     * discarded (of a set more than eight times larger, those of its intersection with this one);
     * then, with more than a quarter of the table dummies, the table is rebuilt, which can change
     * the order the members iterate in.
     */
    public static void differenceUpdate(PyRuntime rt, PySet self, PyObject other) {
        if (other == self) {
            self.releaseReferences(rt.heap);
            return;
        }
        if (other instanceof PySet o) {
            PySet walk = (o.used >> 3) > self.used ? intersect(rt, self, o) : o;
            try {
                for (int i = walk.nextSlot(0); i < walk.table.length; i = walk.nextSlot(i + 1)) self.discard(rt, walk.table[i]);
            } finally {
                if (walk != o) rt.heap.decref(walk);
            }
        } else {
            for (PyObject x : members(rt, other)) discardOwned(rt, self, x);
        }
        self.purgeDummies();
    }

    /** set_symmetric_difference_update (and ^= on a set): each of the other's members toggled; a set with itself is emptied. */
    public static void symmetricDifferenceUpdate(PyRuntime rt, PySet self, PyObject other) {
        if (other == self) self.releaseReferences(rt.heap);
        else toggle(rt, self, other);
    }

    /** set_intersection_update (and &= on a set): this set takes the intersection's table. */
    public static void intersectionUpdate(PyRuntime rt, PySet self, PySet other) {
        replaceWith(rt, self, intersect(rt, self, other));
    }

    /**
     * set_intersection of two sets: a new set of {@code so}'s type holding the members of the smaller
     * (of {@code other} on a tie), in its table order, that the larger has.
     */
    public static PySet intersect(PyRuntime rt, PySet so, PySet other) {
        PySet out = rt.newSet(so.frozen);
        PySet walk = other.used > so.used ? so : other, look = walk == so ? other : so;
        try {
            for (int i = walk.nextSlot(0); i < walk.table.length; i = walk.nextSlot(i + 1)) {
                if (look.contains(rt, walk.table[i])) out.add(rt, walk.table[i]);
            }
        } catch (RuntimeException e) {
            rt.heap.decref(out);
            throw e;
        }
        return out;
    }

    /** set_pop: KeyError on an empty set, else the member at the finger. */
    static PyObject pop(PyRuntime rt, PySet self, Args a) {
        if (self.used == 0) throw rt.error(PyExc.KEY_ERROR, "pop from an empty set");
        return self.pop();
    }

    /** The members of an iterable, as new references (a set's in its table order). */
    private static PyObject[] members(PyRuntime rt, PyObject iterable) {
        return Builtins.toArray(rt, iterable);
    }

    private static void discardOwned(PyRuntime rt, PySet s, PyObject o) {
        try {
            s.discard(rt, o);
        } finally {
            rt.heap.decref(o);
        }
    }

    /**
     * set_update_internal: a set is merged and an exact dict's keys added after one resize for
     * both; any other iterable is added member by member.
     */
    public static void updateFrom(PyRuntime rt, PySet s, PyObject iterable) {
        if (iterable instanceof PySet other) {
            s.merge(rt, other);
            return;
        }
        if (iterable.type() == PyType.DICT) s.growFor(((PyDict) iterable).size());
        PyObject[] items = members(rt, iterable);
        try {
            for (PyObject o : items) s.add(rt, o);
        } finally {
            for (PyObject o : items) rt.heap.decref(o);
        }
    }

    /** set_copy: a new set of the receiver's type, merged from it. */
    private static PySet copyOf(PyRuntime rt, PySet self) {
        PySet out = rt.newSet(self.frozen);
        out.merge(rt, self);
        return out;
    }

    static PyObject union(PyRuntime rt, PySet self, Args a) {
        PySet out = copyOf(rt, self);
        try {
            for (PyObject other : a.rest()) updateFrom(rt, out, other);
        } catch (RuntimeException e) {
            rt.heap.decref(out);
            throw e;
        }
        return out;
    }

    /** set_intersection_multi: each step set_intersection, walking the smaller set or the iterable. */
    static PyObject intersection(PyRuntime rt, PySet self, Args a) {
        PySet result = copyOf(rt, self);
        for (PyObject other : a.rest()) {
            if (other instanceof PySet o) {
                PySet next;
                try {
                    next = intersect(rt, result, o);
                } catch (RuntimeException e) {
                    rt.heap.decref(result);
                    throw e;
                }
                rt.heap.decref(result);
                result = next;
                continue;
            }
            PySet next = rt.newSet(self.frozen);
            try {
                for (PyObject x : members(rt, other)) {
                    try {
                        if (result.contains(rt, x)) next.add(rt, x);
                    } finally {
                        rt.heap.decref(x);
                    }
                }
            } catch (RuntimeException e) {
                rt.heap.decref(next);
                rt.heap.decref(result);
                throw e;
            }
            rt.heap.decref(result);
            result = next;
        }
        return result;
    }

    /** set_difference_multi: a copy less each other's members (a set's own difference rules first). */
    static PyObject difference(PyRuntime rt, PySet self, Args a) {
        PyObject[] others = a.rest();
        PySet result;
        if (others.length > 0 && others[0] instanceof PySet first && (self.used >> 2) <= first.used) {
            result = rt.newSet(self.frozen);
            for (int i = self.nextSlot(0); i < self.table.length; i = self.nextSlot(i + 1)) {
                if (!first.contains(rt, self.table[i])) result.add(rt, self.table[i]);
            }
        } else {
            result = copyOf(rt, self);
            if (others.length > 0) for (PyObject o : members(rt, others[0])) discardOwned(rt, result, o);
        }
        for (int k = 1; k < others.length; k++) for (PyObject o : members(rt, others[k])) discardOwned(rt, result, o);
        return result;
    }

    /** set_symmetric_difference: a set of the other's members, then each of the receiver's toggled. */
    static PyObject symmetricDifference(PyRuntime rt, PySet self, Args a) {
        PySet out = rt.newSet(self.frozen);
        updateFrom(rt, out, a.get("other"));
        toggle(rt, out, self);
        return out;
    }

    private static void toggle(PyRuntime rt, PySet s, PyObject other) {
        PySet from = other instanceof PySet o ? o : null;
        if (from == null) {
            from = rt.newSet(false);
            updateFrom(rt, from, other);
        } else rt.heap.incref(from);
        try {
            for (int i = from.nextSlot(0); i < from.table.length; i = from.nextSlot(i + 1)) {
                if (!s.discard(rt, from.table[i])) s.add(rt, from.table[i]);
            }
        } finally {
            rt.heap.decref(from);
        }
    }

    static PyObject isdisjoint(PyRuntime rt, PySet self, Args a) {
        PyObject other = a.get("other");
        for (PyObject o : members(rt, other)) {
            boolean in;
            try {
                in = self.contains(rt, o);
            } finally {
                rt.heap.decref(o);
            }
            if (in) return PyRuntime.FALSE;
        }
        return PyRuntime.TRUE;
    }

    /** issubset/issuperset: any iterable, made a set first when it is not one. */
    private static PyObject subset(PyRuntime rt, PySet self, PyObject other, boolean sub) {
        PySet o;
        if (other instanceof PySet s) o = rt.heap.newRef(s);
        else {
            o = rt.newSet(false);
            updateFrom(rt, o, other);
        }
        try {
            PySet small = sub ? self : o, big = sub ? o : self;
            if (small.used > big.used) return PyRuntime.FALSE;
            for (int i = small.nextSlot(0); i < small.table.length; i = small.nextSlot(i + 1)) {
                if (!big.contains(rt, small.table[i])) return PyRuntime.FALSE;
            }
            return PyRuntime.TRUE;
        } finally {
            rt.heap.decref(o);
        }
    }

    /** intersection_update: the receiver's table is replaced by the result's (set_swap_bodies). */
    private static PyObject replaceWith(PyRuntime rt, PySet self, PyObject result) {
        PySet r = (PySet) result;
        self.swapBodies(r);
        rt.heap.decref(r);
        return PyRuntime.NONE;
    }

    static PyObject add(PyRuntime rt, PySet self, Args a) {
        self.add(rt, a.get("object"));
        return PyRuntime.NONE;
    }

    static PyObject discard(PyRuntime rt, PySet self, Args a) {
        discardKey(rt, self, a.get("object"));
        return PyRuntime.NONE;
    }

    static PyObject remove(PyRuntime rt, PySet self, Args a) {
        PyObject o = a.get("object");
        if (!discardKey(rt, self, o)) throw rt.keyError(o);
        return PyRuntime.NONE;
    }

    /** set_discard_key, retried with a frozenset of the key when the key is an (unhashable) set. */
    private static boolean discardKey(PyRuntime rt, PySet self, PyObject key) {
        if (!(key instanceof PySet s) || s.frozen) return self.discard(rt, key);
        PySet frozen = rt.newSet(true);
        try {
            frozen.merge(rt, s);
            return self.discard(rt, frozen);
        } finally {
            rt.heap.decref(frozen);
        }
    }

    static PyObject clear(PyRuntime rt, PySet self, Args a) {
        self.releaseReferences(rt.heap);
        return PyRuntime.NONE;
    }

    static PyObject update(PyRuntime rt, PySet self, Args a) {
        for (PyObject iterable : a.rest()) updateFrom(rt, self, iterable);
        return PyRuntime.NONE;
    }

    /** A frozenset's copy is the frozenset itself, as frozenset_copy returns it. */
    static PyObject copy(PyRuntime rt, PySet self, Args a) {
        if (self.frozen) return rt.heap.newRef(self);
        return copyOf(rt, self);
    }
}
