package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the standard library modules leave out is refused by name (exit 2), never answered with an
 * error or a value CPython would not give. What they implement is checked by the golden programs.
 */
class StdlibRefusalsTest {
    private static void assertRefused(String source, String what) {
        Programs.Result r = Programs.runIsolated("prog.py", source, Limits.DEFAULT);
        assertEquals(2, r.exitCode(), r::stderr);
        assertEquals("refgrade: unsupported: " + what + "\n", r.stderr());
    }

    @Nested
    class Collections {
        @Test
        void aSubclassOfDequeIsRefusedRatherThanBuiltAsAPlainDeque() {
            assertRefused("from collections import deque\nclass D(deque):\n    pass\nD([1])\n",
                    "an instance of a subclass of collections.deque at line 4");
        }

        @Test
        void repeatingADequeIsRefused() {
            assertRefused("from collections import deque\nd = deque([1])\nd * 2\n",
                    "repeating a deque with * (deque_repeat is not modelled) at line 3");
        }

        @Test
        void deepcopyOfADequeIsRefused() {
            assertRefused("import copy, collections\ncopy.deepcopy(collections.deque())\n",
                    "copy.deepcopy() of a 'collections.deque' object at line 2");
        }

        @Test
        void mostCommonOfAnInstanceCountIsRefused() {
            assertRefused("import collections\nclass N:\n    def __index__(self):\n        return 1\ncollections.Counter('aab').most_common(N())\n",
                    "Counter.most_common(n) of an instance n at line 5");
        }

        @Test
        void aClassOfTheModuleNotModelledIsRefusedByName() {
            assertRefused("import collections\ncollections.UserDict({})\n", "collections.UserDict (not modelled yet) at line 2");
        }

        @Test
        void aProgramSubclassOfDictIsRefusedRatherThanBuiltAsAPlainDict() {
            assertRefused("class D(dict):\n    pass\nD(a=1)\n", "an instance of a subclass of dict at line 3");
        }

        @Test
        void copyingAnOrderedDictThroughReduceIsRefused() {
            assertRefused("import copy, collections\ncopy.copy(collections.OrderedDict())\n",
                    "copy.copy() of a 'collections.OrderedDict' object at line 2");
        }

        @Test
        void aChainMapViewFromTheMappingMixinsIsRefused() {
            assertRefused("import collections\ncollections.ChainMap().keys()\n", "ChainMap.keys at line 2");
        }

        @Test
        void namedtupleModuleArgumentIsRefused() {
            assertRefused("import collections\ncollections.namedtuple('P', 'x', module='m')\n",
                    "the 'module' argument of namedtuple() at line 2");
        }
    }

    /** The order of a set display of constants, where the compiler's handling of its frozenset is not modelled. */
    @Nested
    class SetDisplayOrders {
        @Test
        void anIdentifierLikeStrWhoseInterningWouldReorderTheSetIsRefused() {
            assertRefused("print({71, 'len', 48, 7})\n",
                    "a set display of constants holding identifier-like strings whose order depends on which strings CPython"
                            + " interned at start-up at line 1");
        }

        @Test
        void equalSetDisplaysBuiltInOtherOrdersAreRefusedOn314() {
            Programs.Result r = Programs.runIsolated("prog.py", "print({0, 8, 16})\nprint({16, 8, 0})\n", Limits.DEFAULT, PythonVersion.V3_14);
            assertEquals(2, r.exitCode(), r::stderr);
            assertEquals("refgrade: unsupported: a set display equal to an earlier one of the file but built in another order"
                    + " (which of the two 3.14 keeps for both is not modelled) at line 2\n", r.stderr());
        }

        @Test
        void equalSetDisplaysShareTheFirstOnesOrderBefore314() {
            Programs.Result r = Programs.runIsolated("prog.py", "print({0, 8, 16})\nprint({16, 8, 0})\n", Limits.DEFAULT);
            assertEquals("{0, 8, 16}\n{0, 8, 16}\n", r.stdout(), r::stderr);
        }
    }

    /** CPython runs these as the Python of a Lib/ file: an uncaught exception's traceback prints its lines. */
    @Nested
    class TracebacksThroughLibraryPython {
        private static final String INSTALLED = " (CPython prints the path and lines of its installed file)";

        @Test
        void aMissingKeyOfAChainMapUncaughtIsRefused() {
            assertRefused("import collections\ncollections.ChainMap()['z']\n",
                    "a traceback through Lib/collections/__init__.py's ChainMap.__missing__" + INSTALLED + " at line 2");
        }

