package dev.refgrade.runtime.memory;

import dev.refgrade.runtime.LimitExceeded;
import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.VersionRules;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyWeakRef;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The simulated process's memory: the one owner of every address, reference count, free list and
 * collector generation. The interpreter changes a count only through {@link #incref} and
 * {@link #decref}; an object dies here, in CPython's order, when its count reaches zero.
 */
public final class Heap {
    public static final byte UNTRACKED = -1;
    /** The count static objects carry; the heap never changes it (see {@link StaticObjects}). */
    public static final long IMMORTAL = 1L << 60;
    public static final int GENERATIONS = 3;
    /** The gen of an object gc.freeze() moved to the permanent generation, which no collection scans. */
    public static final byte PERMANENT = 3;

    /** What dying objects need from the interpreter: running Python code. */
    public interface Finalizers {
        /** Calls {@code obj.__del__()} (CPython's tp_finalize of a class that defines it). */
        void callDel(PyObject obj);

        /** Calls a weak reference's callback with the reference itself. */
        void callWeakrefCallback(PyObject callback, PyWeakRef ref);

        boolean hasDel(PyObject obj);
    }

    /** What the collector tells the gc module: its debugging lines, gc.garbage, gc.callbacks. */
    public interface GcDebug {
        /** invoke_gc_callback: each of gc.callbacks called with the phase ("start", "stop") and an info dict. */
        void callbacks(String phase, int generation, int collected);

        /** debug_cycle("collectable", op): a line on stderr naming the object. */
        void collectable(PyObject obj);

        /** DEBUG_SAVEALL: the object is appended to gc.garbage instead of being cleared. */
        void save(PyObject obj);
    }

    /** Observes every change of the heap, for `trace`; null when nobody listens. */
    public interface Listener {
        void allocated(PyObject obj);

        void refChanged(PyObject obj, long from, long to);

        void freed(PyObject obj);
    }

    // Simulated addresses look like a 64-bit Linux heap: 0x7f..., 16-byte aligned as pymalloc's blocks.
    private static final long ARENA_BASE = 0x7f3a5c200000L;
    private long bump = ARENA_BASE;
    /** A number printed in hex (0x..., or the twelve digits of '%x'), or in decimal as id() gives it. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("0[xX]([0-9a-fA-F]{1,16})|\\b([0-9a-fA-F]{12})\\b|\\b(\\d{14,16})\\b");

    /**
     * Whether {@code text} shows an address of this run's objects or of the static ones: a repr's
     * "at 0x...", hex(id(x)), str(id(x)). Such a number is the simulator's, not CPython's, however it
     * was made, so printing it earns the note an address gets.
     */
    public boolean showsAddress(String text) {
        if (!mayShowNumber(text)) return false;
        java.util.regex.Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            long v = m.group(3) != null ? Long.parseLong(m.group(3)) : Long.parseUnsignedLong(m.group(1) != null ? m.group(1) : m.group(2), 16);
            if (v >= ARENA_BASE - 64 && v < bump || StaticObjects.holds(v)) return true;
        }
        return false;
    }

    /**
     * Whether NUMBER can match at all: only after "0x" or in a run of twelve or more hex digits. Every
     * print asks, and most print no such thing; the scan costs a fraction of the regular expression.
     */
    private static boolean mayShowNumber(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'x' || c == 'X') && i > 0 && text.charAt(i - 1) == '0') return true;
            run = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' ? run + 1 : 0;
            if (run >= 12) return true;
        }
        return false;
    }

    private final Map<Integer, ArrayDeque<Long>> sizeClasses = new HashMap<>();
    private final Map<FreeList, ArrayDeque<Long>> freeLists = new HashMap<>();
    private final Map<Integer, ArrayDeque<Long>> tupleFreeLists = new HashMap<>();
    private int trashNesting;
    /** Dead objects set aside by the trashcan, newest on top. */
    private final ArrayDeque<PyObject> trashLater = new ArrayDeque<>();

    public final Generation[] generations;
    /** Objects the last full collection kept, and those that reached the oldest generation since. */
    long longLivedTotal, longLivedPending;
    public boolean gcEnabled = true;
    /** gc.set_debug's flags; the collector reads DEBUG_COLLECTABLE and DEBUG_SAVEALL. */
    public int gcDebug;
    public static final int DEBUG_COLLECTABLE = 2, DEBUG_SAVEALL = 32;
    /** What the collector's debug flags report to (gc.garbage and stderr); null until gc is imported. */
    public GcDebug gcDebugSink;
    boolean collecting;
    /** Variation.CYCLES_NEVER_FREED, asked as a collection starts: then it finds nothing, so unreachable cycles stay. */
    public java.util.function.BooleanSupplier cyclesLeak = () -> false;
    Finalizers finalizers;
    Listener listener;
    private final Limits limits;
    /** The CPython version whose object sizes the allocator sees. */
    final VersionRules rules;
    /** sys.intern's table. It holds no counted reference: CPython 3.11 makes interned strings mortal. */
    public final Map<String, PyStr> interned = new HashMap<>();
    private long live;
    /**
     * Each object's weak references (CPython's tp_weaklistoffset slot), kept here rather than on the
     * object: static objects (int, len, None) are shared by every run, so a list hung on them would
     * carry one run's references, callbacks and all they reach into the next.
     */
    private final Map<PyObject, WeakRefList> weakrefs = new IdentityHashMap<>();
    /** Live objects by address, so ctypes can read the count at an address. */
    public final AddressTable addresses = new AddressTable();

    public Heap(Limits limits, VersionRules rules) {
        this.limits = limits;
        this.rules = rules;
        int[] t = rules.gcThresholds;
        this.generations = new Generation[] {new Generation(t[0]), new Generation(t[1]), new Generation(t[2])};
        // The slice_cache slot is full when the program starts (site's own slicing leaves a dead
        // slice there): the program's first slice takes that block, below the program's arena.
        freeLists.computeIfAbsent(FreeList.SLICE, k -> new ArrayDeque<>()).push(ARENA_BASE - 64);
    }

    public void setFinalizers(Finalizers finalizers) {
        this.finalizers = finalizers;
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** The live object at {@code address}, or null: what ctypes would find there. */
    public PyObject at(long address) {
        return addresses.get(address);
    }

    public long liveObjects() {
        return live;
    }

    /**
     * An object the interpreter makes for itself before the program starts (gc.garbage): allocated
     * as any other, but it neither counts toward the next collection nor stays young, since
     * CPython's startup collections have long since moved such objects to the oldest generation.
     */
    public <T extends PyObject> T allocAtStartup(T obj) {
        int count = generations[0].count;
        alloc(obj);
        generations[0].count = count;
        if (obj.isTracked()) trackOld(obj);
        return obj;
    }

    /**
     * What {@code body} makes, made as at startup (a module CPython imports before the program
     * starts): no collection starts meanwhile, the allocations do not count toward the next one,
     * and what stays tracked moves to the oldest generation, as startup's collections left it.
     */
    public void asAtStartup(Runnable body) {
        int count = generations[0].count;
        boolean enabled = gcEnabled;
        java.util.Set<PyObject> before = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (PyObject o = generations[0].head.gcNext; o != generations[0].head; o = o.gcNext) before.add(o);
        gcEnabled = false;
        try {
            body.run();
        } finally {
            gcEnabled = enabled;
            generations[0].count = count;
            for (PyObject o = generations[0].head.gcNext, next; o != generations[0].head; o = next) {
                next = o.gcNext;
                if (!before.contains(o)) trackOld(o);
            }
        }
    }

    /** An object the interpreter made and filled at startup with objects the collector tracks: tracked, and old. */
    public <T extends PyObject> T trackedAtStartup(T obj) {
        allocAtStartup(obj);
        trackOld(obj);
        return obj;
    }

    private void trackOld(PyObject obj) {
        untrack(obj);
        append(generations[GENERATIONS - 1].head, obj);
        obj.gen = (byte) (GENERATIONS - 1);
    }

    /** Gives a new object its address and its first reference, as tp_alloc does. */
    public <T extends PyObject> T alloc(T obj) {
        if (++live > limits.maxObjects()) {
            live--;
            throw new LimitExceeded("the program created more than " + limits.maxObjects() + " live objects");
        }
        obj.addr = takeAddress(obj);
        obj.refcnt = 1;
        addresses.put(obj.addr, obj);
        if (listener != null) listener.allocated(obj);
        if (obj.isGcType()) {
            generations[0].count++;
            if (rules.trackedAtCreation(obj)) track(obj);
            maybeCollect();
        }
        return obj;
    }

    public void incref(PyObject obj) {
        if (obj.refcnt >= IMMORTAL) return;
        long old = obj.refcnt++;
        if (listener != null) listener.refChanged(obj, old, old + 1);
    }

    /** Drops one reference; the object dies when it was the last. */
    public void decref(PyObject obj) {
        if (obj.refcnt >= IMMORTAL) return;
        long old = obj.refcnt--;
        if (listener != null) listener.refChanged(obj, old, old - 1);
        if (old == 1) dealloc(obj);
    }

    public void xdecref(PyObject obj) {
        if (obj != null) decref(obj);
    }

    public <T extends PyObject> T newRef(T obj) {
        incref(obj);
        return obj;
    }

    /** A copy of {@code items} owning a new reference to each: the items of a tuple made from borrowed values. */
    public PyObject[] newRefs(PyObject[] items) {
        for (PyObject o : items) incref(o);
        return items.clone();
    }

    /**
     * The trashcan (Py_TRASHCAN_BEGIN/END): containers, instances and methods untrack themselves,
     * and past 50 nested deallocations (PyTrash_UNWIND_LEVEL) are set aside instead of destroyed;
     * when the outermost one ends, the set-aside ones are destroyed newest first. Freeing a deep
     * structure so never recurses deeply, and happens in CPython's order.
     */
    private void dealloc(PyObject obj) {
        if (!obj.usesTrashcan()) {
            destroy(obj);
            return;
        }
        untrack(obj);
        if (trashNesting >= rules.trashcanKnownDepth) {
            throw new Unsupported("freeing objects nested more than " + rules.trashcanKnownDepth + " deep (from 3.13 the"
                    + " trashcan defers them by how much C stack is left, which the simulator does not know)", 0);
        }
        if (trashNesting >= rules.trashcanUnwindLevel) {
            trashLater.push(obj);
            return;
        }
        trashNesting++;
        destroy(obj);
        trashNesting--;
        if (trashNesting <= 0 && !trashLater.isEmpty()) {
            // _PyTrash_thread_destroy_chain, nesting raised so that it does not start itself again.
            trashNesting++;
            while (!trashLater.isEmpty()) dealloc(trashLater.pop());
            trashNesting--;
        }
    }

    private void destroy(PyObject obj) {
        if (obj.clearsWeakrefsBeforeFinalizer()) clearWeakRefs(obj, true);
        if (finalizers != null && !obj.finalized && finalizers.hasDel(obj)) {
            // subtype_dealloc untracks, then re-tracks the object around its finalizer, which
            // runs on a temporarily resurrected object (PyObject_CallFinalizerFromDealloc).
            untrack(obj);
            track(obj);
            obj.refcnt = 1;
            obj.finalized = true;
            finalizers.callDel(obj);
            if (--obj.refcnt > 0) return; // __del__ stored a new reference: resurrected
        }
        untrack(obj);
        clearWeakRefs(obj, true);
        obj.releaseReferences(this);
        free(obj);
    }

    /** Returns a dead object's memory: to its kind's free list, or to its size class. */
    private void free(PyObject obj) {
        live--;
        addresses.remove(obj.addr);
        if (obj.isGcType() && generations[0].count > 0) generations[0].count--;
        if (listener != null) listener.freed(obj);
        ArrayDeque<Long> list = freeListFor(obj);
        if (list != null && list.size() < obj.freeList().max) list.push(obj.addr);
        else sizeClasses.computeIfAbsent(blockSize(obj), k -> new ArrayDeque<>()).push(obj.addr);
        obj.addr = -obj.addr; // a dead object must never be mistaken for a live one
    }

    private long takeAddress(PyObject obj) {
        ArrayDeque<Long> list = freeListFor(obj);
        if (list != null && !list.isEmpty()) return list.pop();
        ArrayDeque<Long> sized = sizeClasses.get(blockSize(obj));
        if (sized != null && !sized.isEmpty()) return sized.pop();
        long at = bump;
        bump += blockSize(obj);
        return at;
    }

    private ArrayDeque<Long> freeListFor(PyObject obj) {
        FreeList kind = obj.freeList();
        if (kind == FreeList.NONE) return null;
        if (kind == FreeList.TUPLE) {
            int n = obj.freeListBucket();
            return n >= 0 ? tupleFreeLists.computeIfAbsent(n, k -> new ArrayDeque<>()) : null;
        }
        return freeLists.computeIfAbsent(kind, k -> new ArrayDeque<>());
    }

    /** pymalloc rounds requests up to 16-byte size classes (ALIGNMENT 16 on 64-bit, since 3.8). */
    private int blockSize(PyObject obj) {
        return (rules.allocSize(obj) + 15) & ~15;
    }

    /** The weak references to {@code obj}, made empty when it has none yet. */
    public WeakRefList weakrefList(PyObject obj) {
        return weakrefs.computeIfAbsent(obj, k -> new WeakRefList());
    }

    /** getweakrefcount: how many weak references to {@code obj} this run holds. */
    public int weakrefCount(PyObject obj) {
        WeakRefList list = weakrefs.get(obj);
        return list == null ? 0 : list.refs.size();
    }

    /** Removes and returns the weak references to {@code obj}; null when there are none. */
    public WeakRefList takeWeakrefs(PyObject obj) {
        return weakrefs.isEmpty() ? null : weakrefs.remove(obj);
    }

    /** weakref_dealloc's clear_weakref: the reference leaves its referent's list. */
    public void unlinkWeakref(PyObject referent, PyWeakRef ref) {
        WeakRefList list = weakrefs.get(referent);
        if (list == null) return;
        list.refs.remove(ref);
        if (list.refs.isEmpty()) weakrefs.remove(referent);
    }

    /**
     * PyObject_ClearWeakRefs: every weak reference dies, and those with callbacks call them, in
     * list order (newest first). The callback-less heads (the basic ref and proxy) just die. One
     * reference left is called as it is; several are first packed, each with its callback, into a
     * tuple that holds them all until every callback ran, then is freed (last item first).
     */
    public void clearWeakRefs(PyObject obj, boolean runCallbacks) {
        WeakRefList list = takeWeakrefs(obj);
        if (list == null) return;
        for (PyWeakRef ref : list.refs) ref.referent = null;
        if (!runCallbacks) return;
        java.util.List<PyWeakRef> rest = list.refs;
        for (int heads = 0; heads < 2 && !rest.isEmpty() && rest.get(0).callback == null; heads++) rest = rest.subList(1, rest.size());
        if (rest.size() == 1 && !rules.packsLoneWeakrefCallback) {
            PyWeakRef ref = rest.get(0);
            PyObject cb = ref.callback;
            ref.callback = null;
            if (cb == null) return;
            if (ref.refcnt > 0) finalizers.callWeakrefCallback(cb, ref); // handle_callback, the reference borrowed
            decref(cb);
            return;
        }
        if (rest.isEmpty()) return;
        PyObject[] pairs = new PyObject[rest.size() * 2];
        for (int i = 0; i < rest.size(); i++) {
            PyWeakRef ref = rest.get(i);
            PyObject cb = ref.callback;
            ref.callback = null;
            if (ref.refcnt > 0) {
                pairs[2 * i] = newRef(ref);
                pairs[2 * i + 1] = cb;
            } else {
                xdecref(cb); // a reference being freed itself is not called
            }
        }
        dev.refgrade.runtime.objects.PyTuple tuple = alloc(new dev.refgrade.runtime.objects.PyTuple(pairs));
        for (int i = 0; i < rest.size(); i++) {
            if (pairs[2 * i + 1] != null) finalizers.callWeakrefCallback(pairs[2 * i + 1], (PyWeakRef) pairs[2 * i]);
        }
        decref(tuple);
    }

    // ---- the cycle collector's lists -------------------------------------------------------

    public static final class Generation {
        final PyObject head = new Sentinel();
        public int threshold;
        public int count;
        /**
         * gcstate->generation_stats: the collections of this generation so far and the objects they
         * deleted (gc_collect_main's m); none is ever uncollectable, since Python classes have no
         * legacy finalizers. Start-up's collections are not in them: CPython's are.
         */
        public long collections, collected;

        Generation(int threshold) {
            this.threshold = threshold;
            head.gcNext = head.gcPrev = head;
        }
    }

    /** gcstate->permanent_generation: what gc.freeze() set aside, scanned by no collection and by no gc.get_objects(). */
    public final Generation permanent = new Generation(0);

    /** gc_freeze_impl: each generation, youngest first, goes to the end of the permanent one; the young count restarts. */
    public void freeze() {
        for (Generation g : generations) merge(g.head, permanent.head, PERMANENT);
        generations[0].count = 0;
    }

    /** gc_unfreeze_impl: the permanent generation goes to the end of the oldest. */
    public void unfreeze() {
        merge(permanent.head, generations[GENERATIONS - 1].head, (byte) (GENERATIONS - 1));
    }

    /** gc_list_merge: every object of the list {@code from} moves, in order, to the end of {@code to}. */
    static void merge(PyObject from, PyObject to, byte gen) {
        for (PyObject o = from.gcNext, next; o != from; o = next) {
            next = o.gcNext;
            o.gen = gen;
            append(to, o);
        }
        from.gcNext = from.gcPrev = from;
    }

    /** gc_list_size of the permanent generation. */
    public int frozen() {
        int n = 0;
        for (PyObject o = permanent.head.gcNext; o != permanent.head; o = o.gcNext) n++;
        return n;
    }

    /** _PyObject_GC_TRACK: links the object at the end of the youngest generation. */
    public void track(PyObject obj) {
        // A static object is shared by every run: linking it into this run's lists would tie the runs together.
        if (obj.gen != UNTRACKED || obj.refcnt >= IMMORTAL) return;
        append(generations[0].head, obj);
        obj.gen = 0;
    }

    public void untrack(PyObject obj) {
        if (obj.gen == UNTRACKED) return;
        unlink(obj);
        obj.gcPrev = obj.gcNext = null;
        obj.gen = UNTRACKED;
    }

    /** gc_list_remove: out of whatever list holds it, its own links left as they were. */
    static void unlink(PyObject obj) {
        obj.gcPrev.gcNext = obj.gcNext;
        obj.gcNext.gcPrev = obj.gcPrev;
    }

    static void append(PyObject head, PyObject obj) {
        PyObject last = head.gcPrev;
        last.gcNext = obj;
        obj.gcPrev = last;
        obj.gcNext = head;
        head.gcPrev = obj;
    }

    private void maybeCollect() {
        // _PyObject_GC_Link: a collection starts when the youngest generation's count of
        // allocations exceeds its threshold (700; 2000 from 3.13), unless disabled or already collecting.
        Generation g0 = generations[0];
        if (g0.count > g0.threshold && gcEnabled && g0.threshold > 0 && !collecting) {
            CycleCollector collector = new CycleCollector(this);
            if (!rules.incrementalCollector) {
                collector.collectGenerations();
                return;
            }
            // 3.14: whether a collection starts also depends on how many objects the interpreter
            // keeps alive (the heap size), and what an increment visits is not modelled: with no
            // garbage it makes no difference; with garbage the run is refused.
            if (collector.holdsGarbage()) {
                throw new Unsupported("garbage cycles when an automatic collection may start on Python " + rules.version
                        + " (when its incremental collector runs and what one increment visits is not modelled)", 0);
            }
            g0.count = 0;
        }
    }

    /** The list heads are not objects of the program; they only anchor the generation lists. */
    private static final class Sentinel extends PyObject {
        @Override
        public PyType type() {
            throw new IllegalStateException("a generation head is not a Python object");
        }

        @Override
        public int allocSize() {
            return 0;
        }
    }
}
