package dev.refgrade.runtime.memory;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyWeakRef;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPython 3.11's cyclic garbage collector (Modules/gcmodule.c, gc_collect_main): objects whose
 * every reference comes from inside the collected generations are unreachable; weakrefs to them are
 * cleared (callbacks first), finalizers run once, resurrected objects survive, and the rest are
 * cleared so that reference counting frees them.
 */
public final class CycleCollector {
    private final Heap heap;
    /** Whether the garbage held a class whose dict lacks descriptors CPython's has, so that the count is not CPython's. */
    public boolean countIncomplete;

    public CycleCollector(Heap heap) {
        this.heap = heap;
    }

    /**
     * collect_generations: the oldest generation whose count passed its threshold. A full
     * collection also waits until the objects that reached the oldest generation since the last
     * one are a quarter of those it kept (long_lived_pending < long_lived_total / 4), so a
     * growing heap is not rescanned over and over (bpo-4074).
     */
    void collectGenerations() {
        for (int g = Heap.GENERATIONS - 1; g >= 0; g--) {
            if (heap.generations[g].count > heap.generations[g].threshold) {
                if (g == Heap.GENERATIONS - 1 && heap.longLivedPending < heap.longLivedTotal / 4) continue;
                collect(g);
                return;
            }
        }
    }

    /**
     * Collects generation {@code gen} and the younger ones; returns how many objects it deleted,
     * which leaves out garbage that a finalizer resurrected (gc_collect_main counts final_unreachable).
     */
    public int collect(int gen) {
        if (heap.collecting || heap.cyclesLeak.getAsBoolean()) return 0;
        heap.collecting = true;
        try {
            // gc_collect_with_callback: the callbacks run while the collector counts as collecting,
            // so a gc.collect() inside one returns 0; Python classes have no legacy finalizers,
            // so nothing is ever uncollectable.
            if (heap.gcDebugSink != null) heap.gcDebugSink.callbacks("start", gen, 0);
            int collected = collectLocked(gen);
            heap.generations[gen].collections++;
            heap.generations[gen].collected += collected;
            if (heap.gcDebugSink != null) heap.gcDebugSink.callbacks("stop", gen, collected);
            return collected;
        } finally {
            heap.collecting = false;
        }
    }

    private int collectLocked(int gen) {
        Heap.Generation[] gens = heap.generations;
        if (gen + 1 < Heap.GENERATIONS) gens[gen + 1].count++;
        for (int i = 0; i <= gen; i++) gens[i].count = 0;
        for (int i = 0; i < gen; i++) Heap.merge(gens[i].head, gens[gen].head, (byte) gen);
        PyObject young = gens[gen].head;
        List<PyObject> all = list(young);
        // Every object on the collected list now has gen == gen: that is how membership is tested,
        // and, as in gcmodule.c, gcRefs then marks what is reachable (> 0), not a side table.
        for (PyObject o : all) o.gcRefs = o.refcnt;
        // subtract_refs: what remains counts references from outside the generation.
        for (PyObject o : all) o.traverse(r -> {
            if (r.gen == gen) r.gcRefs--;
        });
        // move_unreachable: the young list keeps the reachable objects, in CPython's order; the rest
        // wait on a list of their own, as in gc_collect_main.
        PyObject unreachableHead = new Heap.Generation(0).head;
        moveUnreachable(young, unreachableHead, (byte) gen);
        List<PyObject> unreachable = list(unreachableHead);
        for (PyObject o : unreachable) if (o instanceof PyType t && t.isHeapType() && !t.layoutModelled()) countIncomplete = true;
        if (countIncomplete && (heap.gcDebug & (Heap.DEBUG_SAVEALL | Heap.DEBUG_COLLECTABLE)) != 0) {
            throw new Unsupported("gc.garbage or DEBUG_COLLECTABLE's list when a class with __slots__ is collected (its member"
                    + " descriptors are not modelled)", 0);
        }
        if ((heap.gcDebug & Heap.DEBUG_COLLECTABLE) != 0 && heap.gcDebugSink != null) {
            for (PyObject o : unreachable) heap.gcDebugSink.collectable(o);
        }
        byte older = (byte) Math.min(gen + 1, Heap.GENERATIONS - 1);
        // untrack_tuples, then the survivors counted as gc_list_size(young) counts them.
        List<PyObject> reachable = list(young);
        int survivors = 0;
        for (PyObject o : reachable) {
            if (o instanceof PyTuple t && t.type() == PyType.TUPLE) untrackTuple(t); // exact tuples only
            if (o.isTracked()) survivors++;
        }
        if (gen == Heap.GENERATIONS - 2) heap.longLivedPending += survivors;
        if (older != gen) {
            Heap.merge(young, gens[older].head, older);
        } else {
            // A full collection untracks the dicts that can no longer be in a cycle (untrack_dicts).
            for (PyObject o : reachable) {
                if (o instanceof PyDict d && d.isTracked() && d.type() == PyType.DICT && !heap.rules.dictsAlwaysTracked) {
                    untrackDict(d);
                    if (!d.isTracked()) survivors--;
                }
            }
            heap.longLivedPending = 0;
            heap.longLivedTotal = survivors;
        }
        Map<PyObject, Boolean> doomed = new IdentityHashMap<>();
        for (PyObject o : unreachable) doomed.put(o, true);
        int freedRefs = handleWeakrefs(unreachable, doomed);
        // finalize_garbage: __del__ once per object, in the order the objects were found.
        for (PyObject o : unreachable) {
            if (!o.finalized && heap.finalizers.hasDel(o) && o.isTracked()) {
                o.finalized = true;
                heap.incref(o);
                heap.finalizers.callDel(o);
                heap.decref(o);
            }
        }
        List<PyObject> still = resurrectionCheck(unreachable, gens[older].head, older);
        // delete_garbage: tp_clear breaks the cycles; reference counting frees the objects.
        for (PyObject o : still) {
            if (o.refcnt <= 0 || !o.isTracked()) continue;
            if ((heap.gcDebug & Heap.DEBUG_SAVEALL) != 0 && heap.gcDebugSink != null) {
                // delete_garbage under DEBUG_SAVEALL: into gc.garbage, not cleared; alive, it moves to the older list.
                heap.gcDebugSink.save(o);
                moveTo(o, gens[older].head, older);
                continue;
            }
            heap.incref(o);
            o.clearForCollector(heap);
            heap.decref(o);
            // Still alive after its tp_clear: it may die later, with the survivors.
            if (o.refcnt > 0 && o.isTracked() && o.gen == gen) moveTo(o, gens[older].head, older);
        }
        for (PyObject o : list(unreachableHead)) moveTo(o, gens[older].head, older);
        // gc_collect_main's m: the weak references the callbacks freed, then the final unreachable set.
        return freedRefs + still.size();
    }

