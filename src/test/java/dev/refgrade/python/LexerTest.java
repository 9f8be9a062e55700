package dev.refgrade.python;

import static dev.refgrade.python.TokenKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.python.ParseError.Problem;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LexerTest {
    private static List<Token> tokens(String source) {
        var lexer = new Lexer("prog.py", source);
        assertEquals(List.of(), lexer.problems(), "problems");
        return lexer.tokens();
    }

    private static List<TokenKind> kinds(String source) {
        return tokens(source).stream().map(Token::kind).toList();
    }

    /** Kinds with the text of names, numbers and strings, e.g. "NAME(x) EQUAL INT(1) NEWLINE END". */
    private static String show(String source) {
        return tokens(source).stream()
                .map(t -> t.kind() + (t.kind().text == null && !t.text().isEmpty() ? "(" + t.text() + ")" : ""))
                .collect(Collectors.joining(" "));
    }

    private static Problem onlyProblem(String source) {
        var problems = new Lexer("prog.py", source).problems();
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        return problems.get(0);
    }

    private static void assertProblem(Problem p, String pyType, String message, int line, int col) {
        assertEquals(message, p.message());
        assertEquals(pyType, p.pyType());
        assertEquals(line, p.line(), "line");
        assertEquals(col, p.col(), "col");
    }

    @Nested
    class Positions {
        @Test
        void tokensCarryOneBasedLineAndColumnWithExclusiveEnd() {
            var t = tokens("x = 10\n");
            assertEquals(new Span(1, 1, 1, 2), t.get(0).span());
            assertEquals(new Span(1, 3, 1, 4), t.get(1).span());
            assertEquals(new Span(1, 5, 1, 7), t.get(2).span());
        }

        @Test
        void newlineIsZeroWidthAtTheLineBreak() {
            assertEquals(new Span(1, 7, 1, 7), tokens("x = 10\n").get(3).span());
        }

        @Test
        void newlineAfterACommentStartsAtTheComment() {
            Token newline = tokens("x = 1  # note\n").get(3);
            assertEquals(NEWLINE, newline.kind());
            assertEquals(new Span(1, 8, 1, 14), newline.span());
        }

        @Test
        void multiLineStringEndsOnItsLastLine() {
            Token s = tokens("s = '''a\nbc'''\n").get(2);
            assertEquals(new Span(1, 5, 2, 6), s.span());
        }

        @Test
        void columnsCountCodePointsNotUtf16Units() {
            var t = tokens("s = '\uD83D\uDE00' + x\n");
            assertEquals(new Span(1, 5, 1, 8), t.get(2).span());
            assertEquals(11, t.get(4).col());
        }

        @Test
        void offsetIndexesTheSource() {
            assertEquals(4, tokens("x = 10\n").get(2).offset());
        }

        @Test
        void windowsLineEndingsAreNormalised() {
            assertEquals(List.of(NAME, EQUAL, INT, NEWLINE, NAME, NEWLINE, END), kinds("x = 1\r\ny\r\n"));
        }

        @Test
        void byteOrderMarkIsSkipped() {
            assertEquals(1, tokens("\uFEFFx = 1\n").get(0).col());
        }
    }

    @Nested
    class Lines {
        @Test
        void missingFinalNewlineIsSupplied() {
            assertEquals(List.of(NAME, NEWLINE, END), kinds("x"));
        }

        @Test
        void blankAndCommentLinesProduceNoTokens() {
            assertEquals(List.of(NAME, NEWLINE, NAME, NEWLINE, END), kinds("a\n\n   \n# c\n  # d\nb\n"));
        }

        @Test
        void indentedBlockIsBracketedByIndentAndDedent() {
            assertEquals("IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE DEDENT NAME(z) NEWLINE END",
                    show("if x:\n    y\nz\n"));
        }

        @Test
        void dedentingSeveralLevelsGivesOneDedentEach() {
            assertEquals(List.of(IF, NAME, COLON, NEWLINE, INDENT, IF, NAME, COLON, NEWLINE, INDENT, NAME, NEWLINE,
                    DEDENT, DEDENT, NAME, NEWLINE, END), kinds("if a:\n  if b:\n    c\nd\n"));
        }

        @Test
        void openBlocksCloseAtEndOfFile() {
            assertEquals(List.of(IF, NAME, COLON, NEWLINE, INDENT, NAME, NEWLINE, DEDENT, END), kinds("if a:\n  b"));
        }

        @Test
        void tabAdvancesToTheNextMultipleOfEight() {
            assertEquals(List.of(IF, NAME, COLON, NEWLINE, INDENT, NAME, NEWLINE, NAME, NEWLINE, DEDENT, END),
                    kinds("if a:\n\tb\n\tc\n"));
        }

        @Test
        void bracketsJoinLinesAndIgnoreIndentation() {
            assertEquals(List.of(NAME, EQUAL, LPAR, INT, COMMA, INT, RPAR, NEWLINE, END), kinds("x = (1,\n        2)\n"));
        }

        @Test
        void backslashJoinsLines() {
            assertEquals(List.of(NAME, EQUAL, INT, PLUS, INT, NEWLINE, END), kinds("x = 1 + \\\n    2\n"));
        }

        @Test
        void depthCountsEnclosingBrackets() {
            var t = tokens("f([a])\n");
            assertEquals(List.of(0, 0, 1, 2, 1, 0), t.subList(0, 6).stream().map(Token::depth).toList());
        }
    }

    @Nested
    class NamesAndOperators {
        @Test
        void keywordsGetTheirOwnKinds() {
            assertEquals(List.of(DEF, NAME, LPAR, RPAR, COLON, RETURN, NONE, NEWLINE, END), kinds("def f(): return None\n"));
        }

        @Test
        void softKeywordsAreNames() {
            assertEquals(List.of(NAME, EQUAL, NAME, NEWLINE, END), kinds("match = case\n"));
        }

        @Test
        void unicodeIdentifiersAreNames() {
            assertEquals("NAME(café) EQUAL INT(1) NEWLINE END", show("café = 1\n"));
        }

        @Test
        void identifiersAreNfkcNormalised() {
            assertEquals("NAME(fi) NEWLINE END", show("\uFB01\n"));
        }

        @Test
        void longestOperatorWins() {
            assertEquals(List.of(DOUBLESTAREQUAL, DOUBLESLASHEQUAL, RARROW, COLONEQUAL, AT, ATEQUAL, ELLIPSIS, NOTEQUAL,
                    LEFTSHIFTEQUAL, RIGHTSHIFT, LESSEQUAL, EQEQUAL, NEWLINE, END), kinds("**= //= -> := @ @= ... != <<= >> <= ==\n"));
        }

        @Test
        void strayCharactersBecomeUnknownTokens() {
            assertEquals(List.of(NAME, UNKNOWN, NAME, NEWLINE, END), kinds("a $ b\n"));
        }

        @Test
        void invalidCharacterInANameIsReportedAtTheCharacter() {
            assertProblem(onlyProblem("x = a€\n"), "SyntaxError", "invalid character '€' (U+20AC)", 1, 6);
        }

        @Test
        void nonPrintableCharacterIsNamedByCodePoint() {
            assertProblem(onlyProblem("x =\u00a01\n"), "SyntaxError", "invalid non-printable character U+00A0", 1, 4);
        }
    }

    @Nested
    class Numbers {
        @Test
        void integerLiteralsInEveryBase() {
            assertEquals("INT(10) INT(0x1F) INT(0o17) INT(0b101) INT(1_000_000) INT(00) NEWLINE END",
                    show("10 0x1F 0o17 0b101 1_000_000 00\n"));
        }

        @Test
        void floatLiterals() {
            assertEquals("FLOAT(1.5) FLOAT(1e10) FLOAT(.5) FLOAT(5.) FLOAT(1_0.5e-3) NEWLINE END", show("1.5 1e10 .5 5. 1_0.5e-3\n"));
        }

        @Test
        void imaginaryLiterals() {
            assertEquals("IMAGINARY(2j) IMAGINARY(1.5J) NEWLINE END", show("2j 1.5J\n"));
        }

        @Test
        void keywordMayFollowANumberDirectly() {
            assertEquals(List.of(INT, IF, NAME, ELSE, INT, NEWLINE, END), kinds("1if x else 2\n"));
        }

        @Test
        void letterAfterDigitsIsAnInvalidDecimalLiteral() {
            assertProblem(onlyProblem("x = 1abc\n"), "SyntaxError", "invalid decimal literal", 1, 5);
        }

        @Test
        void keywordPrefixFollowedByMoreLettersIsStillInvalid() {
            assertProblem(onlyProblem("x = 26else0\n"), "SyntaxError", "invalid decimal literal", 1, 6);
        }

        @Test
        void trailingUnderscoreIsInvalid() {
            assertProblem(onlyProblem("x = 1_\n"), "SyntaxError", "invalid decimal literal", 1, 6);
        }

        @Test
        void leadingZerosAreRejectedOverTheirRange() {
            Problem p = onlyProblem("x = 08\n");
            assertProblem(p, "SyntaxError",
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5);
            assertEquals(6, p.endCol());
        }

        @Test
        void octalDigitOutOfRangeIsNamed() {
            assertProblem(onlyProblem("x = 0o8\n"), "SyntaxError", "invalid digit '8' in octal literal", 1, 7);
        }

        @Test
        void hexPrefixWithoutDigitsIsInvalid() {
            assertProblem(onlyProblem("x = 0x\n"), "SyntaxError", "invalid hexadecimal literal", 1, 6);
        }

        @Test
        void exponentWithoutDigitsIsInvalid() {
            assertProblem(onlyProblem("x = 1e+\n"), "SyntaxError", "invalid decimal literal", 1, 7);
        }
    }

    @Nested
    class Strings {
        @Test
        void everyPrefixInAnyCaseStartsAString() {
            assertEquals(List.of(STRING, STRING, STRING, STRING, STRING, STRING, STRING, STRING, STRING, NEWLINE, END),
                    kinds("r'' B'' u'' f'' rb'' BR'' Rb'' fR'' rF''\n"));
        }

        @Test
        void unknownPrefixIsANameBeforeTheString() {
            assertEquals(List.of(NAME, STRING, NEWLINE, END), kinds("ur'x'\n"));
        }

        @Test
        void stringTokenKeepsPrefixAndQuotes() {
            assertEquals("STRING(rb'\\n') NEWLINE END", show("rb'\\n'\n"));
        }

        @Test
        void escapedQuoteDoesNotEndTheString() {
            assertEquals(List.of(STRING, NEWLINE, END), kinds("'it\\'s'\n"));
        }

        @Test
        void tripleQuotedStringSpansLines() {
            assertEquals(List.of(NAME, EQUAL, STRING, NEWLINE, END), kinds("s = \"\"\"a\n'b'\n\"\"\"\n"));
        }

        @Test
        void unterminatedStringIsReportedAtItsStart() {
            assertProblem(onlyProblem("x = 'abc\n"), "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5);
        }

        @Test
        void unterminatedTripleQuotedStringNamesTheLastLine() {
            assertProblem(onlyProblem("x = \"\"\"abc\ndef\n"), "SyntaxError",
                    "unterminated triple-quoted string literal (detected at line 2)", 1, 5);
        }

        @Test
        void backslashNewlineContinuesASingleQuotedString() {
            assertProblem(onlyProblem("x = 'abc\\\ndef\n"), "SyntaxError", "unterminated string literal (detected at line 2)", 1, 5);
        }
    }

    @Nested
    class Errors {
        @Test
        void unmatchedClosingBracket() {
            assertProblem(onlyProblem("x = 1)\n"), "SyntaxError", "unmatched ')'", 1, 6);
        }

        @Test
        void mismatchedClosingBracket() {
            assertProblem(onlyProblem("x = [1, 2)\n"), "SyntaxError",
                    "closing parenthesis ')' does not match opening parenthesis '['", 1, 10);
        }

        @Test
        void mismatchedClosingBracketOnAnotherLineNamesTheLine() {
            assertProblem(onlyProblem("x = [1,\n2)\n"), "SyntaxError",
                    "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 2, 2);
        }

        @Test
        void bracketOpenAtEndOfFileIsNeverClosed() {
            Problem p = onlyProblem("x = (1,\n");
            assertProblem(p, "SyntaxError", "'(' was never closed", 1, 5);
            assertEquals(0, p.endCol());
        }

        @Test
        void unindentToAnUnknownLevel() {
            assertProblem(onlyProblem("if x:\n    a\n  b\n"), "IndentationError",
                    "unindent does not match any outer indentation level", 3, 4);
        }

        @Test
        void inconsistentTabsAndSpaces() {
            assertProblem(onlyProblem("if x:\n\ty\n        z\n"), "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1);
        }

        @Test
        void characterAfterLineContinuation() {
            assertProblem(onlyProblem("x = 1 \\ 2\n"), "SyntaxError", "unexpected character after line continuation character", 1, 8);
        }

        @Test
        void lineContinuationAtEndOfFile() {
            assertProblem(onlyProblem("x = 1 \\\n"), "SyntaxError", "unexpected EOF while parsing", 1, 8);
        }

        @Test
        void lexingGoesOnAfterAnError() {
            var lexer = new Lexer("prog.py", "x = 1abc\ny = 'oops\n");
            assertEquals(2, lexer.problems().size());
            assertTrue(lexer.tokens().stream().anyMatch(t -> t.kind() == NAME && t.text().equals("y")));
        }
    }
}
