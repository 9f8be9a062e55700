package dev.refgrade.runtime;

import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What changed in CPython after 3.11 that a run can see, one switch per change, consulted at the
 * one place in the runtime where that mechanism lives (never by looking at a program). Each switch
 * names the CPython change that made it. The values are those of 64-bit Linux builds; where the
 * 32-bit WebAssembly builds that stand in for 3.12-3.14 here differ (immortal counts, sizes), the
 * exercise checker reports the fact as not checkable rather than comparing it.
 */
public final class VersionRules {
    /** The rules of CPython 3.11, the simulator's base. */
    public static final VersionRules V3_11 = new VersionRules(PythonVersion.V3_11, VersionChange.of(PythonVersion.V3_11));

    public final PythonVersion version;

    /**
     * PEP 683 (3.12): None, True, False, Ellipsis, NotImplemented, the small ints, the empty tuple,
     * the empty and one-character Latin-1 strings and the static builtin types are immortal
     * ({@link PyObject#immortal}): their count never changes, and sys.getrefcount reports the
     * immortal value. 3.12 and 3.13 set it to _Py_IMMORTAL_REFCNT, UINT_MAX on 64-bit builds; 3.14
     * starts immortals at _Py_IMMORTAL_INITIAL_REFCNT, 3 << 30, and Py_REFCNT reads the low 32-bit
     * word of the count (gh-125174). 0 before 3.12: such counts are the interpreter's business.
     */
    public final long immortalRefcount;

    /**
     * PEP 709 (3.12): list, set and dict comprehensions are inlined into the code that contains
     * them: no function object is made for them and no frame of their own runs them, so a
     * traceback shows no `<listcomp>` entry. (Generator expressions still get their own frame.)
     */
    public final boolean inlinedComprehensions;

    /**
     * PEP 623 (3.12): str objects lost their wstr cache: the header of an ASCII compact string is
     * 40 bytes instead of 48, that of another compact string 56 instead of 72.
     */
    private final int asciiStrHeader, compactStrHeader;

    /**
     * gh-95245 (3.12): an instance's weak reference list moved into the pre-header its dict pointer
     * already had (Py_TPFLAGS_MANAGED_WEAKREF): a plain class's instance lost the 8-byte
     * tp_weaklistoffset slot.
     */
    private final int instanceWeaklistSlot;

    /** gh-131525 (3.14): a tuple caches its hash in a new ob_hash field, 8 more bytes. */
    private final int tupleHashSlot;

    /**
     * gh-115776 (3.13): a materialized instance `__dict__` keeps the instance's inline values as its
     * own (PyDict.embeddedValues): the collector reaches the values through the instance and never
     * the dict, so a collected instance's dict is not counted by gc.collect().
     */
    public final boolean embeddedInstanceValues;

    /**
     * The collector's thresholds, gc.get_threshold(): (700, 10, 10) until 3.12; 3.13 raised the
     * youngest generation's to 2000 (Python/gc.c, _PyGC_InitState); 3.14's are (2000, 10, 0).
     */
    public final int[] gcThresholds;

    /**
     * The trashcan (Py_TRASHCAN_BEGIN): until 3.12 a deallocation nested 50 deep (PyTrash_UNWIND_LEVEL)
     * is set aside and done when the outermost one ends. From 3.13 it is set aside only when the C
     * recursion budget is within Py_TRASHCAN_HEADROOM of its end (_PyTrash_begin; 3.14 measures the C
     * stack itself, _Py_ReachedRecursionLimitWithMargin), near 10000 levels down on 64-bit Linux:
     * no set-aside up to {@link #trashcanKnownDepth}, and past that depth the run is refused.
     */
    public final int trashcanUnwindLevel, trashcanKnownDepth;

    /**
     * init_global_interned_strings (3.12): start-up interns the interpreter's static strings (the
     * latin-1 singletons, the _Py_ID identifiers), and deepfreeze.py refers to them where 3.11's
     * deep-frozen stdlib held copies of its own, interned first (PyRuntime.internedAtStartup): from
     * 3.12 interning 'a' gives the singleton chr(97) is, and 'True' the str str(True) is.
     */
    public final boolean staticStringsInterned;