    /**
     * Whether the tracked objects hold garbage: objects reachable from nothing outside them.
     * Computed as a full collection would (subtract_refs, move_unreachable) without changing anything.
     */
    boolean holdsGarbage() {
        List<PyObject> all = new ArrayList<>();
        for (int g = 0; g < Heap.GENERATIONS; g++) all.addAll(list(heap.generations[g].head));
        Map<PyObject, long[]> refs = new IdentityHashMap<>();
        for (PyObject o : all) refs.put(o, new long[] {o.refcnt});
        for (PyObject o : all) o.traverse(r -> {
            long[] c = refs.get(r);
            if (c != null) c[0]--;
        });
        List<PyObject> work = new ArrayList<>();
        for (PyObject o : all) if (refs.get(o)[0] > 0) work.add(o);
        while (!work.isEmpty()) {
            work.remove(work.size() - 1).traverse(r -> {
                long[] c = refs.get(r);
                if (c != null && c[0] <= 0) {
                    c[0] = 1;
                    work.add(r);
                }
            });
        }
        for (long[] c : refs.values()) if (c[0] <= 0) return true;
        return false;
    }

    /**
     * handle_weakrefs: weakrefs to garbage die first; callbacks run only for weakrefs that survive.
     * Returns how many of those reachable weakrefs died when their callback was done (a weak value
     * dict's KeyedRef, which its callback removed), which the collection counts as freed.
     */
    private int handleWeakrefs(List<PyObject> unreachable, Map<PyObject, Boolean> doomed) {
        List<PyWeakRef> callbacks = new ArrayList<>();
        for (PyObject o : unreachable) {
            WeakRefList list = heap.takeWeakrefs(o);
            if (list == null) continue;
            for (PyWeakRef ref : list.refs) {
                ref.referent = null;
                if (ref.callback != null && !doomed.containsKey(ref) && ref.refcnt > 0) callbacks.add(ref);
            }
        }
        // Each one is held before any callback runs, so that no callback frees another's reference;
        // the callback stays on its reference (only weakref_dealloc drops it), called with it.
        for (PyWeakRef ref : callbacks) heap.incref(ref);
        int freed = 0;
        for (PyWeakRef ref : callbacks) {
            if (ref.callback != null) heap.finalizers.callWeakrefCallback(ref.callback, ref);
            heap.decref(ref);
            if (ref.refcnt <= 0) freed++;
        }
        return freed;
    }