        @Test
        void aKeyDeletedFromAChainMapsSecondMappingUncaughtIsRefused() {
            assertRefused("import collections\ndel collections.ChainMap({}, {'b': 1})['b']\n",
                    "a traceback through Lib/collections/__init__.py's ChainMap.__delitem__" + INSTALLED + " at line 2");
        }

        @Test
        void aCounterUpdatedFromANonIterableUncaughtIsRefused() {
            assertRefused("import collections\nc = collections.Counter()\nc.update(5)\n",
                    "a traceback through Lib/collections/__init__.py's Counter.update" + INSTALLED + " at line 3");
        }

        @Test
        void capwordsOfNoneUncaughtIsRefused() {
            assertRefused("import string\nstring.capwords(None)\n", "a traceback through Lib/string.py's capwords" + INSTALLED + " at line 2");
        }

        @Test
        void enterContextOfANonManagerUncaughtIsRefused() {
            assertRefused("import contextlib\ncontextlib.ExitStack().enter_context(1)\n",
                    "a traceback through Lib/contextlib.py's ExitStack.enter_context" + INSTALLED + " at line 2");
        }

        @Test
        void totalOrderingWithoutAnOrderingUncaughtIsRefused() {
            assertRefused("import functools\n@functools.total_ordering\nclass A:\n    pass\n",
                    "a traceback through Lib/functools.py's total_ordering" + INSTALLED + " at line 2");
        }
    }

    @Nested
    class NotModelled {
        @Test
        void aSlotWrapperAClassInheritsFromObjectIsRefusedNotAnAttributeError() {
            assertRefused("class K:\n    pass\nprint(K.__hash__)\n", "the attribute '__hash__' of type object 'K' (not modelled yet) at line 3");
        }

        @Test
        void dataclassWeakrefSlotIsRefusedNotIgnored() {
            assertRefused("from dataclasses import dataclass\n@dataclass(slots=True, weakref_slot=True)\nclass P:\n    x: int\n",
                    "the 'weakref_slot' argument of dataclasses.dataclass() at line 2");
        }

        @Test
        void anUncaughtErrorThroughTheLibrarysPythonCodeIsRefusedNotPrintedWithAnotherPath() {
            assertRefused("from dataclasses import asdict\nprint(1)\nasdict(1)\n",
                    "a traceback through Lib/dataclasses.py's asdict (CPython prints the path and lines of its installed file) at line 3");
        }

        @Test
        void makeDataclassIsRefusedByName() {
            assertRefused("from dataclasses import make_dataclass\n",
                    "'make_dataclass' of module 'dataclasses' (not modelled yet) at line 1");
        }

    }

    /** enum is modelled for plain Enum classes on 3.11; the rest of Lib/enum.py is refused by name. */
    @Nested
    class Enums {
        private static final String COLOR = "from enum import Enum\nclass Color(Enum):\n    RED = 1\n";

        @Test
        void theClassesNotModelledAreRefusedByName() {
            assertRefused("from enum import IntEnum\n", "'IntEnum' of module 'enum' (not modelled yet) at line 1");
            assertRefused("import enum\nenum.Flag\n", "the attribute 'Flag' of module 'enum' (not modelled yet) at line 2");
            assertRefused("from enum import StrEnum\n", "'StrEnum' of module 'enum' (not modelled yet) at line 1");
        }

        @Test
        void aDataTypeOrMixinBaseIsRefused() {
            assertRefused("from enum import Enum\nclass C(int, Enum):\n    A = 1\n",
                    "an enum with a data type or mixin base (int): only plain Enum subclasses are modelled at line 2");
        }

        @Test
        void theFlagHooksOfAnEnumClassAreRefusedNotIgnored() {
            assertRefused("from enum import Enum\nclass C(Enum):\n    _numeric_repr_ = repr\n",
                    "defining _numeric_repr_ in an enum class (a Flag's) at line 3");
        }

        @Test
        void anIgnoreNamingAMemberAlreadySetIsRefused() {
            assertRefused("from enum import Enum\nclass C(Enum):\n    A = 1\n    _ignore_ = 'A'\n",
                    "an _ignore_ naming members already set (its ValueError shows a set) at line 4");
        }

        @Test
        void anEnumWithSlotsIsRefused() {
            assertRefused(COLOR + "    __slots__ = ()\n", "an enum class with __slots__ at line 2");
        }

        @Test
        void anEnumWithItsOwnNewIsRefused() {
            assertRefused(COLOR + "    def __new__(cls, v):\n        return object.__new__(cls)\n", "an enum class with its own __new__ at line 2");
        }

        @Test
        void membershipOfANonMemberIsRefusedFor311sWarning() {
            assertRefused(COLOR + "print(1 in Color)\n", "'in' of a value that is not an enum member on Python 3.11"
                    + " (it prints a DeprecationWarning through the warnings module) at line 4");
        }

