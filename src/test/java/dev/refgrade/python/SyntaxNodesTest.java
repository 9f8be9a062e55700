package dev.refgrade.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.refgrade.python.ParseError.Kind;
import dev.refgrade.python.ParseError.Problem;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The nodes of the Python 3.11 grammar beyond what the simulator runs: their shape, spans and syntax errors. */
class SyntaxNodesTest {
    private static Module parse(String source) {
        try {
            return Parser.parse("prog.py", source);
        } catch (ParseError e) {
            return fail("unexpected problems: " + e.problems());
        }
    }

    private static String sexp(String source) {
        return AstPrinter.statements(parse(source).body());
    }

    private static Stmt only(String source) {
        List<Stmt> body = parse(source).body();
        assertEquals(1, body.size());
        return body.get(0);
    }

    private static Expr value(String source) {
        return assertInstanceOf(Stmt.Assign.class, only(source)).value();
    }

    /** A SyntaxError with CPython 3.11's message and position (checked against python3). */
    private static void assertSyntax(String source, String message, int line, int col, int endLine, int endCol) {
        Problem p = assertThrows(ParseError.class, () -> Parser.parse("prog.py", source)).reported();
        assertEquals(Kind.SYNTAX, p.kind(), () -> "reported: " + p);
        assertEquals(message, p.message());
        assertEquals(List.of(line, col, endLine, endCol), List.of(p.line(), p.col(), p.endLine(), p.endCol()));
    }

    @Nested
    class Exceptions {
        @Test
        void tryWithEveryClause() {
            assertEquals("(try ((= x 1)) (except ValueError as e pass) (except pass) (else (= y 2)) (finally (= z 3)))",
                    sexp("try:\n    x = 1\nexcept ValueError as e:\n    pass\nexcept:\n    pass\nelse:\n    y = 2\nfinally:\n    z = 3\n"));
        }

        @Test
        void trySpansFromTryToTheLastBlock() {
            var t = assertInstanceOf(Stmt.Try.class, only("try:\n    pass\nexcept E:\n    x = 1\n"));
            assertEquals(new Span(1, 1, 4, 10), t.span());
            assertEquals(new Span(3, 1, 4, 10), t.handlers().get(0).span());
        }

        @Test
        void exceptStarIsATryStar() {
            assertEquals("(try (pass) (except* (tuple A B) as g pass))", sexp("try:\n    pass\nexcept* (A, B) as g:\n    pass\n"));
        }

        @Test
        void exceptAndExceptStarCannotBeMixed() {
            assertSyntax("try:\n  pass\nexcept* E:\n  pass\nexcept F:\n  pass\n",
                    "cannot have both 'except' and 'except*' on the same 'try'", 5, 1, 5, 7);
        }

        @Test
        void exceptStarNeedsATypes() {
            assertSyntax("try:\n  pass\nexcept*:\n  pass\n", "expected one or more exception types", 3, 8, 3, 9);
        }

        @Test
        void unparenthesizedExceptTypesAreAnError() {
            assertSyntax("try:\n  pass\nexcept A, B:\n  pass\n", "multiple exception types must be parenthesized", 3, 8, 3, 12);
        }

        @Test
        void raiseForms() {
            assertEquals("(raise) (raise (call E)) (raise E from None)", sexp("raise\nraise E()\nraise E from None\n"));
        }

        @Test
        void assertWithAndWithoutMessage() {
            assertEquals("(assert x) (assert (cmp x > 0) 'positive')", sexp("assert x\nassert x > 0, 'positive'\n"));
        }
    }

    @Nested
    class With {
        @Test
        void severalItemsWithTargets() {
            assertEquals("(with (call open f) as a, lock, (call g) as (tuple x y) pass)",
                    sexp("with open(f) as a, lock, g() as (x, y):\n    pass\n"));
        }

        @Test
        void parenthesizedItems() {
            assertEquals("(with (call open f) as a, (call open g) as b pass)", sexp("with (open(f) as a,\n      open(g) as b,):\n    pass\n"));
        }

        @Test
        void parenthesesAroundPlainItemsMakeSeveralItems() {
            assertEquals("(with a, b pass)", sexp("with (a, b):\n    pass\n"));
        }

        @Test
        void itemSpan() {
            var w = assertInstanceOf(Stmt.With.class, only("with open(f) as a:\n    pass\n"));
            assertEquals(new Span(1, 6, 1, 18), w.items().get(0).span());
        }

        @Test
        void targetMustBeAssignable() {
            assertSyntax("with a as f():\n    pass\n", "cannot assign to function call", 1, 11, 1, 14);
        }
    }

    @Nested
    class Generators {
        @Test
        void yieldForms() {
            assertEquals("(def g () (yield) (yield 1) (= x (yield (tuple a b))) (yield-from xs))",
                    sexp("def g():\n    yield\n    yield 1\n    x = yield a, b\n    yield from xs\n"));
        }