    /** handle_resurrected_objects: garbage a finalizer made reachable again moves on with the survivors. */
    private List<PyObject> resurrectionCheck(List<PyObject> unreachable, PyObject oldHead, byte older) {
        Map<PyObject, Boolean> set = new IdentityHashMap<>();
        for (PyObject o : unreachable) if (o.refcnt > 0) {
            set.put(o, true);
            o.gcRefs = o.refcnt;
        }
        for (PyObject o : set.keySet()) o.traverse(r -> {
            if (set.containsKey(r)) r.gcRefs--;
        });
        Map<PyObject, Boolean> alive = new IdentityHashMap<>();
        List<PyObject> work = new ArrayList<>();
        for (PyObject o : set.keySet()) if (o.gcRefs > 0) {
            alive.put(o, true);
            work.add(o);
        }
        while (!work.isEmpty()) {
            work.remove(work.size() - 1).traverse(r -> {
                if (set.containsKey(r) && alive.put(r, true) == null) work.add(r);
            });
        }
        List<PyObject> still = new ArrayList<>();
        for (PyObject o : unreachable) {
            if (!set.containsKey(o)) continue;
            if (alive.containsKey(o)) {
                if (o.isTracked()) moveTo(o, oldHead, older);
            } else {
                still.add(o);
            }
        }
        return still;
    }

    /**
     * move_unreachable: walks the list in order. An object with references from outside the
     * collected generations is reachable, and so is what it refers to: an object the walk already
     * set aside as tentatively unreachable goes back to the end of the list, to be walked again, and
     * one further on is only marked. So the survivors' order, which later collections and
     * gc.get_objects() see, is CPython's; the objects left aside are the garbage, in the order found.
     */
    private static void moveUnreachable(PyObject young, PyObject unreachable, byte gen) {
        for (PyObject o = young.gcNext, next; o != young; o = next) {
            if (o.gcRefs > 0) {
                o.traverse(r -> {
                    if (r.gen != gen) return;
                    if (r.gcRefs == TENTATIVELY_UNREACHABLE) {
                        Heap.unlink(r);
                        Heap.append(young, r);
                        r.gcRefs = 1;
                    } else if (r.gcRefs <= 0) {
                        r.gcRefs = 1;
                    }
                });
                next = o.gcNext;
            } else {
                next = o.gcNext;
                Heap.unlink(o);
                Heap.append(unreachable, o);
                o.gcRefs = TENTATIVELY_UNREACHABLE;
            }
        }
    }

    /** gc_refs of an object move_unreachable set aside (NEXT_MASK_UNREACHABLE in gcmodule.c). */
    private static final long TENTATIVELY_UNREACHABLE = Long.MIN_VALUE;

    /** gc_list_move: to the end of {@code head}'s list, which is generation {@code gen}. */
    private static void moveTo(PyObject o, PyObject head, byte gen) {
        Heap.unlink(o);
        Heap.append(head, o);
        o.gen = gen;
    }

    /** _PyTuple_MaybeUntrack: a tuple of atomics can never be part of a cycle. */
    private void untrackTuple(PyTuple t) {
        // A NULL slot (a tuple still being filled) keeps it tracked, as in _PyTuple_MaybeUntrack.
        for (PyObject item : t.items) if (item == null || PyDict.mayBeTracked(item)) return;
        heap.untrack(t);
    }

    /** _PyDict_MaybeUntrack, done only in full collections. */
    private void untrackDict(PyDict d) {
        if (d.holdsInterpreterObjects) return;
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
            if (PyDict.mayBeTracked(d.keys[i]) || PyDict.mayBeTracked(d.values[i])) return;
        }
        heap.untrack(d);
    }

    private static List<PyObject> list(PyObject head) {
        List<PyObject> out = new ArrayList<>();
        for (PyObject o = head.gcNext; o != head; o = o.gcNext) out.add(o);
        return out;
    }

    /**
     * What a full collection would find unreachable now, found as gc_collect_main finds it
     * (subtract_refs, then move_unreachable) but without touching the heap: the objects kept alive
     * only by references among themselves, such as a cycle whose last name was rebound.
     */
    public static List<PyObject> garbage(Heap heap) {
        List<PyObject> all = tracked(heap);
        Map<PyObject, long[]> refs = new IdentityHashMap<>();
        for (PyObject o : all) refs.put(o, new long[] {o.refcnt});
        for (PyObject o : all) o.traverse(r -> {
            long[] n = refs.get(r);
            if (n != null) n[0]--;
        });
        List<PyObject> work = new ArrayList<>();
        for (PyObject o : all) if (refs.get(o)[0] > 0) work.add(o);
        while (!work.isEmpty()) {
            work.remove(work.size() - 1).traverse(r -> {
                long[] n = refs.get(r);
                if (n != null && n[0] <= 0) {
                    n[0] = 1;
                    work.add(r);
                }
            });
        }
        List<PyObject> out = new ArrayList<>();
        for (PyObject o : all) if (refs.get(o)[0] <= 0) out.add(o);
        return out;
    }

    /** gc.get_objects(): every tracked object, youngest generation first. */
    public static List<PyObject> tracked(Heap heap) {
        List<PyObject> out = new ArrayList<>();
        for (Heap.Generation g : heap.generations) out.addAll(list(g.head));
        return out;
    }
}
