package dev.refgrade.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.Mutants;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the lexer and the parser on any text, checked on seeded mutants of the corpus:
 * the lexer always ends its tokens with END, in source order; the parser always returns a module
 * or a ParseError whose problems point into the file and render as CPython would print them.
 */
class SyntaxPropertyTest {
    static Stream<Named<String>> mutants() {
        return Mutants.of(11, 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void theLexerEndsWithEndAndKeepsSourceOrder(String source) {
        List<Token> tokens = new Lexer("m.py", source).tokens();
        assertEquals(TokenKind.END, tokens.get(tokens.size() - 1).kind());
        for (int i = 1; i < tokens.size(); i++) {
            assertTrue(tokens.get(i - 1).offset() <= tokens.get(i).offset(), tokens.get(i - 1) + " then " + tokens.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void theParserReturnsAModuleOrProblemsInsideTheFile(String source) {
        int lines = source.split("\r\n|\r|\n", -1).length;
        try {
            Parser.parse("m.py", source);
        } catch (ParseError e) {
            assertTrue(e.problems().contains(e.reported()));
            for (ParseError.Problem p : e.problems()) {
                assertTrue(p.line() >= 1 && p.line() <= lines + 1, () -> p + " in a file of " + lines + " lines");
                assertFalse(p.message().isBlank());
            }
            assertTrue(e.renderCPython().endsWith("\n"));
        }
    }
}