        @Test
        void yieldFromOutsideAFunction() {
            assertSyntax("x = yield from y\n", "'yield' outside function", 1, 5, 1, 17);
        }

        @Test
        void generatorExpressionAsSoleArgument() {
            var call = assertInstanceOf(Expr.Call.class, value("t = sum(i * i for i in xs if i)\n"));
            var g = assertInstanceOf(Expr.GeneratorExp.class, call.args().get(0));
            assertEquals("(genexp (* i i) (for i xs (if i)))", AstPrinter.expr(g));
        }

        @Test
        void parenthesizedGeneratorExpressionSpansItsParentheses() {
            var g = assertInstanceOf(Expr.GeneratorExp.class, value("g = (i\n     for i in x)\n"));
            assertEquals(new Span(1, 5, 2, 17), g.span());
        }

        @Test
        void starredElementIsAnError() {
            assertSyntax("g = (*a for a in b)\n", "iterable unpacking cannot be used in comprehension", 1, 6, 1, 8);
        }

        @Test
        void awaitIsANode() {
            var g = assertInstanceOf(Expr.GeneratorExp.class, value("x = (await g() for _ in y)\n"));
            assertEquals("(await (call g))", AstPrinter.expr(g.elt()));
            assertEquals(new Span(1, 6, 1, 15), g.elt().span());
        }
    }

    @Nested
    class Definitions {
        @Test
        void everyKindOfParameter() {
            assertEquals("(def f (a b=1 / c *args kw:d kw:e=2 **kw) pass)", sexp("def f(a, b=1, /, c=3 if 0 else 3, *args, d, e=2, **kw):\n    pass\n")
                    .replace("c=(ifexp 0 3 3)", "c"));
        }

        @Test
        void annotationsOnParametersAndReturn() {
            assertEquals("(def f (a:int *r:str **k:dict) -> (. t List) pass)", sexp("def f(a: int, *r: str, **k: dict) -> t.List:\n    pass\n"));
        }

        @Test
        void bareStarMakesKeywordOnly() {
            assertEquals("(def f (a kw:b) pass)", sexp("def f(a, *, b):\n    pass\n"));
        }

        @Test
        void varParameterSpanIsItsNameAlone() {
            var f = assertInstanceOf(Stmt.FunctionDef.class, only("def f(*args, **kw):\n    pass\n"));
            assertEquals(new Span(1, 8, 1, 12), f.params().get(0).span());
            assertEquals(new Span(1, 16, 1, 18), f.params().get(1).span());
        }

        @Test
        void lambdaTakesTheFullParameterList() {
            assertEquals("(lambda (a / *b kw:c **d) a)", AstPrinter.expr(value("f = lambda a, /, *b, c, **d: a\n")));
        }

        @Test
        void decoratorsInOrderAndTheSpanStartsAtTheFirst() {
            var f = assertInstanceOf(Stmt.FunctionDef.class, only("@a\n@b.c(1)\ndef f():\n    pass\n"));
            assertEquals("@a @(call (. b c) 1) (def f () pass)", AstPrinter.statement(f));
            assertEquals(new Span(1, 1, 4, 9), f.span());
            assertEquals(new Span(3, 1, 3, 9), f.header());
        }

        @Test
        void classKeywordsAndUnpacking() {
            assertEquals("@d (class A (B *bs metaclass=M **kw) pass)", sexp("@d\nclass A(B, *bs, metaclass=M, **kw):\n    pass\n"));
        }

        @Test
        void slashMayAppearOnlyOnce() {
            assertSyntax("def f(a, /, b, /): pass\n", "/ may appear only once", 1, 16, 1, 17);
        }

        @Test
        void slashMustComeBeforeStar() {
            assertSyntax("def f(*, /): pass\n", "/ must be ahead of *", 1, 10, 1, 11);
        }

        @Test
        void bareStarNeedsANamedArgument() {
            assertSyntax("def f(*): pass\n", "named arguments must follow bare *", 1, 7, 1, 8);
            assertSyntax("def f(*, **k): pass\n", "named arguments must follow bare *", 1, 7, 1, 8);
            assertSyntax("def f(*,): pass\n", "named arguments must follow bare *", 1, 7, 1, 8);
        }

        @Test
        void lambdasBareStarErrorIsAtTheLastTokenRead() {
            assertSyntax("f = lambda *, **k: 0\n", "named arguments must follow bare *", 1, 15, 1, 17);
            assertSyntax("f = lambda *,: 0\n", "named arguments must follow bare *", 1, 14, 1, 15);
        }

        @Test
        void starMayAppearOnlyOnce() {
            assertSyntax("def f(*a, *b): pass\n", "* argument may appear only once", 1, 11, 1, 12);
        }

        @Test
        void varArgumentsTakeNoDefault() {
            assertSyntax("def f(*a=1): pass\n", "var-positional argument cannot have default value", 1, 9, 1, 10);
            assertSyntax("def f(**k=1): pass\n", "var-keyword argument cannot have default value", 1, 10, 1, 11);
        }