    /**
     * CONVERT_VALUE (3.13): FORMAT_VALUE was split up, and an f-string field's !r, !s or !a
     * conversion now runs before the fields of its spec are evaluated, where it ran after them.
     */
    public final boolean conversionBeforeSpec;

    /** compiler_with (3.12): the __exit__ calls are located at the context manager's expression. */
    public final boolean withExitAtManager;

    /** PEP 701 (3.12): an f-string's fields have positions of their own, which FORMAT_VALUE's errors point at. */
    public final boolean fstringFieldPositions;

    /** list_ass_subscript (3.12): a plain slice refuses a non-iterable in the extended slice's words. */
    public final boolean sliceAssignWording;

    /** _PySequence_IterSearch (3.14): "is not a container or iterable". */
    public final boolean containerWording;

    /** formatchar (3.14): "%c requires an int or a unicode character, not ...". */
    public final boolean percentCWording;

    /** gh-126835 (3.14): a set display's frozenset constant is not made anew when it is merged. */
    public final boolean frozensetConstantsAsBuilt;

    /** dict_unhashable_type and set_unhashable_type (3.14): "cannot use 'list' as a dict key (...)". */
    public final boolean unhashableKeyWording;

    /**
     * 3.13: at exit, the main module's objects are finalized in an order the simulator does not model
     * (3.11 and 3.12 finalize them in the collector's order, as one garbage cycle with the namespace):
     * a shutdown that would run two or more finalizers there is refused.
     */
    public final boolean exitFinalizationReordered;

    /**
     * 3.14 (_PyObject_MaybeCallSpecialNoArgs): round() and math.floor, ceil and trunc call the
     * class's method with the object as its argument, where 3.11 bound it first
     * (_PyObject_LookupSpecial), one more reference while it runs.
     */
    public final boolean specialCallsUnbound;

    /** 3.14 (PySequence_Tuple): tuple(iterable) takes the items without PyObject_LengthHint, so a class's __len__ is not called. */
    public final boolean tupleWithoutLengthHint;

    /**
     * The calls that pack their arguments into a tuple held while the call runs (type_call through
     * _PyObject_MakeTpCall for a type without vectorcall; print's METH_VARARGS): str() and int()
     * until 3.13 (unicode_vectorcall, long_vectorcall), print() until 3.14.
     */
    public final boolean strIntVectorcall, printFastcall;

    /** count_run (3.13): list.sort takes runs of equal items into a descending run (ListSort). */
    public final boolean equalRunsDescend;

    /** set_mro_error (3.13): the MRO conflict's message lost its line break. */
    public final boolean mroErrorOneLine;

    /** float_pow, complex_pow (3.14): "zero to a negative power", "zero to a negative or complex power". */
    public final boolean zeroPowerWording;

    /**
     * PEP 667 (3.13): a function frame's f_locals is a write-through proxy over the frame's
     * variables, no longer a dict snapshot holding a second reference to each value.
     */
    public final boolean frameLocalsProxy;

    /**
     * 3.13: uncaught exceptions are printed by traceback.py (_print_exception_bltin), whose markers
     * also split a call into '~' under the function and '^' under its arguments, except for a
     * plain-named call that is the whole value of `return` or of `name = ...` (_should_show_carets);
     * the C printer, left to unraisable errors ("Exception ignored in"), draws no markers at all.
     */
    public final boolean tracebackPy;

    /**
     * gh-130704 (3.14): LOAD_FAST_BORROW. A local loaded for an instruction that consumes it at once
     * (a call's argument, a method call's receiver) goes on the stack without a reference of its
     * own, and a Python function's parameter bound to it stays borrowed: sys.getrefcount(local) is
     * one lower, and calls down a chain add no reference per frame.
     */
    public final boolean borrowedLoads;

    /**
     * gh-126835 (3.14): tuples, unary and binary operations of constants are folded after the parse
     * tree is made (codegen, flowgraph), so the parse tree no longer holds the folded constant while
     * the file runs; sys.getrefcount of one is one lower.
     */
    public final boolean foldingAfterParse;

    /**
     * gh-127010 (3.14): dicts are tracked by the collector from their creation and never untracked
     * (no MAINTAIN_TRACKING, no _PyDict_MaybeUntrack).
     */
    public final boolean dictsAlwaysTracked;

