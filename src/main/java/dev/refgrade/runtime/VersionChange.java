package dev.refgrade.runtime;

import java.util.EnumSet;
import java.util.Set;

/**
 * One change to CPython after 3.11 that a program can see, with the version that made it and the
 * CPython change behind it. {@link VersionRules} is made of the changes a version has; a run can
 * also be made with one change left out (or added), which is how a grader finds which change makes
 * two versions answer a question differently.
 *
 * @param effect what the change does, in a student's words, completing "from CPython 3.N, ..."
 */
public enum VersionChange {
    IMMORTAL_OBJECTS(PythonVersion.V3_12, "PEP 683", "None, True, False, small ints, the empty tuple and other objects the"
            + " interpreter shares are immortal: their reference count never changes, and sys.getrefcount reports a fixed huge number"),
    INLINED_COMPREHENSIONS(PythonVersion.V3_12, "PEP 709", "list, set and dict comprehensions run inside the code that contains"
            + " them, with no function or frame of their own"),
    SMALLER_STR_HEADERS(PythonVersion.V3_12, "PEP 623", "a str no longer has a wstr cache: 8 bytes smaller (16 for non-ASCII text)"),
    MANAGED_WEAKREF(PythonVersion.V3_12, "gh-95245", "an instance keeps its weak reference list before the object: a plain"
            + " instance is 8 bytes smaller"),
    EMBEDDED_INSTANCE_VALUES(PythonVersion.V3_13, "gh-115776", "an instance's __dict__ keeps its values inside the instance, so"
            + " gc.collect() no longer counts a collected instance's dict"),
    YOUNG_THRESHOLD_2000(PythonVersion.V3_13, "Python/gc.c", "the collector starts by itself after 2000 new objects instead of 700"),
    TRASHCAN_BY_STACK(PythonVersion.V3_13, "Py_TRASHCAN_BEGIN", "a long chain of objects is freed in one go, not 50 levels at a time"),
    FRAME_LOCALS_PROXY(PythonVersion.V3_13, "PEP 667", "a function frame's f_locals is a live proxy, not a dict holding a second"
            + " reference to each local"),
    TRACEBACK_IN_PYTHON(PythonVersion.V3_13, "traceback.py", "uncaught tracebacks are printed by the traceback module, with ~ and ^"
            + " markers under calls"),
    BORROWED_LOADS(PythonVersion.V3_14, "gh-130704", "a local passed as an argument (or called as a method's object) is borrowed:"
            + " the call adds no reference of its own, so sys.getrefcount(x) of a local is one lower and a chain of calls adds nothing"
            + " per frame"),
    FOLDING_AFTER_PARSE(PythonVersion.V3_14, "gh-126835", "constants such as (1, 2) or 2 ** 10 are folded after parsing, so the"
            + " parse tree no longer holds a reference to them while the file runs"),
    DICTS_ALWAYS_TRACKED(PythonVersion.V3_14, "gh-127010", "every dict is tracked by the garbage collector, even one of plain values"),
    ATOM_TUPLES_UNTRACKED(PythonVersion.V3_14, "_PyTuple_FromArray", "a tuple of ints, strings and other plain values is never tracked by"
            + " the garbage collector"),
    INCREMENTAL_COLLECTOR(PythonVersion.V3_14, "gh-108362", "the garbage collector is incremental, with thresholds (2000, 10, 0)"),
    TUPLE_HASH_CACHE(PythonVersion.V3_14, "gh-131525", "a tuple caches its hash: 8 bytes more"),
    UNRAISABLE_SAYS_WHILE(PythonVersion.V3_14, "PyErr_FormatUnraisable", "an exception ignored in __del__ or a callback is reported"
            + " as 'Exception ignored while calling deallocator'"),
    WITH_EXIT_FIRST(PythonVersion.V3_14, "LOAD_SPECIAL", "`with` looks up __exit__ before __enter__"),
    FINALLY_EXIT_WARNINGS(PythonVersion.V3_14, "PEP 765", "return, break or continue leaving a finally block is a SyntaxWarning"),
    LOCALS_CLEARED_LAST_FIRST(PythonVersion.V3_14, "_PyFrame_ClearLocals", "a function's locals are freed last to first when it returns"),
    BINARY_SLICE(PythonVersion.V3_12, "gh-91432", "a[lo:hi] frees its slice object before the container, and a[lo:hi] op= v makes two"
            + " slice objects"),
    HASHABLE_SLICES(PythonVersion.V3_12, "gh-101264", "slice objects are hashable"),
    ODICT_REPR_AS_DICT(PythonVersion.V3_12, "odict_repr", "an OrderedDict's repr shows a dict, OrderedDict({'a': 1}), instead of"
            + " a list of pairs"),
    HASHABLE_MAPPINGPROXY(PythonVersion.V3_12, "gh-87995", "a mappingproxy is hashable when its mapping is: hash() of a class's"
            + " __dict__ complains about the dict"),
    IS_LITERAL_WARNING_NAMES_TYPE(PythonVersion.V3_12, "check_compare", "the SyntaxWarning for `is` with a literal names the"
            + " literal's type: \"is\" with 'int' literal"),
    PROPERTY_DROPS_NONE_DOC(PythonVersion.V3_12, "gh-98963", "a property whose getter has no docstring keeps no __doc__ of its"
            + " own, so it holds no reference to None"),
    CACHED_PROPERTY_WITHOUT_LOCK(PythonVersion.V3_12, "gh-87634", "functools.cached_property no longer makes an RLock for each"
            + " property"),
    CLASS_STATIC_ATTRIBUTES(PythonVersion.V3_13, "gh-115775", "a class's __dict__ also holds __firstlineno__ and"
            + " __static_attributes__ (the names its methods assign on self)"),
    NO_DICT_SAYS_SO(PythonVersion.V3_13, "_PyObject_GenericSetAttrWithDict", "setting or deleting an attribute an object"
            + " without a __dict__ lacks says 'and no __dict__ for setting new attributes'"),
    NAMESPACE_FROM_MAPPING(PythonVersion.V3_13, "gh-108191", "types.SimpleNamespace takes a mapping or an iterable of pairs"
            + " as a positional argument"),
    DEFERRED_ANNOTATIONS(PythonVersion.V3_14, "PEP 649", "annotations are evaluated only when __annotations__ is read, through a"
            + " generated __annotate__ function"),
    MIXED_MODE_COMPLEX(PythonVersion.V3_14, "gh-69639", "an int or float meeting a complex in +, -, * or / is no longer made a"
            + " complex first, so infinities, NaNs and signed zeros come out as in mathematics"),
    PROXY_REPR_LIKE_REF(PythonVersion.V3_13, "gh-117281", "the repr of a weakref.proxy is worded as a weakref's,"
            + " <weakproxy at ...; to 'C' at ...>, and says dead once its object died"),
    KWARGS_KEYERROR_ARGS(PythonVersion.V3_12, "gh-102192", "f(**m) reports any KeyError of one argument that m raises (its"
            + " __getitem__'s own too) as 'got multiple values for keyword argument'"),
    LONE_WEAKREF_CALLBACK_PACKED(PythonVersion.V3_13, "PyObject_ClearWeakRefs", "an object's only weak reference with a"
            + " callback is held by a tuple while its callback runs, as several always were: one reference more to it there"),
    WEAK_CONTAINERS_ITERATE_COPIES(PythonVersion.V3_14, "gh-89967, gh-123089", "WeakValueDictionary, WeakKeyDictionary and"
            + " WeakSet iterate over a copy of their data, so an entry whose object dies goes at once, even during an iteration,"
            + " where it used to wait in _pending_removals until the iteration ended"),
    STATIC_STRINGS_INTERNED(PythonVersion.V3_12, "init_global_interned_strings", "the interpreter's own strings are the"
            + " interned ones: a one-character name or constant such as 'a' is the object chr(97) gives, and 'True' the one str(True)"
            + " gives, where 3.11 interned copies of its own"),
    CONVERSION_BEFORE_SPEC(PythonVersion.V3_13, "CONVERT_VALUE", "an f-string field such as {x!r:{w}} converts x"
            + " before it evaluates the fields of its spec"),
    MRO_ERROR_ONE_LINE(PythonVersion.V3_13, "set_mro_error", "the error for bases whose MROs cannot be merged is one line:"
            + " 'Cannot create a consistent method resolution order (MRO) for bases X, Y'"),
    ZERO_POWER_WORDING(PythonVersion.V3_14, "float_pow, complex_pow", "zero to a negative power says so in words:"
            + " 'zero to a negative power', where it said '0.0 cannot be raised to a negative power'"),
    STR_INT_VECTORCALL(PythonVersion.V3_13, "unicode_vectorcall, long_vectorcall", "str(x) and int(x) are called without"
            + " packing x into an argument tuple: one reference fewer to it while its __str__ or __int__ runs"),
    PRINT_FASTCALL(PythonVersion.V3_14, "builtin_print", "print() takes its arguments without packing them into a tuple:"
            + " one reference fewer to each while its __str__ runs"),
    TUPLE_WITHOUT_LENGTH_HINT(PythonVersion.V3_14, "PySequence_Tuple", "tuple() of an iterable no longer asks its __len__"
            + " for a size before it takes the items"),
    SPECIAL_CALLS_UNBOUND(PythonVersion.V3_14, "_PyObject_MaybeCallSpecialNoArgs", "round() and math.floor(), ceil() and"
            + " trunc() call a class's __round__, __floor__, __ceil__ or __trunc__ without binding it: one reference fewer to"
            + " the object while it runs"),
    EXIT_FINALIZATION_ORDER(PythonVersion.V3_13, "Py_FinalizeEx", "the objects a program still holds when it ends are"
            + " finalized in another order (the simulator refuses to say which when two or more are)"),
    EQUAL_RUNS_DESCEND(PythonVersion.V3_13, "count_run", "list.sort finds its natural runs anew: runs of equal items join a"
            + " descending run, so a class's __lt__ is called on other pairs, and as often or less"),
    CONTAINER_WORDING(PythonVersion.V3_14, "_PySequence_IterSearch", "`x in y` of a y that is neither a container"
            + " nor iterable says 'argument of type 'int' is not a container or iterable'"),
    SLICE_ASSIGN_WORDING(PythonVersion.V3_12, "list_ass_subscript", "assigning what is not iterable to a[lo:hi] says"
            + " 'must assign iterable to extended slice', as a[::2] always did"),
    FSTRING_FIELD_POSITIONS(PythonVersion.V3_12, "PEP 701", "a traceback marks the failing field of an f-string, {n:abc},"
            + " where it marked the whole f-string"),
    WITH_EXIT_AT_MANAGER(PythonVersion.V3_12, "compiler_with", "a traceback through a with statement's __exit__ marks"
            + " the context manager's expression, where 3.11 showed the with line alone"),
    PERCENT_C_WORDING(PythonVersion.V3_14, "formatchar", "'%c' % x of what is neither an int nor one character says"
            + " '%c requires an int or a unicode character, not float' (or 'not a string of length 2')"),
    UNHASHABLE_KEY_WORDING(PythonVersion.V3_14, "dict_unhashable_type", "a dict key or set element that cannot be hashed says"
            + " \"cannot use 'list' as a dict key (unhashable type: 'list')\" (or \"as a set element\")"),
    FROZENSET_CONSTANTS_AS_BUILT(PythonVersion.V3_14, "gh-126835", "the frozenset constant a set display of constants"
            + " is made from keeps the order its items were added in, where merge_consts_recursive had made it anew from its"
            + " own iteration order (which can reorder items whose hashes collide)"),
    CONSTANT_SLICES(PythonVersion.V3_14, "gh-125063", "a slice whose bounds are all literals, as in a[1:3], is a constant of the code,"
            + " made once when the code is compiled");

    public final PythonVersion since;
    /** The PEP, gh issue or CPython function that made the change. */
    public final String source;
    public final String effect;

    VersionChange(PythonVersion since, String source, String effect) {
        this.since = since;
        this.source = source;
        this.effect = effect;
    }

    /** Every change {@code v} has. */
    public static Set<VersionChange> of(PythonVersion v) {
        Set<VersionChange> in = EnumSet.noneOf(VersionChange.class);
        for (VersionChange c : values()) if (v.atLeast(c.since)) in.add(c);
        return in;
    }

    /** "from CPython 3.14, a local passed ... (gh-130704)": a sentence part naming the change. */
    public String words() {
        return "from CPython " + since + ", " + effect + " (" + source + ")";
    }
}
