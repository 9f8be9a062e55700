package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.LimitExceeded;
import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Output;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.VersionRules;
import dev.refgrade.runtime.World;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.IntDigits;
import dev.refgrade.runtime.protocol.Ops;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.GcModule;
import dev.refgrade.runtime.stdlib.Modules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simulated CPython interpreter: its heap, its modules, its output. It makes the objects
 * CPython's constructors make, sharing the static singletons where CPython does.
 */
public final class PyRuntime {
    public static final PySingleton NONE = StaticObjects.place(new PySingleton("None", PyType.NONE));
    public static final PySingleton NOT_IMPLEMENTED =
            StaticObjects.place(new PySingleton("NotImplemented", PyType.NOT_IMPLEMENTED));
    public static final PySingleton ELLIPSIS = StaticObjects.place(new PySingleton("Ellipsis", PyType.ELLIPSIS));
    public static final PyBool FALSE = StaticObjects.place(new PyBool(false));
    public static final PyBool TRUE = StaticObjects.place(new PyBool(true));
    public static final PyTuple EMPTY_TUPLE = StaticObjects.place(new PyTuple(new PyObject[0]));
    public static final PyStr EMPTY_STR = StaticObjects.place(new PyStr(""));
    private static final PyInt[] SMALL_INTS = new PyInt[262];
    private static final PyStr[] LATIN1 = new PyStr[256];
    /**
     * 3.11's deep-frozen stdlib modules hold their own static copy of each string in their code, and
     * _PyStaticCode_InternStrings interns the names and identifier-like constants among them at
     * start-up, before any latin-1 singleton is interned: for these one-character strings interning
     * hands back that copy, not the singleton chr() and indexing return. The characters are those
     * tools/startup-interned-chars.py finds in CPython 3.11.7's frozen modules.
     */
    private static final String FROZEN_ONE_CHAR_NAMES = "BCLST_abcdefhijklmnopqrstvwxy";
    private static final PyStr[] FROZEN_COPIES = new PyStr[128];
    /** bool_repr's results: the static identifiers _Py_ID(True) and _Py_ID(False), the same object each time. */
    public static final PyStr TRUE_TEXT = StaticObjects.place(new PyStr("True"));
    public static final PyStr FALSE_TEXT = StaticObjects.place(new PyStr("False"));
    private static final PyBytes EMPTY_BYTES = StaticObjects.place(new PyBytes(new byte[0]));
    private static final PyBytes[] BYTE_CHARS = new PyBytes[256];

    static {
        // Ints -5..256 and one-character Latin-1 strings are static singletons in 3.11's _PyRuntime.
        for (int i = 0; i < SMALL_INTS.length; i++) SMALL_INTS[i] = StaticObjects.place(new PyInt(i - 5));
        for (int c = 0; c < 256; c++) LATIN1[c] = StaticObjects.place(new PyStr(String.valueOf((char) c)));
        for (char c : FROZEN_ONE_CHAR_NAMES.toCharArray()) {
            FROZEN_COPIES[c] = StaticObjects.place(new PyStr(String.valueOf(c)));
        }
        // bytes_empty and bytes_characters: 3.11's static bytes of length 0 and 1.
        for (int c = 0; c < 256; c++) BYTE_CHARS[c] = StaticObjects.place(new PyBytes(new byte[] {(byte) c}));
        Builtins.installTypes();
    }