    /**
     * 3.14: a tuple whose items are none of them objects the collector tracks by type is created
     * untracked (_PyTuple_FromArray and BUILD_TUPLE); before, every tuple started tracked and only
     * a collection untracked those of atoms.
     */
    public final boolean atomTuplesUntracked;

    /**
     * 3.14 (gh-108362): the collector is incremental, thresholds (2000, 10, 0): an automatic
     * collection, started by the young count and the heap's size, scans the young generation and
     * an increment of the old one. Where the simulator would start one, it refuses the run if there
     * is garbage then (without garbage a collection changes nothing seen); gc.collect(1), young
     * plus an increment, is refused.
     */
    public final boolean incrementalCollector;

    /**
     * 3.14 (PyErr_FormatUnraisable): an exception ignored in a finalizer, a weakref callback or a
     * generator's close says so: "Exception ignored while calling deallocator <what>:".
     */
    public final boolean unraisableSaysWhile;

    /**
     * 3.14: `with` looks __exit__ up before __enter__ (LOAD_SPECIAL), and a missing __enter__ is
     * named too: "... does not support the context manager protocol (missed __enter__ method)".
     */
    public final boolean withExitFirst;

    /** PEP 765 (3.14): return, break or continue leaving a finally block is a SyntaxWarning at compile time. */
    public final boolean finallyExitWarnings;

    /** 3.14: _PyFrame_ClearLocals pops the frame's locals like a stack: cells, then locals, last to first. */
    public final boolean localsClearedLastFirst;

    /**
     * 3.12 (gh-91432 BINARY_SLICE/STORE_SLICE): `a[lo:hi]` builds its slice inside the
     * instruction and drops it before the container (BINARY_SUBSCR drops the container first).
     */
    public final boolean binarySlice;

    /** gh-101264 (3.12): slice objects are hashable, slice_hash the tuple hash's xxHash lanes over start, stop, step. */
    public final boolean hashableSlices;

    /**
     * gh-69639 (3.14): complex +, -, * and / with a real operand work on the complex's parts
     * (_Py_cr_sum, _Py_rc_diff, _Py_cr_prod, _Py_cr_quot...) instead of converting the real first.
     */
    public final boolean mixedModeComplex;

    /** 3.12's odict_repr: "%s(%R)" of PyDict_Copy(self) instead of a list of (key, value) pairs. */
    public final boolean odictReprAsDict;

    /** gh-87995 (3.12): mappingproxy_hash, the mapping's hash. */
    public final boolean hashableMappingProxy;
    /** gh-117281 (3.13): proxy_repr worded as weakref_repr, "<weakproxy at X; to 'C' at Y>" or "; dead>". */
    public final boolean proxyReprLikeRef;
    /** gh-89967, gh-123089 (3.14): the weak containers iterate over copies, without _IterationGuard. */
    public final boolean weakContainersIterateCopies;
    /**
     * 3.13 (PyObject_ClearWeakRefs reworked for free threading): even a lone reference with a
     * callback is packed into the tuple that holds it while its callback runs.
     */
    public final boolean packsLoneWeakrefCallback;

    /** 3.12's check_compare names the literal's type in its SyntaxWarning; 3.11 says "a literal". */
    public final boolean isLiteralWarningNamesType;

    /** gh-98963 (3.12): property_init keeps a getter's None __doc__ only before 3.12. */
    public final boolean propertyKeepsNoneDoc;

    /** gh-87634 (3.12): cached_property.__init__ no longer sets self.lock = RLock(). */
    public final boolean cachedPropertyLock;

    /** gh-115775, gh-118465 (3.13): __static_attributes__ and __firstlineno__ in every class dict; such dicts are refused there. */
    public final boolean classStaticAttributes;

    /** 3.13: an AttributeError from setting or deleting on an object with no __dict__ adds "and no __dict__ for setting new attributes". */
    public final boolean noDictSaysSo;

    /** gh-108191 (3.13): SimpleNamespace(mapping_or_iterable, /, **kwargs); a positional argument is refused there. */
    public final boolean namespaceFromMapping;

    /** PEP 649 (3.14): annotations are evaluated lazily by __annotate__; variable annotations are refused there. */
    public final boolean deferredAnnotations;

    /** gh-125063 (3.14): a slice whose bounds are all literals is a constant of the code, not built at run time. */
    public final boolean constantSlices;