        @Test
        void aTracebackThroughEnumsCodeIsRefused() {
            assertRefused(COLOR + "Color(5)\n", "a traceback through Lib/enum.py's __call__ (CPython prints the path and lines"
                    + " of its installed file) at line 4");
        }

        @Test
        void aTracebackOfAnErrorOfEnumTypeDoneInJavaIsRefused() {
            assertRefused("from enum import Enum\nclass C(Enum):\n    A = 1\n    A = 2\n", "a traceback through Lib/enum.py (CPython"
                    + " prints the path and lines of its installed file) at line 4");
            assertRefused(COLOR + "Color.RED = 2\n", "a traceback through Lib/enum.py (CPython prints the path and lines of its"
                    + " installed file) at line 4");
        }

        @Test
        void enumOnPython313IsRefused() {
            Programs.Result r = Programs.runIsolated("prog.py", "import enum\n", Limits.DEFAULT, PythonVersion.V3_13);
            assertEquals(2, r.exitCode(), r::stderr);
            assertEquals("refgrade: unsupported: enum on Python 3.13 (modelled as 3.11's and 3.12's Lib/enum.py) at line 1\n", r.stderr());
        }

        @Test
        void dirOfAMemberIsRefusedForObjectsDict() {
            assertRefused(COLOR + "dir(Color.RED)\n", "the __dict__ of builtin type 'object' at line 4");
        }

        @Test
        void aMemberNamedLikeABaseClassPropertyIsRefused() {
            assertRefused("from enum import Enum\nclass C(Enum):\n    name = 1\n",
                    "an enum member named 'name' like a property of its base class at line 2");
        }

        @Test
        void aClassInsideAnEnumIsRefusedFor311sWarning() {
            assertRefused(COLOR + "    class Inner:\n        pass\n", "a class defined inside an enum class (3.11 warns with a"
                    + " DeprecationWarning that it will stop being a member) at line 4");
        }

        @Test
        void aMetaclassOfTheProgramIsStillRefused() {
            assertRefused("class M(type):\n    pass\nclass C(metaclass=M):\n    pass\n",
                    "metaclass=M (a metaclass other than type) at line 3");
        }
    }

    @Nested
    class Weakref {
        private static final String WVD = "import weakref\nclass C:\n    pass\nc = C()\nd = weakref.WeakValueDictionary()\nd['k'] = c\n";

        private static final String PROXY = "import weakref\nclass C:\n    def __int__(self):\n        return 1\nc = C()\np = weakref.proxy(c)\n";

        @Test
        void aProxyHandedToABuiltinThatLooksAtItsTypeIsRefusedNotAnsweredForProxyType() {
            assertRefused(PROXY + "int(p, 10)\n", "a weakref proxy passed to int() (its forwarding there is not modelled) at line 7");
            assertRefused(PROXY + "round(p)\n", "a weakref proxy passed to builtins.round() (its forwarding there is not modelled) at line 7");
            assertRefused(PROXY + "'%d' % (p,)\n", "a weakref proxy passed to the % operator of a str or bytes (its forwarding there is not modelled) at line 7");
        }

        @Test
        void aMappingMixinTheWeakDictionariesLackIsRefusedNotAnAttributeError() {
            assertRefused(WVD + "d.clear()\n", "WeakValueDictionary.clear (MutableMapping's mixin) (not modelled) at line 7");
            assertRefused(WVD + "d == {}\n", "WeakValueDictionary.__eq__ (Mapping's mixin) (not modelled) at line 7");
        }

        @Test
        void aSetOperationOfAWeakSetIsRefused() {
            assertRefused("import weakref\ns = weakref.WeakSet()\ns | s\n", "WeakSet's set operations (not modelled) at line 3");
        }
    }

    @Nested
    class Gc {
        @Test
        void theReferentsOfAFunctionAreRefusedSinceItsBuiltinsDictIsNotAnObject() {
            assertRefused("import gc\ndef f():\n    pass\ngc.get_referents(f)\n",
                    "gc.get_referents() of a function (its __builtins__ dict is not modelled) at line 4");
        }

        @Test
        void theReferentsOfABuiltinFunctionAreRefusedSinceItsModuleIsNotAnObject() {
            assertRefused("import gc\ngc.get_referents(len)\n", "gc.get_referents() of a builtin function (its module is not modelled) at line 2");
        }

        @Test
        void theGarbageOfAClassWithNamedSlotsIsRefusedUnderSaveAll() {
            assertRefused("import gc\nclass S:\n    __slots__ = ('a',)\ngc.set_debug(gc.DEBUG_SAVEALL)\ndel S\ngc.collect()\n",
                    "gc.garbage or DEBUG_COLLECTABLE's list when a class with __slots__ is collected (its member descriptors are not"
                            + " modelled) at line 6");
        }