    public final Heap heap;
    public final Ops ops;
    public final Interpreter interp;
    public final Limits limits;
    /** Read only through {@link #address}, {@link #real}, {@link #unknownCount} and the hashes below, which note it. */
    private final World world;
    /** The CPython version this run reproduces: the switches for what changed after 3.11. */
    public final VersionRules rules;
    /** The deviations this run makes from CPython's semantics, one bit per ordinal; 0 for the simulator proper. */
    private final long variations;
    /**
     * The variations this run asked about, whether it makes them or not, one bit per ordinal: a
     * mechanism never asked about did not run, so deviating in it would change nothing.
     */
    private long consulted;
    /** Under EQUAL_INTS_SHARED, the one int object of each value beyond the small ints; null until one is made. */
    private Map<BigInteger, PyInt> sharedInts;
    /** Objects `del` destroyed under DEL_DESTROYS, though references to them remain; null until one is. */
    private Set<PyObject> destroyed;
    public final Output out;
    final Map<String, PyModule> modules = new HashMap<>();
    /** Names an embedder adds to this run's builtins (probe helpers); immortal, so never counted. */
    final Map<String, PyObject> extraBuiltins = new HashMap<>();
    /**
     * The functions atexit calls at exit (weakref.finalize's _exitfunc), each owned here, kept per
     * run: a table shared by all runs would hold on to every run that a limit stopped before its exit handlers.
     */
    public final List<PyObject> finalizers = new ArrayList<>();
    /**
     * The globals of this run's enum module (Lib/enum.py's Python part, run at its import), which its
     * classes' metaclass reads (Enum, auto, EnumType's methods); null until `import enum`.
     */
    public PyDict enumGlobals;
    /** sys.set_int_max_str_digits: this interpreter's limit on decimal int<->str conversions (0: none). */
    public int intMaxStrDigits = IntDigits.DEFAULT_MAX;
    /**
     * Whether a set came to hold two or more members, one of them hashed from text (a str, bytes, or
     * a tuple or frozenset holding one): its order then follows PYTHONHASHSEED, random per process.
     */
    public boolean setOrderFollowsHashSeed;
    /** The facts of the world that reached what the program can observe, one bit per World.Fact (see {@link #observed}). */
    private int observed;
    /** How many hashes so far were drawn from the world: hash() and a set compare it before and after. */
    private long worldHashes;
    /** How many of those were addresses (_Py_HashPointer). */
    private long addressHashes;
    long steps;
    private static final long CLOCK_EVERY = 1024;
    private long nextClockLook = CLOCK_EVERY;
    /** The System.nanoTime() past which the run stops. */
    private final long deadline;

    public PyRuntime(Limits limits, Output out) {
        this(limits, out, World.BASE);
    }

    public PyRuntime(Limits limits, Output out, World world) {
        this(limits, out, world, Set.of());
    }

    public PyRuntime(Limits limits, Output out, World world, Set<Variation> variations) {
        this(limits, out, world, variations, VersionRules.V3_11);
    }

    public PyRuntime(Limits limits, Output out, World world, Set<Variation> variations, VersionRules rules) {
        this.limits = limits;
        this.rules = rules;
        this.world = world;
        this.out = out;
        long bits = 0;
        for (Variation v : variations) bits |= 1L << v.ordinal();
        this.variations = bits;
        this.deadline = System.nanoTime() + Math.min(limits.maxMillis(), Long.MAX_VALUE / 4_000_000L) * 1_000_000L;
        this.heap = new Heap(limits, rules);
        heap.cyclesLeak = () -> varies(Variation.CYCLES_NEVER_FREED);
        this.ops = new Ops(this);
        this.interp = new Interpreter(this);
        heap.setFinalizers(interp);
        GcModule.startup(this);
    }

    public Output output() {
        return out;
    }

    /**
     * Whether this run deviates from CPython in {@code v}'s mechanism, asked where that mechanism
     * runs (never ahead of it, so that {@link #consulted} holds only mechanisms that ran).
     */
    public boolean varies(Variation v) {
        consulted |= 1L << v.ordinal();
        return (variations & 1L << v.ordinal()) != 0;
    }

    /**
     * What the program could observe of its world: an address shown (id, a default repr), a shared
     * object's count, a hash drawn from the world that hash() returned or that ordered a set of two
     * or more. A run that observed none does the same in every world, since a world differs only in
     * what these return, so the other worlds need not be run.
     */
    public Set<World.Fact> observed() {
        Set<World.Fact> out = EnumSet.noneOf(World.Fact.class);
        for (World.Fact f : World.Fact.values()) if ((observed & 1 << f.ordinal()) != 0) out.add(f);
        return out;
    }

    /**
     * Notes that what the program can see now follows hashes drawn from the world (a set's order, a
     * hash returned), and so follows addresses too when some of them were {@code fromAddresses}.
     */
    public void observeHashes(boolean fromAddresses) {
        observed |= 1 << World.Fact.HASH.ordinal();
        if (fromAddresses) observed |= 1 << World.Fact.ADDRESS.ordinal();
    }

