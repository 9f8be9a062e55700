package dev.refgrade.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.refgrade.python.ParseError.Problem;
import dev.refgrade.python.SymbolScope.Binding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one symbol-table pass: how each scope classifies its names, and the errors CPython's symtable and compiler raise. */
class SymtableTest {
    private static Module parse(String source) {
        try {
            return Parser.parse("prog.py", source);
        } catch (ParseError e) {
            return fail("unexpected problems: " + e.problems());
        }
    }

    /** The scope of the first statement of the module, a def or class. */
    private static SymbolScope first(String source) {
        Module m = parse(source);
        return m.scope().child(m.body().get(0));
    }

    private static void assertError(String source, String message, int line, int col) {
        Problem p = assertThrows(ParseError.class, () -> Parser.parse("prog.py", source)).reported();
        assertEquals(message, p.message());
        assertEquals(List.of(line, col), List.of(p.line(), p.col()));
    }

    @Nested
    class Classification {
        @Test
        void moduleNamesAreLookedUpByName() {
            assertEquals(Binding.NAME, parse("x = 1\n").scope().binding("x"));
        }

        @Test
        void assignedNameIsLocalAndOthersGlobal() {
            SymbolScope f = first("def f(a):\n    b = a\n    return c\n");
            assertEquals(Binding.LOCAL, f.binding("a"));
            assertEquals(Binding.LOCAL, f.binding("b"));
            assertEquals(Binding.GLOBAL_IMPLICIT, f.binding("c"));
        }

        @Test
        void declaredGlobalIsExplicit() {
            assertEquals(Binding.GLOBAL_EXPLICIT, first("def f():\n    global x\n    x = 1\n").binding("x"));
        }

        @Test
        void nameANestedFunctionUsesIsACellThereAndFreeInside() {
            Module m = parse("def f():\n    x = 1\n    def g():\n        return x\n");
            SymbolScope f = m.scope().child(m.body().get(0));
            SymbolScope g = f.child(((Stmt.FunctionDef) m.body().get(0)).body().get(1));
            assertEquals(Set.of("x"), f.cells());
            assertEquals(Binding.CELL, f.binding("x"));
            assertEquals(Set.of("x"), g.frees());
            assertEquals(Binding.FREE, g.binding("x"));
        }

        @Test
        void nonlocalIsFree() {
            Module m = parse("def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n");
            SymbolScope g = m.scope().child(m.body().get(0)).child(((Stmt.FunctionDef) m.body().get(0)).body().get(1));
            assertEquals(Binding.FREE, g.binding("x"));
        }

        @Test
        void classBodyPassesACellOnToAMethod() {
            Module m = parse("def f():\n    x = 1\n    class A:\n        def g(self):\n            return x\n");
            var fDef = (Stmt.FunctionDef) m.body().get(0);
            SymbolScope a = m.scope().child(fDef).child(fDef.body().get(1));
            assertEquals(Set.of("x"), a.frees());
            assertEquals(Binding.NAME, a.binding("y"));
        }

        @Test
        void comprehensionIsAFunctionOfItsOwn() {
            Module m = parse("xs = [i for i in range(3)]\n");
            Expr comp = ((Stmt.Assign) m.body().get(0)).value();
            SymbolScope c = m.scope().child(comp);
            assertEquals(SymbolScope.Kind.FUNCTION, c.kind);
            assertEquals(Binding.LOCAL, c.binding("i"));
            assertEquals(Binding.LOCAL, c.binding(".0"));
        }
    }

    @Nested
    class Flags {
        @Test
        void functionWithYieldIsAGenerator() {
            assertTrue(first("def g():\n    yield 1\n").isGenerator());
            assertTrue(first("def g():\n    x = yield from y\n").isGenerator());
        }

        @Test
        void yieldInANestedFunctionDoesNotMakeTheOuterOneAGenerator() {
            assertFalse(first("def f():\n    def g():\n        yield 1\n    return g\n").isGenerator());
        }

        @Test
        void lambdaWithYieldIsAGenerator() {
            Module m = parse("f = lambda: (yield)\n");
            assertTrue(m.scope().child(((Stmt.Assign) m.body().get(0)).value()).isGenerator());
        }

        @Test
        void plainFunctionIsNoGeneratorNorCoroutine() {
            SymbolScope f = first("def f():\n    return 1\n");
            assertFalse(f.isGenerator());
            assertFalse(f.isCoroutine());
        }
    }

    @Nested
    class Placement {
        @Test
        void breakOutsideLoop() {
            assertError("def f():\n    break\n", "'break' outside loop", 2, 5);
        }

        @Test
        void breakInALoopsElseIsOutsideIt() {
            assertError("for x in y:\n    pass\nelse:\n    break\n", "'break' outside loop", 4, 5);
        }

        @Test
        void loopDoesNotReachIntoAFunctionDefinedInIt() {
            assertError("while x:\n    def f():\n        continue\n", "'continue' not properly in loop", 3, 9);
        }

        @Test
        void returnInAClassBody() {
            assertError("def f():\n    class A:\n        return 1\n", "'return' outside function", 3, 9);
        }

        @Test
        void yieldInsideAComprehension() {
            assertError("def f():\n    return [(yield x) for x in y]\n", "'yield' inside list comprehension", 2, 14);
        }

        @Test
        void yieldInTheFirstIterableIsTheEnclosingScopes() {
            assertTrue(first("def f():\n    return [x for x in (yield)]\n").isGenerator());
        }

        @Test
        void awaitMakesAComprehensionAsynchronous() {
            assertError("def f():\n    return [await x for x in y]\n", "asynchronous comprehension outside of an asynchronous function", 2, 12);
        }

        @Test
        void awaitOutsideAFunction() {
            assertError("x = await y\n", "'await' outside function", 1, 5);
        }

        @Test
        void symtableErrorComesBeforeACompilerError() {
            assertError("break\ndef f(a):\n    global a\n", "name 'a' is parameter and global", 3, 5);
        }
    }
}
