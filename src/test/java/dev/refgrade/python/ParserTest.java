package dev.refgrade.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.refgrade.python.ParseError.Kind;
import dev.refgrade.python.ParseError.Problem;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParserTest {
    private static Module parse(String source) {
        try {
            return Parser.parse("prog.py", source);
        } catch (ParseError e) {
            return fail("unexpected problems: " + e.problems());
        }
    }

    private static ParseError failure(String source) {
        return assertThrows(ParseError.class, () -> Parser.parse("prog.py", source));
    }

    /** The S-expression of a whole program. */
    private static String sexp(String source) {
        return AstPrinter.statements(parse(source).body());
    }

    /** The S-expression of the single expression statement source. */
    private static String expr(String source) {
        var body = parse(source + "\n").body();
        assertEquals(1, body.size());
        return AstPrinter.expr(assertInstanceOf(Stmt.ExprStmt.class, body.get(0)).value());
    }

    private static Stmt only(String source) {
        var body = parse(source).body();
        assertEquals(1, body.size());
        return body.get(0);
    }

    /** The problem a run reports must be this SyntaxError (or subclass) at line:col. */
    private static Problem assertSyntax(String source, String pyType, String message, int line, int col) {
        Problem p = failure(source).reported();
        assertEquals(Kind.SYNTAX, p.kind(), () -> "reported: " + p);
        assertEquals(message, p.message());
        assertEquals(pyType, p.pyType());
        assertEquals(line, p.line(), "line");
        assertEquals(col, p.col(), "col");
        return p;
    }

    private static void assertSyntax(String source, String message, int line, int col, int endLine, int endCol) {
        Problem p = assertSyntax(source, "SyntaxError", message, line, col);
        assertEquals(endLine, p.endLine(), "end line");
        assertEquals(endCol, p.endCol(), "end col");
    }

    private static void assertUnsupported(String source, String construct, int line) {
        Problem p = failure(source).reported();
        assertEquals(Kind.UNSUPPORTED, p.kind(), () -> "reported: " + p);
        assertEquals(construct, p.message());
        assertEquals(line, p.line(), "line");
    }

    @Nested
    class Precedence {
        @Test
        void powerBindsTighterThanUnaryMinusOnItsLeft() {
            assertEquals("(- (** 2 2))", expr("-2**2"));
        }

        @Test
        void powerTakesAUnaryOperandOnItsRight() {
            assertEquals("(** 2 (- 1))", expr("2**-1"));
        }

        @Test
        void powerIsRightAssociative() {
            assertEquals("(** 2 (** 3 2))", expr("2**3**2"));
        }

        @Test
        void multiplicationBindsTighterThanAddition() {
            assertEquals("(+ 1 (* 2 3))", expr("1 + 2 * 3"));
        }

        @Test
        void binaryOperatorsAreLeftAssociative() {
            assertEquals("(- (- 1 2) 3)", expr("1 - 2 - 3"));
        }

        @Test
        void allMultiplicativeOperatorsShareALevel() {
            assertEquals("(% (// (/ (* a b) c) d) e)", expr("a * b / c // d % e"));
        }

        @Test
        void bitwiseAndShiftLevels() {
            assertEquals("(| a (^ b (& c (<< d (+ 1 2)))))", expr("a | b ^ c & d << 1 + 2"));
        }

        @Test
        void unaryOperatorsNest() {
            assertEquals("(~ (- (+ x)))", expr("~-+x"));
        }

        @Test
        void comparisonsChain() {
            assertEquals("(cmp a < b <= c)", expr("a < b <= c"));
        }

        @Test
        void isNotAndNotInAreSingleOperators() {
            assertEquals("(cmp a is not b not in c)", expr("a is not b not in c"));
        }

        @Test
        void everyComparisonOperator() {
            assertEquals("(cmp a == b != c > d >= e is f in g)", expr("a == b != c > d >= e is f in g"));
        }

        @Test
        void comparisonBindsTighterThanNot() {
            assertEquals("(not (cmp a == b))", expr("not a == b"));
        }

        @Test
        void andBindsTighterThanOr() {
            assertEquals("(or a (and b c))", expr("a or b and c"));
        }

        @Test
        void runOfTheSameBooleanOperatorIsOneNode() {
            assertEquals("(and a b c)", expr("a and b and c"));
        }

        @Test
        void conditionalExpressionIsLoosestAndNestsToTheRight() {
            assertEquals("(ifexp b a (ifexp d c e))", expr("a if b else c if d else e"));
        }

        @Test
        void conditionalExpressionTakesWholeDisjunctions() {
            assertEquals("(ifexp (or b c) (or a x) y)", expr("a or x if b or c else y"));
        }
    }

    @Nested
    class Expressions {
        @Test
        void callWithPositionalAndKeywordArguments() {
            assertEquals("(call f a (+ b 1) key=1)", expr("f(a, b + 1, key=1)"));
        }

        @Test
        void callWithTrailingComma() {
            assertEquals("(call f a)", expr("f(a,)"));
        }

        @Test
        void attributeSubscriptAndCallChain() {
            assertEquals("(. (call ([] (. a b) 0) c) d)", expr("a.b[0](c).d"));
        }

        @Test
        void sliceWithBothBounds() {
            assertEquals("([] a (slice 1 2 _))", expr("a[1:2]"));
        }

        @Test
        void sliceWithOnlyAStep() {
            assertEquals("([] a (slice _ _ 2))", expr("a[::2]"));
        }

        @Test
        void fullSlice() {
            assertEquals("([] a (slice _ _ _))", expr("a[:]"));
        }

        @Test
        void severalIndicesMakeATuple() {
            assertEquals("([] a (tuple (slice 1 2 _) 3))", expr("a[1:2, 3]"));
        }

        @Test
        void parenthesesAroundOneExpressionAreNotATuple() {
            assertEquals("x", expr("(x)"));
        }

        @Test
        void trailingCommaMakesAOneElementTuple() {
            assertEquals("(tuple x)", expr("(x,)"));
        }

        @Test
        void emptyParenthesesAreTheEmptyTuple() {
            assertEquals("(tuple)", expr("()"));
        }

        @Test
        void commaWithoutParenthesesMakesATuple() {
            assertEquals("(tuple 1 2)", expr("1, 2"));
        }

        @Test
        void listSetAndDictDisplays() {
            assertEquals("[1 2] {1 2} (dict 1:2 3:4) (dict) []", sexp("[1, 2]\n{1, 2,}\n{1: 2, 3: 4}\n{}\n[]\n"));
        }

        @Test
        void constants() {
            assertEquals("True False None ...", sexp("True\nFalse\nNone\n...\n"));
        }

        @Test
        void integersAreArbitraryPrecision() {
            var lit = assertInstanceOf(Expr.IntLit.class, ((Stmt.ExprStmt) only("123456789012345678901234567890\n")).value());
            assertEquals(new BigInteger("123456789012345678901234567890"), lit.value());
        }

        @Test
        void integersInOtherBases() {
            assertEquals("255 15 5 1000000", sexp("0xff\n0o17\n0b101\n1_000_000\n"));
        }

        @Test
        void floats() {
            assertEquals("1000.0 0.5 5.0 1000.5", sexp("1e3\n.5\n5.\n1_000.5\n"));
        }

        @Test
        void imaginaryLiterals() {
            assertEquals("2.0j 1500.0j 10.0j (+ 1 0.5j)", sexp("2j\n1.5e3J\n1_0j\n1 + .5j\n"));
        }

        @Test
        void adjacentStringsConcatenate() {
            assertEquals("'ab'", expr("'a' \"b\""));
        }

        @Test
        void escapeSequencesAreDecoded() {
            assertEquals("'\\n\\t\\\\\\'\\x07A\\x00é😀'", expr("'\\n\\t\\\\\\'\\a\\x41\\0\\u00e9\\U0001F600'"));
        }

        @Test
        void namedUnicodeEscape() {
            assertEquals("'é中'", expr("'\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{CJK UNIFIED IDEOGRAPH-4E2D}'"));
        }

        @Test
        void octalEscapeTakesUpToThreeDigits() {
            assertEquals("'S4'", expr("'\\1234'"));
        }

        @Test
        void unknownEscapeKeepsItsBackslash() {
            assertEquals("'\\\\q'", expr("'\\q'"));
        }

        @Test
        void rawStringKeepsBackslashes() {
            assertEquals("'\\\\n'", expr("r'\\n'"));
        }

        @Test
        void bytesLiteralHoldsOneCharPerByte() {
            assertEquals("b'a\\x00\u00ff'", expr("b'a\\x00\\xff'"));
        }

        @Test
        void tripleQuotedStringKeepsNewlines() {
            assertEquals("'a\\nb'", expr("'''a\nb'''"));
        }

        @Test
        void backslashNewlineInAStringIsRemoved() {
            assertEquals("'ab'", expr("'a\\\nb'"));
        }
    }

    @Nested
    class FStrings {
        @Test
        void fieldsWithConversionAndNestedFormatSpec() {
            assertEquals("(f 'a' (fv x r (f '>' (fv w - -))) 'b{c}')", expr("f\"a{x!r:>{w}}b{{c}}\""));
        }

        @Test
        void fieldExpressionIsAFullExpression() {
            assertEquals("(f (fv (+ a (call f b)) - -))", expr("f'{a + f(b)}'"));
        }

        @Test
        void fieldMayUseTheOtherQuote() {
            assertEquals("(f (fv ([] d 'k') - -))", expr("f\"{d['k']}\""));
        }

        @Test
        void plainStringsJoinTheFString() {
            assertEquals("(f 'a' (fv x - -) 'bc')", expr("'a' f'{x}' 'b' \"c\""));
        }

        @Test
        void fStringWithoutFieldsIsStillAnFString() {
            assertEquals("(f 'abc')", expr("f'abc'"));
        }

        @Test
        void emptyFStringHasNoParts() {
            assertEquals("(f)", expr("f''"));
        }

        @Test
        void selfDocumentingFieldShowsItsTextAndRepr() {
            assertEquals("(f 'x = ' (fv x r -))", expr("f'{x = }'"));
        }

        @Test
        void selfDocumentingFieldWithFormatSpecFormats() {
            assertEquals("(f 'x=' (fv x - (f '>4')))", expr("f'{x=:>4}'"));
        }

        @Test
        void literalPartsDecodeEscapes() {
            assertEquals("(f 'a\\n' (fv x - -))", expr("f'a\\n{x}'"));
        }

        @Test
        void notEqualInsideAFieldIsAnOperator() {
            assertEquals("(f (fv (cmp a != b) - -))", expr("f'{a != b}'"));
        }

        @Test
        void emptyFormatSpecIsAnEmptyFString() {
            assertEquals("(f (fv x - (f)))", expr("f'{x:}'"));
        }

        @Test
        void fieldSpansTheBraces() {
            var f = (Expr.FString) ((Stmt.ExprStmt) only("f'ab{x}'\n")).value();
            assertEquals(new Span(1, 5, 1, 8), f.parts().get(1).span());
            assertEquals(new Span(1, 6, 1, 7), ((Expr.FormattedValue) f.parts().get(1)).value().span());
        }
    }

    @Nested
    class Statements {
        @Test
        void chainedAssignment() {
            assertEquals("(= a b c)", sexp("a = b = c\n"));
        }

        @Test
        void swapUnpacksTuples() {
            assertEquals("(= (tuple a b) (tuple b a))", sexp("a, b = b, a\n"));
        }

        @Test
        void assignmentToAttributeSubscriptAndList() {
            assertEquals("(= (. o x) ([] d k) [p q] 1)", sexp("o.x = d[k] = [p, q] = 1\n"));
        }

        @Test
        void augmentedAssignments() {
            assertEquals("(+= x 1) (**= x 2) (//= (. o n) 3) (<<= ([] a 0) 1)", sexp("x += 1\nx **= 2\no.n //= 3\na[0] <<= 1\n"));
        }

        @Test
        void delTakesSeveralTargets() {
            assertEquals("(del a ([] b 0) (. c d))", sexp("del a, b[0], c.d\n"));
        }

        @Test
        void delOfAParenthesizedTupleIsOneTarget() {
            assertEquals("(del (tuple a b))", sexp("del (a, b)\n"));
        }

        @Test
        void elifChainsNestInOrelse() {
            assertEquals("(if a (x) ((if b (y) (z))))", sexp("if a:\n    x\nelif b:\n    y\nelse:\n    z\n"));
        }

        @Test
        void whileWithElse() {
            assertEquals("(while (cmp n > 0) ((-= n 1) break) (pass))", sexp("while n > 0:\n    n -= 1\n    break\nelse:\n    pass\n"));
        }

        @Test
        void forWithTupleTargetAndElse() {
            assertEquals("(for (tuple k v) (call items) (continue) (pass))", sexp("for k, v in items():\n    continue\nelse:\n    pass\n"));
        }

        @Test
        void forIterableMayBeABareTuple() {
            assertEquals("(for x (tuple 1 2) (pass))", sexp("for x in 1, 2:\n    pass\n"));
        }

        @Test
        void functionWithDefaultsAndReturn() {
            assertEquals("(def f (a b=1 c=(+ 2 3)) (return (tuple a b)))", sexp("def f(a, b=1, c=2 + 3):\n    return a, b\n"));
        }

        @Test
        void bareReturn() {
            assertEquals("(def f () (return))", sexp("def f():\n    return\n"));
        }

        @Test
        void globalAndNonlocal() {
            assertEquals("(def f () (global a b) (def g () (nonlocal c) pass) (= c 1))",
                    sexp("def f():\n    global a, b\n    def g():\n        nonlocal c\n        pass\n    c = 1\n"));
        }

        @Test
        void classWithBases() {
            assertEquals("(class A (B (. m C)) pass)", sexp("class A(B, m.C):\n    pass\n"));
        }

        @Test
        void classWithoutBases() {
            assertEquals("(class A () pass) (class B () pass)", sexp("class A:\n    pass\nclass B():\n    pass\n"));
        }

        @Test
        void importWithAliasesAndDottedNames() {
            assertEquals("(import a, os.path, b as c)", sexp("import a, os.path, b as c\n"));
        }

        @Test
        void semicolonsSeparateStatements() {
            assertEquals("(= a 1) (= b 2)", sexp("a = 1; b = 2;\n"));
        }

        @Test
        void compoundBodyOnTheHeaderLine() {
            assertEquals("(if x ((= y 1) (= z 2)))", sexp("if x: y = 1; z = 2\n"));
        }

        @Test
        void printIsAnOrdinaryCall() {
            assertEquals("(call print 'a' x sep='')", sexp("print('a', x, sep='')\n"));
        }

        @Test
        void softKeywordsAreOrdinaryNames() {
            assertEquals("(= match (call case _))", sexp("match = case(_)\n"));
        }

        @Test
        void emptyFileHasNoStatements() {
            assertEquals(List.of(), parse("# nothing\n\n").body());
        }

        @Test
        void byteOrderMarkIsNotPartOfTheFirstLine() {
            assertEquals(List.of("x = 1"), parse("\uFEFFx = 1\n").lines());
        }

        @Test
        void moduleKeepsTheSourceLines() {
            Module m = parse("x = 1\r\ny = 2");
            assertEquals(List.of("x = 1", "y = 2"), m.lines());
            assertEquals("prog.py", m.fileName());
        }
    }

    @Nested
    class Spans {
        @Test
        void simpleStatementSpansItsTokens() {
            assertEquals(new Span(1, 1, 1, 10), only("x = y + 1\n").span());
        }

        @Test
        void statementContinuedInBracketsEndsOnItsLastLine() {
            assertEquals(new Span(1, 1, 3, 2), only("x = [1,\n     2,\n]\n").span());
        }

        @Test
        void compoundStatementEndsWithItsLastBodyStatement() {
            assertEquals(new Span(1, 1, 6, 12), only("if a:\n    x = 1\nelif b:\n    y = 2\nelse:\n    z = 333\n\n").span());
        }

        @Test
        void elifIsSpannedFromItsKeyword() {
            var outer = (Stmt.If) only("if a:\n    x = 1\nelif b:\n    y = 2\n");
            assertEquals(new Span(3, 1, 4, 10), outer.orelse().get(0).span());
        }

        @Test
        void functionHeaderAndWholeDefinition() {
            var f = (Stmt.FunctionDef) only("def f(a,\n      b):\n    return a\n");
            assertEquals(new Span(1, 1, 2, 10), f.header());
            assertEquals(new Span(1, 1, 3, 13), f.span());
        }

        @Test
        void classHeaderAndWholeDefinition() {
            var c = (Stmt.ClassDef) only("class A(B):\n    x = 1\n    def m(self):\n        pass\n");
            assertEquals(new Span(1, 1, 1, 12), c.header());
            assertEquals(new Span(1, 1, 4, 13), c.span());
        }

        @Test
        void commentsAfterABlockDoNotExtendIt() {
            assertEquals(new Span(1, 1, 2, 9), only("while x:\n    pass\n    # done\n").span());
        }

        @Test
        void binaryExpressionStartsAtItsFirstToken() {
            var e = ((Stmt.ExprStmt) only("(a) + b\n")).value();
            assertEquals(new Span(1, 1, 1, 8), e.span());
            assertEquals(new Span(1, 2, 1, 3), ((Expr.BinOp) e).left().span());
        }

        @Test
        void parenthesizedTupleIncludesItsParentheses() {
            assertEquals(new Span(1, 5, 1, 11), ((Stmt.Assign) only("x = (1, 2)\n")).value().span());
        }

        @Test
        void bareTupleIncludesATrailingComma() {
            assertEquals(new Span(1, 5, 1, 10), ((Stmt.Assign) only("x = 1, 2,\n")).value().span());
        }

        @Test
        void callEndsAtItsClosingParenthesis() {
            assertEquals(new Span(1, 1, 2, 5), ((Stmt.ExprStmt) only("f(a,\n  b)\n")).value().span());
        }

        @Test
        void parameterSpansItsName() {
            var f = (Stmt.FunctionDef) only("def f(a, bb=1):\n    pass\n");
            assertEquals(new Span(1, 10, 1, 12), f.params().get(1).span());
        }

        @Test
        void keywordArgumentSpansNameAndValue() {
            var call = (Expr.Call) ((Stmt.ExprStmt) only("f(key=10)\n")).value();
            assertEquals(new Span(1, 3, 1, 9), call.keywords().get(0).span());
        }

        @Test
        void columnsCountCharactersNotBytes() {
            var second = (Stmt.Assign) parse("s = 'é'; t = 1\n").body().get(1);
            assertEquals(new Span(1, 14, 1, 15), second.value().span());
        }
    }

    @Nested
    class SyntaxErrors {
        @Test
        void invalidSyntaxPointsAtTheUnexpectedToken() {
            assertSyntax("x = 1 2\n", "invalid syntax", 1, 7, 1, 8);
        }

        @Test
        void invalidSyntaxAtEndOfLinePointsAtTheNewline() {
            assertSyntax("x = 1 +\n", "invalid syntax", 1, 8, 1, 8);
        }

        @Test
        void keywordCannotBeAName() {
            assertSyntax("class = 5\n", "invalid syntax", 1, 7, 1, 8);
        }

        @Test
        void bracketNeverClosed() {
            assertSyntax("x = 1\ny = (1,\nz = 2\n", "'(' was never closed", 2, 5, 2, 0);
        }

        @Test
        void bracketNeverClosedWinsWhenParsingFailsOnALaterLine() {
            assertSyntax("foo(a, b\nprint(1)\n", "'(' was never closed", 1, 4, 1, 0);
        }

        @Test
        void earlierErrorOnTheBracketsLineWinsOverItNeverClosing() {
            assertSyntax("x = = 1\ny = (\n", "invalid syntax", 1, 5, 1, 6);
        }

        @Test
        void unmatchedClosingBracket() {
            assertSyntax("x = 1)\n", "unmatched ')'", 1, 6, 1, 6);
        }

        @Test
        void closingBracketOfTheWrongKind() {
            assertSyntax("x = [1, 2)\n", "closing parenthesis ')' does not match opening parenthesis '['", 1, 10, 1, 10);
        }

        @Test
        void ifHeaderWithoutColon() {
            assertSyntax("if x\n    y = 1\n", "expected ':'", 1, 5, 1, 5);
        }

        @Test
        void whileHeaderWithoutColon() {
            assertSyntax("while x\n    pass\n", "expected ':'", 1, 8, 1, 8);
        }

        @Test
        void forHeaderWithoutColon() {
            assertSyntax("for x in y\n    pass\n", "expected ':'", 1, 11, 1, 11);
        }

        @Test
        void defHeaderWithoutColonBlamesTheNextToken() {
            assertSyntax("def f() x:\n    pass\n", "expected ':'", 1, 9, 1, 10);
        }

        @Test
        void classHeaderWithoutColon() {
            assertSyntax("class A\n    pass\n", "expected ':'", 1, 8, 1, 8);
        }

        @Test
        void elseWithoutColon() {
            assertSyntax("if x:\n    pass\nelse x:\n    pass\n", "expected ':'", 3, 6, 3, 7);
        }

        @Test
        void defWithoutParameterList() {
            assertSyntax("def f:\n    pass\n", "expected '('", 1, 6, 1, 7);
        }

        @Test
        void headerFollowedByOtherTokensIsInvalidSyntax() {
            assertSyntax("if x y:\n    pass\n", "invalid syntax", 1, 6, 1, 7);
        }

        @Test
        void unexpectedIndent() {
            assertSyntax("x = 1\n    y = 2\n", "IndentationError", "unexpected indent", 2, 4);
        }

        @Test
        void missingBlockAfterIf() {
            assertSyntax("if x:\ny = 1\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1);
        }

        @Test
        void missingBlockAfterElif() {
            assertSyntax("if x:\n    pass\nelif y:\npass\n", "IndentationError",
                    "expected an indented block after 'elif' statement on line 3", 4, 1);
        }

        @Test
        void missingBlockAfterElse() {
            assertSyntax("for x in y:\n    pass\nelse:\npass\n", "IndentationError",
                    "expected an indented block after 'else' statement on line 3", 4, 1);
        }

        @Test
        void missingBlockAfterFor() {
            assertSyntax("for x in y:\npass\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1);
        }

        @Test
        void missingBlockAfterWhile() {
            assertSyntax("while x:\npass\n", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1);
        }

        @Test
        void missingBlockAfterDef() {
            assertSyntax("def f():\n    # todo\nx = 1\n", "IndentationError",
                    "expected an indented block after function definition on line 1", 3, 1);
        }

        @Test
        void missingBlockAfterClass() {
            assertSyntax("class A:\npass\n", "IndentationError", "expected an indented block after class definition on line 1", 2, 1);
        }

        @Test
        void missingBlockAtEndOfFile() {
            assertSyntax("if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 0);
        }

        @Test
        void unindentToNoOuterLevel() {
            assertSyntax("if x:\n    a = 1\n  b = 2\n", "IndentationError", "unindent does not match any outer indentation level", 3, 8);
        }

        @Test
        void badUnindentIsReportedBeforeTheBlockItEnds() {
            assertSyntax("class P:\n    def m(self):\n   a = 1\n", "IndentationError",
                    "unindent does not match any outer indentation level", 3, 9);
        }

        @Test
        void tabsAndSpacesMixedInconsistently() {
            assertSyntax("if x:\n\ty = 1\n        z = 2\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1);
        }

        @Test
        void unterminatedString() {
            assertSyntax("print(\"hello)\n", "unterminated string literal (detected at line 1)", 1, 7, 1, 7);
        }

        @Test
        void unterminatedTripleQuotedString() {
            assertSyntax("x = \"\"\"abc\ndef\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5);
        }

        @Test
        void tokenizerErrorLaterInTheFileWinsOverAParserError() {
            assertSyntax("x = = 1\ny = \"abc\n", "unterminated string literal (detected at line 2)", 2, 5, 2, 5);
        }

        @Test
        void strayBackslashLaterInTheFileEndsCPythonsScanForAnUnclosedBracket() {
            assertSyntax("x = f(\nprint(a, b)\nn = g()\nprint(n i\\s None)\n", "invalid syntax. Perhaps you forgot a comma?", 2, 1, 3, 2);
        }

        @Test
        void unclosedBracketStillWinsOverAnEarlierValidPrintExpression() {
            assertSyntax("print*(x)\nc = f(\nprint(y)\n", "'(' was never closed", 2, 6, 2, 0);
        }

        @Test
        void assignmentToLiteral() {
            assertSyntax("1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 2);
        }

        @Test
        void assignmentToFunctionCall() {
            assertSyntax("f() = 1\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4);
        }

        @Test
        void assignmentToAnExpression() {
            assertSyntax("x + 1 = 2\n", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6);
        }

        @Test
        void assignmentToLiteralInAChain() {
            assertSyntax("x = 1 = 2\n", "cannot assign to literal", 1, 5, 1, 6);
        }

        @Test
        void assignmentToAComparison() {
            assertSyntax("a < b = 1\n", "cannot assign to comparison", 1, 1, 1, 6);
        }

        @Test
        void assignmentToNone() {
            assertSyntax("None = 1\n", "cannot assign to None", 1, 1, 1, 5);
        }

        @Test
        void assignmentInsideAnIfCondition() {
            assertSyntax("if x = 1:\n    pass\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9);
        }

        @Test
        void augmentedAssignmentToATuple() {
            assertSyntax("(a, b) += 1\n", "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 7);
        }

        @Test
        void forLoopOverALiteralTarget() {
            assertSyntax("for 1 in x: pass\n", "cannot assign to literal", 1, 5, 1, 6);
        }

        @Test
        void deleteLiteral() {
            assertSyntax("del 1\n", "cannot delete literal", 1, 5, 1, 6);
        }

        @Test
        void deleteFunctionCall() {
            assertSyntax("del f()\n", "cannot delete function call", 1, 5, 1, 8);
        }

        @Test
        void invalidDecimalLiteral() {
            assertSyntax("x = 1abc\n", "invalid decimal literal", 1, 5, 1, 5);
        }

        @Test
        void tooManyDigitsForAnIntLiteral() {
            assertSyntax("x = 1\ny = " + "1".repeat(4301) + "\n", "Exceeds the limit (4300 digits) for integer string conversion: "
                    + "value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal "
                    + "for huge integer literals to avoid decimal conversion limits.", 2, 0, 2, 0);
        }

        @Test
        void returnOutsideFunction() {
            assertSyntax("return 1\n", "'return' outside function", 1, 1, 1, 9);
        }

        @Test
        void returnInAClassBodyIsOutsideFunction() {
            assertSyntax("class A:\n    return 1\n", "'return' outside function", 2, 5, 2, 13);
        }

        @Test
        void breakOutsideLoop() {
            assertSyntax("def f():\n    return 1\n    break\n", "'break' outside loop", 3, 5, 3, 10);
        }

        @Test
        void breakInAFunctionInsideALoopIsOutsideLoop() {
            assertSyntax("while x:\n    def f():\n        break\n", "'break' outside loop", 3, 9, 3, 14);
        }

        @Test
        void continueOutsideLoop() {
            assertSyntax("continue\n", "'continue' not properly in loop", 1, 1, 1, 9);
        }

        @Test
        void continueInALoopsElseIsOutsideIt() {
            assertSyntax("while 1: break\nelse: continue\n", "'continue' not properly in loop", 2, 7, 2, 15);
        }

        @Test
        void printStatementOfPython2() {
            assertSyntax("print \"hi\"\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 11);
        }

        @Test
        void printStatementWithSeveralValues() {
            assertSyntax("print \"a\", x\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 13);
        }

        @Test
        void missingCommaBetweenArguments() {
            assertSyntax("f(abc defg)\n", "invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 11);
        }

        @Test
        void missingCommaInAList() {
            assertSyntax("x = [1, abc defg, 3]\n", "invalid syntax. Perhaps you forgot a comma?", 1, 9, 1, 17);
        }

        @Test
        void missingCommaIsNotSuggestedOutsideBrackets() {
            assertSyntax("x = abc defg\n", "invalid syntax", 1, 9, 1, 13);
        }

        @Test
        void missingCommaIsNotSuggestedBetweenANameAndAString() {
            assertSyntax("print(x \"a\")\n", "invalid syntax", 1, 9, 1, 12);
        }

        @Test
        void nonDefaultParameterAfterADefaultOne() {
            assertSyntax("def f(a=1, b):\n    pass\n", "non-default argument follows default argument", 1, 12, 1, 13);
        }

        @Test
        void defaultWithoutValue() {
            assertSyntax("def f(x=):\n    pass\n", "expected default value expression", 1, 8, 1, 9);
        }

        @Test
        void positionalArgumentAfterKeywordArgument() {
            assertSyntax("f(a=1, 2)\n", "positional argument follows keyword argument", 1, 9, 1, 10);
        }

        @Test
        void assignmentInsideACall() {
            assertSyntax("print(a.b = 1)\n", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 7, 1, 12);
        }

        @Test
        void unparenthesizedGeneratorAmongArguments() {
            assertSyntax("f(x for x in y, 1)\n", "Generator expression must be parenthesized", 1, 3, 1, 15);
        }

        @Test
        void conditionalExpressionWithoutElse() {
            assertSyntax("x = (a if b)\n", "expected 'else' after 'if' expression", 1, 6, 1, 12);
        }

        @Test
        void dictEntryWithoutColon() {
            assertSyntax("d = {1: 2, 3}\n", "':' expected after dictionary key", 1, 12, 1, 0);
        }

        @Test
        void bytesAndStrCannotBeMixed() {
            assertSyntax("x = 'a' b'b'\n", "cannot mix bytes and nonbytes literals", 1, 13, 1, 13);
        }

        @Test
        void bytesMustBeAscii() {
            assertSyntax("x = b'é'\n", "bytes can only contain ASCII literal characters", 1, 5, 1, 10);
        }

        @Test
        void truncatedHexEscape() {
            assertSyntax("x = '\\x4'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
                    1, 10, 1, 10);
        }

        @Test
        void unknownCharacterName() {
            assertSyntax("x = 'ab\\N{foo}'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-8: "
                    + "unknown Unicode character name", 1, 16, 1, 16);
        }

        @Test
        void columnsAfterNonAsciiTextCountUtf8BytesAsCPythonDoes() {
            assertSyntax("x = \"é\" 1\n", "invalid syntax", 1, 10, 1, 11);
        }

        @Test
        void keywordArgumentRepeated() {
            assertSyntax("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8, 1, 11);
        }

        @Test
        void duplicateParameter() {
            assertSyntax("def f(a, a):\n    pass\n", "duplicate argument 'a' in function definition", 1, 10, 1, 11);
        }

        @Test
        void globalDeclarationAfterAssignment() {
            assertSyntax("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5, 3, 13);
        }

        @Test
        void globalDeclarationAfterUse() {
            assertSyntax("print(x)\nglobal x\n", "name 'x' is used prior to global declaration", 2, 1, 2, 9);
        }

        @Test
        void parameterDeclaredGlobal() {
            assertSyntax("def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5, 2, 13);
        }

        @Test
        void nonlocalAtModuleLevel() {
            assertSyntax("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11);
        }

        @Test
        void nonlocalWithoutAnEnclosingBinding() {
            assertSyntax("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 2, 15);
        }

        @Test
        void nonlocalFindsABindingAcrossAClassBody() {
            parse("def f():\n    class A:\n        def g():\n            nonlocal x\n    x = 1\n");
        }

        @Test
        void symbolTableErrorsComeBeforeCompilerErrors() {
            assertSyntax("return 1\nnonlocal x\n", "nonlocal declaration not allowed at module level", 2, 1, 2, 11);
        }

        @Test
        void validPrintWithASubscriptIsReportedOnceTheFileHasAnError() {
            assertSyntax("x = print [0]\ny = = 1\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 5, 1, 14);
        }

        @Test
        void printWithASubscriptIsValidOtherwise() {
            assertEquals("(= x ([] print 0))", sexp("x = print [0]\n"));
        }

        @Test
        void expressionAfterAMissingCommaInATargetListIsChecked() {
            assertSyntax("p, q reurn = 1000, 1000\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6, 1, 18);
        }

        @Test
        void braceAfterANameIsCheckedAsAComprehension() {
            assertSyntax("self.n{ame = name}\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 8, 1, 18);
        }

        @Test
        void starredDictValue() {
            assertSyntax("d = {\"k\": *[1]}\n", "cannot use a starred expression in a dictionary value", 1, 11, 1, 15);
        }

        @Test
        void walrusStatementOnAnAttribute() {
            assertSyntax("owner.ri:=ght = 1\n", "cannot use assignment expressions with attribute", 1, 1, 1, 9);
        }

        @Test
        void starredLoopIterable() {
            assertSyntax("for key in *d:\n    pass\n", "can't use starred expression here", 1, 12, 1, 14);
        }

        @Test
        void tooManyNestedParentheses() {
            assertSyntax("x = " + "(".repeat(201) + ")\n", "too many nested parentheses", 1, 205, 1, 205);
        }

        @Test
        void tooManyLevelsOfIndentation() {
            var source = new StringBuilder();
            for (int i = 0; i <= 100; i++) source.append(" ".repeat(i)).append("if 1:\n");
            source.append(" ".repeat(101)).append("pass\n");
            assertSyntax(source.toString(), "IndentationError", "too many levels of indentation", 101, 1);
        }

        @Test
        void fStringSingleClosingBrace() {
            assertSyntax("x = f\"}\"\n", "f-string: single '}' is not allowed", 1, 9, 1, 9);
        }

        @Test
        void fStringEmptyField() {
            assertSyntax("x = f\"{}\"\n", "f-string: empty expression not allowed", 1, 10, 1, 10);
        }

        @Test
        void fStringUnclosedField() {
            assertSyntax("x = f\"{x\"\n", "f-string: expecting '}'", 1, 10, 1, 10);
        }

        @Test
        void fStringBadConversion() {
            assertSyntax("x = f\"{x!z}\"\n", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13, 1, 13);
        }

        @Test
        void fStringBackslashInField() {
            assertSyntax("x = f'{\"\\n\"}'\n", "f-string expression part cannot include a backslash", 1, 14, 1, 14);
        }

        @Test
        void fStringFieldSyntaxErrorCountsColumnsInTheField() {
            assertSyntax("x = 1\ny = f\"abc {a b} def\"\n", "f-string: invalid syntax. Perhaps you forgot a comma?", 2, 2, 2, 5);
        }
    }

    @Nested
    class Rendering {
        @Test
        void rendersTheLineStrippedWithACaretUnderTheColumn() {
            assertEquals("""
                      File "prog.py", line 3
                        x = (1,
                            ^
                    SyntaxError: '(' was never closed
                    """, failure("a = 1\nb = 2\nx = (1,\n").renderCPython());
        }

        @Test
        void rendersARangeWithSeveralCarets() {
            assertEquals("""
                      File "prog.py", line 1
                        f() = 1
                        ^^^
                    SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
                    """, failure("f() = 1\n").renderCPython());
        }

        @Test
        void rendersAnIndentedLineWithoutItsIndentation() {
            assertEquals("""
                      File "prog.py", line 2
                        x = (abc defg)
                             ^^^^^^^^
                    SyntaxError: invalid syntax. Perhaps you forgot a comma?
                    """, failure("if x:\n    x = (abc defg)\n").renderCPython());
        }

        @Test
        void unexpectedIndentHasNoCaret() {
            assertEquals("""
                      File "prog.py", line 2
                        y = 2
                    IndentationError: unexpected indent
                    """, failure("x = 1\n    y = 2\n").renderCPython());
        }

        @Test
        void indentationErrorGetsOneCaret() {
            assertEquals("""
                      File "prog.py", line 2
                        y = 1
                        ^
                    IndentationError: expected an indented block after 'if' statement on line 1
                    """, failure("if x:\ny = 1\n").renderCPython());
        }

        @Test
        void fStringFieldErrorShowsTheFieldAsCPythonDoes() {
            assertEquals("""
                      File "prog.py", line 1
                        (1 +)
                            ^
                    SyntaxError: f-string: invalid syntax
                    """, failure("x = f\"{1 +}\"\n").renderCPython());
        }

        @Test
        void unsupportedConstructIsOneLine() {
            assertEquals("refgrade: unsupported: matrix multiplication operator (@) at line 4\n",
                    failure("x = 1\n\n\nf = a @ b\n").renderCPython());
        }

        @Test
        void messageIsTheDiagnostic() {
            assertEquals("prog.py:1:7: invalid syntax", failure("x = 1 2\n").getMessage());
        }
    }

    @Nested
    class ComprehensionsAndLambda {
        @Test
        void listComprehensionWithNestedClauses() {
            assertEquals("(listcomp (* i j) (for i (call range 3) (if i)) (for j y (if (cmp j != 1)) (if j)))",
                    expr("[i * j for i in range(3) if i for j in y if j != 1 if j]"));
        }

        @Test
        void setAndDictComprehensions() {
            assertEquals("(setcomp (% x 3) (for x s))", expr("{x % 3 for x in s}"));
            assertEquals("(dictcomp k:(call f v) (for (tuple k v) (call items d)))", expr("{k: f(v) for k, v in items(d)}"));
        }

        @Test
        void comprehensionOfComprehensions() {
            assertEquals("(listcomp (listcomp 0 (for _ (call range 3))) (for _ (call range 3)))",
                    expr("[[0 for _ in range(3)] for _ in range(3)]"));
        }

        @Test
        void comprehensionSpansItsBracketsAndEachClauseStartsAtFor() {
            var c = (Expr.ListComp) ((Stmt.Assign) only("x = [a\n     for a in b\n     if a]\n")).value();
            assertEquals(new Span(1, 5, 3, 11), c.span());
            assertEquals(new Span(1, 6, 1, 7), c.elt().span());
            Expr.Comprehension clause = c.generators().get(0);
            assertEquals(new Span(2, 6, 3, 10), clause.span());
            assertEquals(new Span(2, 10, 2, 11), clause.target().span());
            assertEquals(new Span(2, 15, 2, 16), clause.iter().span());
            assertEquals(new Span(3, 9, 3, 10), clause.ifs().get(0).span());
        }

        @Test
        void dictComprehensionSpansItsBraces() {
            var d = (Expr.DictComp) ((Stmt.Assign) only("d = {k: v for k in s}\n")).value();
            assertEquals(new Span(1, 5, 1, 22), d.span());
            assertEquals(new Span(1, 6, 1, 7), d.key().span());
            assertEquals(new Span(1, 9, 1, 10), d.value().span());
        }

        @Test
        void lambdaWithDefaultsAndPositions() {
            var l = (Expr.Lambda) ((Stmt.Assign) only("f = lambda a, b=[1]: a + b\n")).value();
            assertEquals("(lambda (a b=[1]) (+ a b))", AstPrinter.expr(l));
            assertEquals(new Span(1, 5, 1, 27), l.span());
            assertEquals(new Span(1, 15, 1, 16), l.params().get(1).span());
            assertEquals(new Span(1, 22, 1, 27), l.body().span());
        }

        @Test
        void lambdaWithoutParametersAndNested() {
            assertEquals("(lambda () (lambda (x) x))", expr("lambda: lambda x: x"));
            assertEquals("(call sorted p key=(lambda (t) ([] t 0)))", expr("sorted(p, key=lambda t: t[0])"));
        }

        @Test
        void lambdaIsLooserThanAConditional() {
            assertEquals("(lambda (x) (ifexp x 1 2))", expr("lambda x: 1 if x else 2"));
        }

        @Test
        void comprehensionCannotBeAssignedTo() {
            assertSyntax("[i for i in x] = 1\n", "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1, 1, 15);
            assertSyntax("for {k: v for k in x} in y: pass\n", "cannot assign to dict comprehension", 1, 5, 1, 22);
        }

        @Test
        void lambdaCannotBeAssignedTo() {
            assertSyntax("lambda: 1 = 1\n", "cannot assign to lambda", 1, 1, 1, 10);
        }

        @Test
        void starredElementIsASyntaxError() {
            assertSyntax("x = [*a for a in b]\n", "iterable unpacking cannot be used in comprehension", 1, 6, 1, 8);
            assertSyntax("x = {*a for a in b}\n", "iterable unpacking cannot be used in comprehension", 1, 6, 1, 8);
        }

        @Test
        void lambdaParametersAreCheckedAsADefsAre() {
            assertSyntax("f = lambda x, x: 0\n", "duplicate argument 'x' in function definition", 1, 15, 1, 16);
            assertSyntax("f = lambda *: 0\n", "named arguments must follow bare *", 1, 13, 1, 14);
        }

        @Test
        void aComprehensionsTargetsAreItsOwnNotTheFunctions() {
            // Only the first iterable is used by the enclosing function, so only it clashes with a later global.
            assertTrue(parse("def f():\n    [y for _ in x]\n    global y\n").body().size() == 1);
            assertSyntax("def f():\n    [y for _ in x]\n    global x\n", "name 'x' is used prior to global declaration", 3, 5, 3, 13);
        }
    }

    @Nested
    class RefusedConstructs {

        @Test
        void asynchronousComprehensionIsRefused() {
            var problems = failure("async def f():\n    return [i async for i in x]\n").problems();
            assertEquals(List.of("async function", "asynchronous list comprehension"), problems.stream().map(Problem::message).toList());
        }

        @Test
        void yieldOutsideAFunctionIsASyntaxError() {
            assertSyntax("x = (yield)\n", "'yield' outside function", 1, 6, 1, 11);
        }

        @Test
        void asyncFunction() {
            assertUnsupported("async def f():\n    await g()\n", "async function", 1);
        }

        @Test
        void awaitOutsideAsyncFunctionIsASyntaxError() {
            assertSyntax("def f():\n    await x\n", "'await' outside async function", 2, 5, 2, 12);
        }

        @Test
        void tryWithoutHandlerIsASyntaxError() {
            assertSyntax("try:\n    pass\n", "expected 'except' or 'finally' block", 2, 0, 2, -1);
        }

        @Test
        void bareStarredTargetIsASyntaxError() {
            assertSyntax("*a = 1\n", "starred assignment target must be in a list or tuple", 1, 1, 1, 3);
        }

        @Test
        void matchStatement() {
            assertUnsupported("match cmd:\n    case [x, *rest] if x:\n        pass\n    case _:\n        pass\n", "match statement", 1);
        }

        @Test
        void matrixMultiplication() {
            assertUnsupported("c = a @ b\n", "matrix multiplication operator (@)", 1);
        }

        @Test
        void typeParameters() {
            assertUnsupported("def first[T](xs):\n    pass\n", "type parameters (Python 3.12)", 1);
        }

        @Test
        void typeAliasStatement() {
            assertUnsupported("type Point = tuple\n", "type alias statement (Python 3.12)", 1);
        }

        @Test
        void bracketAfterADefNameThatIsNotTypeParametersIsPython311sError() {
            assertSyntax("def _[_init__(self, name):\n    pass\n", "expected '('", 1, 6, 1, 7);
        }

        @Test
        void absurdlyDeepNestingIsRefusedRatherThanOverflowingTheStack() {
            assertUnsupported("x = " + "-".repeat(400) + "1\n", "expression nested too deeply", 1);
        }

        @Test
        void codeAfterARefusedStatementIsStillChecked() {
            assertSyntax("try:\n    pass\nfinally:\n    pass\nreturn 5\n", "'return' outside function", 5, 1, 5, 9);
        }
    }

    @Nested
    class Recovery {
        @Test
        void reportsEveryErrorInSourceOrder() {
            var problems = failure("x = = 1\ny = 2\nz = (3 4)\nif a\n    b = 1\nprint \"hi\"\n").problems();
            assertEquals(List.of("1: invalid syntax", "3: invalid syntax. Perhaps you forgot a comma?", "4: expected ':'",
                    "6: Missing parentheses in call to 'print'. Did you mean print(...)?"),
                    problems.stream().map(p -> p.line() + ": " + p.message()).toList());
        }

        @Test
        void firstErrorIsReported() {
            assertEquals(1, failure("x = = 1\ny = (3 4)\n").reported().line());
        }

        @Test
        void blockOfAFailedHeaderIsSkippedWithoutAnUnexpectedIndent() {
            var problems = failure("if x y:\n    a = 1\n    b = 2\nc = = 3\n").problems();
            assertEquals(List.of(1, 4), problems.stream().map(Problem::line).toList());
        }

        @Test
        void errorsInsideABlockDoNotEndIt() {
            var problems = failure("def f():\n    x = = 1\n    return x\n    y = (1 2)\nreturn 3\n").problems();
            assertEquals(List.of("2: invalid syntax", "4: invalid syntax. Perhaps you forgot a comma?", "5: 'return' outside function"),
                    problems.stream().map(p -> p.line() + ": " + p.message()).toList());
        }

        @Test
        void tokenizerAndParserProblemsAreMerged() {
            var problems = failure("x = 1abc\ny = = 2\nz = 'open\n").problems();
            assertEquals(List.of(1, 2, 3), problems.stream().map(Problem::line).toList());
        }

        @Test
        void unexpectedIndentSkipsTheIndentedLines() {
            var problems = failure("x = 1\n    y = 2\n    z = = 3\nw = = 4\n").problems();
            assertEquals(List.of("2: unexpected indent", "4: invalid syntax"), problems.stream().map(p -> p.line() + ": " + p.message()).toList());
        }

        @Test
        void syntaxAndUnsupportedProblemsAreBothListed() {
            var problems = failure("f = a @ b\nx = = 1\n").problems();
            assertEquals(List.of(Kind.UNSUPPORTED, Kind.SYNTAX), problems.stream().map(Problem::kind).toList());
        }
    }

    @Nested
    class Conformance {
        @Test
        void everyCaseParsesWithoutProblems() throws IOException {
            String dir = System.getProperty("refgrade.conformance");
            assertFalse(dir == null || dir.isEmpty(), "system property refgrade.conformance is not set");
            List<Path> cases;
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                cases = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
            }
            assertFalse(cases.isEmpty(), "no cases in " + dir);
            var failures = new ArrayList<String>();
            for (Path p : cases) {
                try {
                    Module m = Parser.parse(p.getFileName().toString(), Files.readString(p));
                    assertTrue(m.body().size() > 0);
                } catch (ParseError e) {
                    failures.add(p.getFileName() + ": " + e.problems());
                }
            }
            assertEquals(List.of(), failures);
        }
    }
}