    /**
     * gh-102192 (3.12): format_kwargs_error reads the raised exception's args, so a KeyError of one
     * argument a mapping's __getitem__ raised is reworded too (3.11 saw only the unnormalized tuple
     * C code sets).
     */
    public final boolean kwargsKeyErrorArgs;

    /** The version's rules, or with some of its changes left out or later ones put in. */
    public final Set<VersionChange> changes;

    private VersionRules(PythonVersion v, Set<VersionChange> changes) {
        this.version = v;
        Set<VersionChange> own = EnumSet.noneOf(VersionChange.class);
        own.addAll(changes);
        this.changes = Collections.unmodifiableSet(own);
        this.immortalRefcount = !has(VersionChange.IMMORTAL_OBJECTS) ? 0 : v.atLeast(PythonVersion.V3_14) ? 3L << 30 : 0xFFFFFFFFL;
        this.inlinedComprehensions = has(VersionChange.INLINED_COMPREHENSIONS);
        this.binarySlice = has(VersionChange.BINARY_SLICE);
        this.hashableSlices = has(VersionChange.HASHABLE_SLICES);
        this.hashableMappingProxy = has(VersionChange.HASHABLE_MAPPINGPROXY);
        this.odictReprAsDict = has(VersionChange.ODICT_REPR_AS_DICT);
        this.proxyReprLikeRef = has(VersionChange.PROXY_REPR_LIKE_REF);
        this.weakContainersIterateCopies = has(VersionChange.WEAK_CONTAINERS_ITERATE_COPIES);
        this.packsLoneWeakrefCallback = has(VersionChange.LONE_WEAKREF_CALLBACK_PACKED);
        this.cachedPropertyLock = !has(VersionChange.CACHED_PROPERTY_WITHOUT_LOCK);
        this.propertyKeepsNoneDoc = !has(VersionChange.PROPERTY_DROPS_NONE_DOC);
        this.isLiteralWarningNamesType = has(VersionChange.IS_LITERAL_WARNING_NAMES_TYPE);
        this.classStaticAttributes = has(VersionChange.CLASS_STATIC_ATTRIBUTES);
        this.namespaceFromMapping = has(VersionChange.NAMESPACE_FROM_MAPPING);
        this.noDictSaysSo = has(VersionChange.NO_DICT_SAYS_SO);
        this.constantSlices = has(VersionChange.CONSTANT_SLICES);
        this.conversionBeforeSpec = has(VersionChange.CONVERSION_BEFORE_SPEC);
        this.mroErrorOneLine = has(VersionChange.MRO_ERROR_ONE_LINE);
        this.equalRunsDescend = has(VersionChange.EQUAL_RUNS_DESCEND);
        this.exitFinalizationReordered = has(VersionChange.EXIT_FINALIZATION_ORDER);
        this.specialCallsUnbound = has(VersionChange.SPECIAL_CALLS_UNBOUND);
        this.tupleWithoutLengthHint = has(VersionChange.TUPLE_WITHOUT_LENGTH_HINT);
        this.strIntVectorcall = has(VersionChange.STR_INT_VECTORCALL);
        this.printFastcall = has(VersionChange.PRINT_FASTCALL);
        this.containerWording = has(VersionChange.CONTAINER_WORDING);
        this.percentCWording = has(VersionChange.PERCENT_C_WORDING);
        this.unhashableKeyWording = has(VersionChange.UNHASHABLE_KEY_WORDING);
        this.frozensetConstantsAsBuilt = has(VersionChange.FROZENSET_CONSTANTS_AS_BUILT);
        this.sliceAssignWording = has(VersionChange.SLICE_ASSIGN_WORDING);
        this.fstringFieldPositions = has(VersionChange.FSTRING_FIELD_POSITIONS);
        this.withExitAtManager = has(VersionChange.WITH_EXIT_AT_MANAGER);
        this.zeroPowerWording = has(VersionChange.ZERO_POWER_WORDING);
        this.staticStringsInterned = has(VersionChange.STATIC_STRINGS_INTERNED);
        this.kwargsKeyErrorArgs = has(VersionChange.KWARGS_KEYERROR_ARGS);
        this.mixedModeComplex = has(VersionChange.MIXED_MODE_COMPLEX);
        this.deferredAnnotations = has(VersionChange.DEFERRED_ANNOTATIONS);
        boolean slimStr = has(VersionChange.SMALLER_STR_HEADERS);
        this.asciiStrHeader = slimStr ? 40 : 48;
        this.compactStrHeader = slimStr ? 56 : 72;
        this.instanceWeaklistSlot = has(VersionChange.MANAGED_WEAKREF) ? 0 : 8;
        this.tupleHashSlot = has(VersionChange.TUPLE_HASH_CACHE) ? 8 : 0;
        this.borrowedLoads = has(VersionChange.BORROWED_LOADS);
        this.foldingAfterParse = has(VersionChange.FOLDING_AFTER_PARSE);
        this.dictsAlwaysTracked = has(VersionChange.DICTS_ALWAYS_TRACKED);
        this.atomTuplesUntracked = has(VersionChange.ATOM_TUPLES_UNTRACKED);
        this.incrementalCollector = has(VersionChange.INCREMENTAL_COLLECTOR);
        this.unraisableSaysWhile = has(VersionChange.UNRAISABLE_SAYS_WHILE);
        this.withExitFirst = has(VersionChange.WITH_EXIT_FIRST);
        this.finallyExitWarnings = has(VersionChange.FINALLY_EXIT_WARNINGS);
        this.localsClearedLastFirst = has(VersionChange.LOCALS_CLEARED_LAST_FIRST);
        this.embeddedInstanceValues = has(VersionChange.EMBEDDED_INSTANCE_VALUES);
        boolean stackTrashcan = has(VersionChange.TRASHCAN_BY_STACK);
        this.trashcanUnwindLevel = stackTrashcan ? Integer.MAX_VALUE : 50;
        this.trashcanKnownDepth = stackTrashcan ? 5000 : Integer.MAX_VALUE;
        this.frameLocalsProxy = has(VersionChange.FRAME_LOCALS_PROXY);
        this.tracebackPy = has(VersionChange.TRACEBACK_IN_PYTHON);
        this.gcThresholds = new int[] {has(VersionChange.YOUNG_THRESHOLD_2000) ? 2000 : 700, 10,
                has(VersionChange.INCREMENTAL_COLLECTOR) ? 0 : 10};
    }