        @Test
        void nothingFollowsVarKeyword() {
            assertSyntax("def f(**k, a): pass\n", "arguments cannot follow var-keyword argument", 1, 12, 1, 13);
        }

        @Test
        void positionalOnlyDefaultsCountForLaterParameters() {
            assertSyntax("def f(a=1, /, b): pass\n", "non-default argument follows default argument", 1, 15, 1, 16);
        }

        @Test
        void keywordOnlyParametersMayLackDefaultsAfterOnesWithThem() {
            assertEquals("(def f (kw:a=1 kw:b) pass)", sexp("def f(*, a=1, b): pass\n"));
        }

        @Test
        void duplicateArgumentAcrossKinds() {
            assertSyntax("def f(a, *a): pass\n", "duplicate argument 'a' in function definition", 1, 11, 1, 12);
        }
    }

    @Nested
    class Unpacking {
        @Test
        void callSiteStarAndDoubleStar() {
            assertEquals("(call f a *xs k=1 **kw)", AstPrinter.expr(value("x = f(a, *xs, k=1, **kw)\n")));
        }

        @Test
        void starredTargetsAndDisplayItems() {
            assertEquals("(= (tuple a *b) [*xs 1]) (= [*c] {*s 2})", sexp("a, *b = [*xs, 1]\n[*c] = {*s, 2}\n"));
        }

        @Test
        void starredSpanStartsAtTheStar() {
            var t = assertInstanceOf(Expr.TupleExpr.class, assertInstanceOf(Stmt.Assign.class, only("a, *b = xs\n")).targets().get(0));
            assertEquals(new Span(1, 4, 1, 6), t.elts().get(1).span());
        }

        @Test
        void dictDoubleStarHasANullKey() {
            var d = assertInstanceOf(Expr.DictExpr.class, value("d = {**a, 'k': 1, **b}\n"));
            assertEquals("(dict **a 'k':1 **b)", AstPrinter.expr(d));
            assertEquals(null, d.keys().get(0));
        }

        @Test
        void starredTargetOfAnExpressionIsAnError() {
            assertSyntax("*(a + b), c = x\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 11, 1, 16);
        }
    }

    @Nested
    class Assignments {
        @Test
        void annotatedAssignment() {
            assertEquals("(: x int 1) (: (. a b) str !simple) (: y (. t List) !simple)", sexp("x: int = 1\na.b: str\n(y): t.List\n"));
        }

        @Test
        void annotatedAssignmentSpan() {
            assertEquals(new Span(1, 1, 1, 11), only("x: int = 1\n").span());
        }

        @Test
        void walrus() {
            var i = assertInstanceOf(Stmt.If.class, only("if (n := len(a)) > 5:\n    pass\n"));
            var c = assertInstanceOf(Expr.Compare.class, i.test());
            assertEquals("(:= n (call len a))", AstPrinter.expr(c.left()));
            assertEquals(new Span(1, 5, 1, 16), c.left().span());
        }

        @Test
        void walrusCannotRebindAComprehensionVariable() {
            assertSyntax("[y := 1 for y in z]\n", "assignment expression cannot rebind comprehension iteration variable 'y'", 1, 2, 1, 3);
        }

        @Test
        void walrusInAComprehensionInAClassBody() {
            assertSyntax("class A:\n    [x := 1 for y in z]\n", "assignment expression within a comprehension cannot be used in a class body",
                    2, 6, 2, 7);
        }

        @Test
        void annotatedNameCannotThenBeGlobal() {
            assertSyntax("def f():\n    x: int = 1\n    global x\n", "annotated name 'x' can't be global", 3, 5, 3, 13);
        }

        @Test
        void globalNameCannotThenBeAnnotated() {
            assertSyntax("def f():\n    global x\n    x: int = 1\n", "annotated name 'x' can't be global", 3, 5, 3, 15);
        }
    }

    @Nested
    class Imports {
        @Test
        void fromImportForms() {
            assertEquals("(from os.path import join as j, exists) (from .. import a) (from .m import *) (from x import tuple)",
                    sexp("from os.path import join as j, exists\nfrom .. import a\nfrom .m import *\nfrom x import (tuple)\n")
                            );
        }

        @Test
        void levelCountsDotsAndEllipses() {
            var i = assertInstanceOf(Stmt.ImportFrom.class, only("from ...pkg import a\n"));
            assertEquals(3, i.level());
            assertEquals("pkg", i.module());
        }

        @Test
        void conditionalImport() {
            assertEquals("(if x ((import json)) ((from os import path)))", sexp("if x:\n    import json\nelse:\n    from os import path\n"));
        }

        @Test
        void trailingCommaNeedsParentheses() {
            assertSyntax("from x import a,\n", "trailing comma not allowed without surrounding parentheses", 1, 17, 1, 17);
        }

        @Test
        void starImportOnlyAtModuleLevel() {
            assertSyntax("def f():\n  from x import *\n", "import * only allowed at module level", 2, 17, 2, 18);
        }
    }
}