    /** The address the program sees for an object the heap placed at {@code real}: observed. */
    public long address(long real) {
        observed |= 1 << World.Fact.ADDRESS.ordinal();
        return world.address(real);
    }

    /** The heap's address behind one the program saw (ctypes): observed. */
    public long real(long seen) {
        observed |= 1 << World.Fact.ADDRESS.ordinal();
        return world.real(seen);
    }

    /** A count only CPython's internals fix (a shared object's): observed. */
    public long unknownCount(long simulated) {
        observed |= 1 << World.Fact.COUNT.ordinal();
        return world.unknownCount(simulated);
    }

    /**
     * A hash seeded per process (str, bytes, memoryview: PYTHONHASHSEED), not observed by itself: a
     * dict finds the same keys under any hashes, calling __eq__ only on equal ones (lookdict), and
     * iterates in insertion order. Counted, for hash() and sets to tell (see {@link #worldHashes()}).
     */
    public long textHash(long base) {
        worldHashes++;
        return world.strHash(base);
    }

    /** _Py_HashPointer's input: the address, counted as {@link #textHash} is, not observed by itself. */
    public long addressForHash(long real) {
        worldHashes++;
        addressHashes++;
        return world.address(real);
    }

    /** A hash kept from an earlier draw (a weakref's, a memoryview's), counted again as one drawn from the world, and from an address, may be. */
    public long drawnAgain(long cached) {
        worldHashes++;
        addressHashes++;
        return cached;
    }

    /** How many hashes drawn from the world so far were addresses. */
    public long addressHashes() {
        return addressHashes;
    }

    /** How many hashes were drawn from the world so far: a change across a hash tells that hash came from it. */
    public long worldHashes() {
        return worldHashes;
    }

    /** The variations this run asked about: a run that never asked about one is the same run with it. */
    public Set<Variation> consulted() {
        Set<Variation> out = EnumSet.noneOf(Variation.class);
        for (Variation v : Variation.values()) if ((consulted & 1L << v.ordinal()) != 0) out.add(v);
        return out;
    }

    /** Whether `del` destroyed {@code o} under Variation.DEL_DESTROYS (references to it may remain). */
    public boolean destroyedByDel(PyObject o) {
        return destroyed != null && destroyed.contains(o);
    }

    /** Variation.DEL_DESTROYS: {@code o} counts as gone, though references to it remain. */
    void destroyByDel(PyObject o) {
        if (destroyed == null) destroyed = Collections.newSetFromMap(new IdentityHashMap<>());
        destroyed.add(o);
    }

    public static PyBool bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public PyInt newInt(long v) {
        if (PyInt.isCached(v) && !varies(Variation.NO_SMALL_INTS)) return SMALL_INTS[(int) v + 5];
        if (varies(Variation.EQUAL_INTS_SHARED)) return sharedInt(BigInteger.valueOf(v));
        return heap.alloc(new PyInt(v));
    }

    public PyInt newInt(BigInteger v) {
        if (v.bitLength() < 63) return newInt(v.longValue());
        if (varies(Variation.EQUAL_INTS_SHARED)) return sharedInt(v);
        return heap.alloc(new PyInt(v));
    }

    /** A fresh, never-shared int: how CPython builds a big literal before the compiler merges it. */
    public PyInt newUncachedInt(BigInteger v) {
        if (v.bitLength() < 63 && PyInt.isCached(v.longValue()) || varies(Variation.EQUAL_INTS_SHARED)) return newInt(v);
        return heap.alloc(new PyInt(v));
    }

    /** EQUAL_INTS_SHARED: every int is cached as the small ones are, one immortal object per value. */
    private PyInt sharedInt(BigInteger v) {
        if (sharedInts == null) sharedInts = new HashMap<>();
        return sharedInts.computeIfAbsent(v, k -> {
            PyInt i = heap.alloc(new PyInt(k));
            i.refcnt = Heap.IMMORTAL;
            return i;
        });
    }

