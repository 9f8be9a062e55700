package dev.refgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.refgrade.python.Lexer;
import dev.refgrade.python.Module;
import dev.refgrade.python.ParseError;
import dev.refgrade.python.Parser;
import dev.refgrade.python.Token;
import dev.refgrade.python.TokenKind;
import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Programs;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzz targets (Jazzer) over the lexer, the parser and the simulator: for any
 * source text each ends in its result or in one of its documented errors, never in another
 * exception. `mvn test` only replays the inputs under EngineFuzzTestInputs/: the conformance
 * corpus as seeds shared by all three, and in each target's own directory the inputs that once
 * broke it. Each replay is bounded by the small limits below. {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=EngineFuzzTest#TARGET} fuzzes one target (see docs/PERFORMANCE.md for a longer run).
 */
class EngineFuzzTest {
    /** Small enough that one input runs in milliseconds, so the fuzzer tries many; two seconds at most. */
    static final Limits LIMITS = new Limits(20_000, 20_000, 100, 20_000, 20_000, 2_000);

    @DictionaryFile(resourcePath = "python.dict")
    @FuzzTest(maxDuration = "5m")
    void lexerEndsInTokensAndPositionedProblems(byte[] input) {
        String source = decode(input);
        Lexer lexer = new Lexer("fuzz.py", source);
        List<Token> tokens = lexer.tokens();
        assertFalse(tokens.isEmpty());
        assertEquals(TokenKind.END, tokens.get(tokens.size() - 1).kind());
        int lines = lineCount(source);
        for (Token t : tokens) {
            assertTrue(t.line() >= 1 && t.line() <= t.endLine() && t.endLine() <= lines + 1, t::toString);
            assertTrue(t.offset() >= 0 && t.offset() <= source.length(), t::toString);
        }
        for (ParseError.Problem p : lexer.problems()) assertPositioned(p, lines);
    }

    @DictionaryFile(resourcePath = "python.dict")
    @FuzzTest(maxDuration = "5m")
    void parserEndsInAModuleOrAPositionedParseError(byte[] input) {
        String source = decode(input);
        try {
            Module m = Parser.parse("fuzz.py", source);
            assertEquals("fuzz.py", m.fileName());
        } catch (ParseError e) {
            assertFalse(e.problems().isEmpty());
            assertTrue(e.problems().contains(e.reported()));
            for (ParseError.Problem p : e.problems()) assertPositioned(p, lineCount(source));
            assertTrue(e.renderCPython().endsWith("\n"), e::renderCPython);
        }
    }

    @DictionaryFile(resourcePath = "python.dict")
    @FuzzTest(maxDuration = "5m")
    void programsEndInAResultWithinTheLimits(byte[] input) {
        Programs.Result r = Programs.run("fuzz.py", decode(input), LIMITS);
        assertTrue(r.stdout().length() <= LIMITS.maxOutputBytes(), "output past the limit");
        String err = r.stderr();
        switch (r.exitCode()) {
            case 0 -> { }
            case 1 -> assertTrue(err.endsWith("\n") && !err.isBlank(), err);
            case 2 -> assertTrue(err.startsWith("refgrade: unsupported: ") && err.contains(" at line "), err);
            case 3 -> assertTrue(err.startsWith("refgrade: limit: "), err);
            default -> throw new AssertionError("exit code " + r.exitCode() + "\n" + err);
        }
    }

    /** Malformed UTF-8 becomes U+FFFD, as text the engine receives would. */
    static String decode(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    private static int lineCount(String source) {
        return (int) source.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
    }

    /** A problem points into the file: a line that exists (or the one just past the end), a column. */
    private static void assertPositioned(ParseError.Problem p, int lines) {
        assertTrue(p.line() >= 1 && p.line() <= lines + 1, () -> "line " + p.line() + " of " + lines + ": " + p);
        assertTrue(p.col() >= 0, p::toString);
        assertFalse(p.message().isBlank(), p::toString);
    }
}
