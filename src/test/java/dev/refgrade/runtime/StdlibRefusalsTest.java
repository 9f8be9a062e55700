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

    @Nested
    class NotModelled {
        @Test
        void dataclassKeywordOnlyIsRefusedNotIgnored() {
            assertRefused("from dataclasses import dataclass\n@dataclass(kw_only=True)\nclass P:\n    x: int\n",
                    "the 'kw_only' argument of dataclasses.dataclass() at line 2");
        }

        @Test
        void anUncaughtErrorThroughTheLibrarysPythonCodeIsRefusedNotPrintedWithAnotherPath() {
            assertRefused("from dataclasses import asdict\nprint(1)\nasdict(1)\n",
                    "a traceback through Lib/dataclasses.py's asdict (CPython prints the path and lines of its installed file) at line 3");
        }

        @Test
        void fieldMetadataIsRefusedNotIgnored() {
            assertRefused("from dataclasses import field\nf = field(metadata={'unit': 'cm'})\n",
                    "the 'metadata' argument of dataclasses.field() at line 2");
        }

        @Test
        void importingEnumSaysWhatItNeeds() {
            assertRefused("import enum\n", "import of module 'enum' (its classes are built by the EnumType metaclass, which makes"
                    + " the members while the class body is turned into a class; metaclasses are not modelled yet) at line 1");
        }
    }

    @Nested
    class Weakref {
        private static final String WVD = "import weakref\nclass C:\n    pass\nc = C()\nd = weakref.WeakValueDictionary()\nd['k'] = c\n";

        private static final String PROXY = "import weakref\nclass C:\n    def __int__(self):\n        return 1\nc = C()\np = weakref.proxy(c)\n";

        @Test
        void aProxyHandedToABuiltinThatLooksAtItsTypeIsRefusedNotAnsweredForProxyType() {
            assertRefused(PROXY + "int(p)\n", "a weakref proxy passed to int() (its forwarding there is not modelled) at line 7");
            assertRefused(PROXY + "abs(p)\n", "a weakref proxy passed to builtins.abs() (its forwarding there is not modelled) at line 7");
        }

        @Test
        void iteratingAWeakValueDictionaryIsRefusedNotATypeError() {
            assertRefused(WVD + "for k in d:\n    pass\n", "iterating a WeakValueDictionary (Lib/weakref.py's generator) at line 7");
        }

        @Test
        void aMethodTheLibraryClassHasIsRefusedNotAnAttributeError() {
            assertRefused(WVD + "d.keys()\n", "the attribute 'keys' of 'WeakValueDictionary' objects (not modelled yet) at line 7");
        }
    }
}