    public PyComplex newComplex(double real, double imag) {
        return heap.alloc(new PyComplex(real, imag));
    }

    public PyFloat newFloat(double v) {
        return heap.alloc(new PyFloat(v));
    }

    /**
     * A new str as unicode_result leaves it: the empty string and one-character Latin-1 strings are
     * the shared singletons (what chr(), indexing, slicing, splitting and decoding give).
     */
    public PyStr newStr(String s) {
        if (s.length() == 1 && s.charAt(0) < 256) return LATIN1[s.charAt(0)];
        return newStrUnshared(s);
    }

    /**
     * A new str that CPython makes with PyUnicode_New, fills in and returns as it is, never swapped
     * for a singleton: case mappings, replace, join, padding, stepped slices, str(int). One
     * character long, it is not the object chr() gives; only the empty str is shared.
     */
    public PyStr newStrUnshared(String s) {
        if (s.isEmpty()) return EMPTY_STR;
        checkStringLength(s.length());
        charge(s.length());
        return varies(Variation.EQUAL_STRS_SHARED) ? intern(heap.alloc(new PyStr(s))) : heap.alloc(new PyStr(s));
    }

    /** A new bytes owning {@code b}; the empty and one-byte bytes are shared singletons (PyBytes_FromStringAndSize). */
    public PyBytes newBytes(byte[] b) {
        if (b.length == 0) return EMPTY_BYTES;
        if (b.length == 1) return BYTE_CHARS[b[0] & 0xff];
        checkStringLength(b.length);
        charge(b.length);
        return heap.alloc(new PyBytes(b));
    }

    /** Stops a run about to hold a string past the sequence limit, best before the text is built. */
    public void checkStringLength(long chars) {
        if (chars > limits.maxSequenceLength()) {
            throw new LimitExceeded("the program built a string longer than " + limits.maxSequenceLength() + " characters");
        }
    }

    /** sys.intern / compile-time interning: the one interned str equal to {@code s}, taking ownership of s. */
    public PyStr intern(PyStr s) {
        PyStr existing = heap.interned.get(s.value);
        if (existing == null) existing = internedAtStartup(s.value);
        if (existing != null) {
            if (existing != s) {
                heap.incref(existing);
                heap.decref(s);
            }
            return existing;
        }
        // A static str that start-up left out joins this run's table as it is, unmarked: every run shares it.
        if (s.refcnt < Heap.IMMORTAL) s.interned = true;
        heap.interned.put(s.value, s);
        return s;
    }

    /**
     * The strs interned before the program runs. In 3.11, the deep-frozen stdlib's own copies of
     * some one-character names (FROZEN_ONE_CHAR_NAMES); the interpreter's static strings are
     * interned only when something interns them. From 3.12 the static strings are interned at
     * start-up (init_global_interned_strings): the latin-1 singletons and identifiers such as
     * bool's 'True' and 'False'.
     */
    private PyStr internedAtStartup(String v) {
        if (!rules.staticStringsInterned) return v.length() == 1 && v.charAt(0) < FROZEN_COPIES.length ? FROZEN_COPIES[v.charAt(0)] : null;
        if (v.length() == 1 && v.charAt(0) < 256) return LATIN1[v.charAt(0)];
        return v.equals("True") ? TRUE_TEXT : v.equals("False") ? FALSE_TEXT : null;
    }

    /** The interned str for a name: attribute and variable names are interned by the compiler. */
    public PyStr name(String s) {
        if (s.length() <= 1) return intern(newStr(s));
        PyStr existing = heap.interned.get(s);
        if (existing != null) {
            heap.incref(existing);
            return existing;
        }
        return intern(newStr(s));
    }

    /**
     * A tuple of borrowed arguments, holding its own reference to each: what _PyObject_MakeTpCall
     * and a METH_VARARGS builtin pack their arguments into while the call runs.
     */
    public PyTuple argumentTuple(PyObject[] borrowed) {
        PyObject[] items = borrowed.clone();
        for (PyObject a : items) heap.incref(a);
        return newTuple(items);
    }

