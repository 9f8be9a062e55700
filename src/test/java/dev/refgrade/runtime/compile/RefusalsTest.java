package dev.refgrade.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Programs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Syntax the parser accepts but the simulator does not run yet: refused by name before anything runs. */
class RefusalsTest {
    private static void assertRefused(String source, String construct, int line) {
        Programs.Result r = Programs.run("prog.py", source, Limits.DEFAULT);
        assertEquals("refgrade: unsupported: " + construct + " at line " + line + "\n", r.stderr());
        assertEquals("", r.stdout());
        assertEquals(2, r.exitCode());
    }

    @Nested
    class Statements {
        @Test
        void exceptStar() {
            assertRefused("try:\n    pass\nexcept* E:\n    pass\n", "try statement with except*", 1);
        }

        @Test
        void relativeImport() {
            assertRefused("from . import path as p\n", "relative import", 1);
        }

        @Test
        void starImport() {
            assertRefused("from gc import *\n", "from ... import *", 1);
        }
    }

    @Nested
    class Definitions {
        @Test
        void baseUnpackingInAClassStatement() {
            assertRefused("class A(*bases):\n    pass\n", "base unpacking with * in a class statement", 1);
        }

        @Test
        void classKeywordArgument() {
            assertRefused("class A(B, flavour=1):\n    pass\n", "class keyword argument 'flavour' (passed to __init_subclass__)", 1);
        }

        @Test
        void metaclassOtherThanType() {
            assertRefused("class A(B, metaclass=M):\n    pass\n", "metaclass=M (a metaclass other than type)", 1);
        }
    }

    @Nested
    class Expressions {
        @Test
        void twoStarredAssignmentTargets() {
            assertRefused("a, *b, *c = xs\n", "multiple starred expressions in assignment", 1);
        }

        @Test
        void unpackingInDisplaysIsNoLongerRefused() {
            Programs.Result r = Programs.run("prog.py", "a = [1]\nd = {}\nprint([*a, *a], (*a,), {*a}, {**d, 'k': 1})\n", Limits.DEFAULT);
            assertEquals("[1, 1] (1,) {1} {'k': 1}\n", r.stdout());
        }

        @Test
        void assignmentExpressionsAreNoLongerRefused() {
            Programs.Result r = Programs.run("prog.py", "if (n := 10) > 5:\n    print(n, [y for x in 'ab' if (y := x)], y)\n", Limits.DEFAULT);
            assertEquals("10 ['a', 'b'] b\n", r.stdout(), r.stderr());
        }
    }

    @Nested
    class Order {
        @Test
        void theFirstRefusedConstructInTheSourceIsNamed() {
            assertRefused("x = 1\nfrom . import m\nclass A(*bs):\n    pass\n", "relative import", 2);
        }

        @Test
        void onTheSameLineTheLeftmostIsNamed() {
            assertRefused("class A(*bs, metaclass=M):\n    pass\n", "base unpacking with * in a class statement", 1);
        }

        @Test
        void aRefusedConstructNestedInsideAnotherIsNamedAfterIt() {
            assertRefused("try:\n    from . import m\nexcept E:\n    pass\n", "relative import", 2);
        }

        @Test
        void nothingRunsBeforeTheRefusal() {
            assertRefused("print('hi')\ndef f():\n    from . import m\n", "relative import", 3);
        }

        @Test
        void aSyntaxErrorIsReportedBeforeAnyRefusedConstruct() {
            Programs.Result r = Programs.run("prog.py", "from . import m\nx = = 1\n", Limits.DEFAULT);
            assertEquals(1, r.exitCode());
            assertEquals(true, r.stderr().endsWith("SyntaxError: invalid syntax\n"));
        }
    }
}