    private boolean has(VersionChange c) {
        return changes.contains(c);
    }

    public static VersionRules of(PythonVersion v) {
        return v == PythonVersion.V3_11 ? V3_11 : new VersionRules(v, VersionChange.of(v));
    }

    /**
     * These rules with {@code c} left out if they have it, or put in if not: a version as it would be
     * without one of its changes, so that a difference between two versions' answers can be traced to
     * the change that makes it.
     */
    public VersionRules flipped(VersionChange c) {
        Set<VersionChange> other = EnumSet.noneOf(VersionChange.class);
        other.addAll(changes);
        if (!other.remove(c)) other.add(c);
        return new VersionRules(version, other);
    }

    /** Whether the collector tracks {@code o} from its allocation. */
    public boolean trackedAtCreation(PyObject o) {
        return switch (o) {
            case PyDict d when dictsAlwaysTracked -> true;
            case PyTuple t when atomTuplesUntracked -> {
                // A tuple made empty to be filled in (PyTuple_New) is tracked, as it always was.
                for (PyObject item : t.items) if (item == null || item.isGcType()) yield true;
                yield false;
            }
            default -> o.trackedAtCreation();
        };
    }

    /** Whether {@code o} is immortal in this version (never before 3.12). */
    public boolean immortal(PyObject o) {
        return immortalRefcount > 0 && o.immortal();
    }

    /**
     * The bytes this version's allocator is asked for {@code o} (header and pre-header included):
     * what sys.getsizeof reports and which pymalloc size class its block comes from. The objects
     * give 3.11's sizes; only what changed since is adjusted here.
     */
    public int allocSize(PyObject o) {
        return switch (o) {
            case PyStr s -> s.allocSize(asciiStrHeader, compactStrHeader);
            case PyInstance i when i.type().slots == null -> i.allocSize() - 8 + instanceWeaklistSlot;
            case PyTuple t -> t.allocSize() + tupleHashSlot;
            default -> o.allocSize();
        };
    }
}