    /** Takes ownership of the items; the empty tuple is a singleton. */
    public PyTuple newTuple(PyObject... owned) {
        if (owned.length == 0) return EMPTY_TUPLE;
        if (owned.length > limits.maxSequenceLength()) {
            for (PyObject o : owned) heap.decref(o);
            throw new LimitExceeded("the program built a tuple longer than " + limits.maxSequenceLength() + " items");
        }
        charge(owned.length);
        return heap.alloc(new PyTuple(owned));
    }

    /** PySlice_New taking over the three bounds (None where absent): the cached slice's memory when there is one. */
    public PySlice newSlice(PyObject start, PyObject stop, PyObject step) {
        return heap.alloc(new PySlice(start, stop, step));
    }

    public PyList newList(PyObject[] owned, int size) {
        if (size > limits.maxSequenceLength()) {
            for (int i = 0; i < size; i++) heap.decref(owned[i]);
            checkListLength(size);
        }
        charge(size);
        return heap.alloc(new PyList(owned, size));
    }

    /** Stops a run whose list would grow past the sequence limit: a list of one object costs no objects. */
    public void checkListLength(long items) {
        if (items > limits.maxSequenceLength()) {
            throw new LimitExceeded("the program built a list longer than " + limits.maxSequenceLength() + " items");
        }
    }

    public PyList newList() {
        return newList(new PyObject[0], 0);
    }

    public PyDict newDict() {
        return heap.alloc(new PyDict());
    }

    public PySet newSet(boolean frozen) {
        return heap.alloc(new PySet(frozen));
    }

    public PyException error(PyType type, String message) {
        return new PyException(type, message);
    }

    /** KeyError(key): the key itself is the exception's argument. */
    public PyException keyError(PyObject key) {
        PyException e = new PyException(PyExc.KEY_ERROR, ops.repr(key));
        e.argument = heap.newRef(key);
        return e;
    }

    public PyException typeError(String message) {
        return new PyException(PyExc.TYPE_ERROR, message);
    }

    /** The simulator's refusal of {@code what}, placed at the line now running. */
    public Unsupported refusal(String what) {
        var frame = interp.currentFrame();
        return new Unsupported(what, frame == null ? 0 : frame.line);
    }

    /** Counts one executed statement. */
    void step() {
        charge(1);
    }

    /**
     * Counts {@code n} steps of work (a statement, or the items and characters a builtin goes through),
     * ending the run past the step limit; each 1024 steps it also looks at the clock, so a deadline is
     * checked where the work is done, inside builtins as much as between statements.
     */
    public void charge(long n) {
        steps += n;
        if (steps > limits.maxSteps()) {
            throw new LimitExceeded("the program ran more than " + limits.maxSteps() + " steps (an endless loop?)");
        }
        if (steps >= nextClockLook) {
            nextClockLook = steps + CLOCK_EVERY;
            if (System.nanoTime() - deadline > 0) {
                throw new LimitExceeded("the program ran for more than " + limits.maxMillis() + " ms");
            }
        }
    }

    /** Adds a builtin function visible to this run only; it lives outside the simulated heap. */
    public void addBuiltin(String name, String signature, PyBuiltin.Impl impl) {
        PyBuiltin b = new PyBuiltin("builtins", name, Signature.parse(signature).named(name, name), impl, null);
        b.refcnt = Heap.IMMORTAL;
        extraBuiltins.put(name, b);
    }

    /** The static small int {@code v} (-5..256), for a module's constants, which every run shares. */
    public static PyInt smallInt(int v) {
        if (!PyInt.isCached(v)) throw new IllegalArgumentException("only cached ints are static: " + v);
        return SMALL_INTS[v + 5];
    }

    /** Binds a builtin name to a small int (a static object, so the binding allocates nothing). */
    public void addBuiltinInt(String name, int value) {
        if (!PyInt.isCached(value)) throw new IllegalArgumentException("only cached ints are static: " + value);
        extraBuiltins.put(name, SMALL_INTS[value + 5]);
    }

    public PyModule importModule(String name) {
        PyModule m = modules.get(name);
        if (m == null) {
            m = Modules.create(this, name);
            if (m == null) throw error(PyExc.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'");
            modules.put(name, m);
        }
        heap.incref(m);
        return m;
    }
}