        @Test
        void collectableDebuggingLeftOnAtExitIsRefusedSinceCPythonThenListsItsOwnObjects() {
            assertRefused("import gc\ngc.set_debug(gc.DEBUG_COLLECTABLE)\nprint(1)\n", "gc.DEBUG_COLLECTABLE still set when the interpreter"
                    + " exits (CPython then also reports the interpreter's own objects its final collections free, which are not modelled)"
                    + " at line 3");
        }

        @Test
        void theCountOfACollectedClassWithNamedSlotsIsNotClaimed() {
            Programs.Result r = Programs.runIsolated("prog.py", "import gc\nclass S:\n    __slots__ = ('a',)\ndel S\nprint(gc.collect())\n",
                    Limits.DEFAULT);
            assertEquals(0, r.exitCode(), r::stderr);
            org.junit.jupiter.api.Assertions.assertTrue(r.stderr().contains("refgrade: note: line 5 printed a value"), r::stderr);
        }
    }

    @Nested
    class TheInterpretersOwnHooks {
        @Test
        void settingSysExcepthookIsRefusedSinceTheUncaughtExceptionWouldGoThroughIt() {
            assertRefused("import sys\nsys.excepthook = print\nraise ValueError\n",
                    "changing sys.excepthook (the interpreter reads it) at line 2");
        }

        @Test
        void deletingSysStdoutIsRefused() {
            assertRefused("import sys\ndel sys.stdout\n", "changing sys.stdout (the interpreter reads it) at line 2");
        }

        @Test
        void anUncaughtExceptionThroughCopyPyIsRefusedForItsTraceback() {
            assertRefused("import copy\nclass C:\n    def __copy__(self):\n        raise TypeError('no')\ncopy.copy(C())\n",
                    "a traceback through Lib/copy.py's copy (CPython prints the path and lines of its installed file) at line 4");
        }

        @Test
        void anUncaughtExceptionThroughNamedtupleMakeIsRefusedForItsTraceback() {
            assertRefused("import collections\nP = collections.namedtuple('P', 'x y')\nP._make([1])\n",
                    "a traceback through Lib/collections/__init__.py (CPython prints the path and lines of its installed file) at line 3");
        }
    }

    @Nested
    class Conversions {
        @Test
        void aSliceIndexGivenAsAnInstanceIsRefusedRatherThanAnsweredWithATypeError() {
            assertRefused("class I:\n    def __index__(self):\n        return 1\n[1, 2, 1].index(1, I())\n",
                    "a slice index that is an instance (its __index__) at line 4");
        }

        @Test
        void aSliceBoundThatIsAnInstanceIsRefusedAtTheLineThatSlices() {
            assertRefused("class I:\n    def __init__(self, n):\n        self.n = n\n    def __index__(self):\n        return self.n\n"
                    + "x = [1, 2, 3]\nprint(x[I(1):I(2)])\n", "a slice bound that is an instance (its __index__) at line 7");
        }

        @Test
        void intThroughTruncIsRefusedSinceCPythonWarnsOfIt() {
            assertRefused("class T:\n    def __trunc__(self):\n        return 4\nint(T())\n",
                    "int() through __trunc__ (3.11 warns with a DeprecationWarning) at line 4");
        }

        @Test
        void intAndFloatOfAMemoryviewAreRefused() {
            assertRefused("int(memoryview(b'12'))\n", "int() of a memoryview (its buffer) at line 1");
            assertRefused("float(memoryview(b'1.5'))\n", "float() of a memoryview (its buffer) at line 1");
        }

        @Test
        void theNewOfASubclassOfABuiltinTypeIsRefusedWhereverItIsLookedUp() {
            assertRefused("class U(str):\n    def __new__(cls, s):\n        return super().__new__(cls, s.upper())\nU('a')\n",
                    "an instance of a subclass of str made by __new__ at line 3");
            assertRefused("class P(tuple):\n    def __new__(cls, x):\n        return tuple.__new__(cls, (x,))\nP(1)\n",
                    "an instance of a subclass of tuple made by __new__ at line 3");
            assertRefused("int.__new__(int)\n", "int.__new__() called directly at line 1");
        }

        @Test
        void anIndexThatIsABoolIsRefusedSinceCPythonWarnsOfIt() {
            assertRefused("import operator\nclass I:\n    def __index__(self):\n        return True\noperator.index(I())\n",
                    "__index__ returning a bool (3.11 warns with a DeprecationWarning) at line 5");
        }
    }
}
