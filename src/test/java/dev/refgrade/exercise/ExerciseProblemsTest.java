package dev.refgrade.exercise;

import static dev.refgrade.exercise.Fixtures.check;
import static dev.refgrade.exercise.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.runtime.Limits;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every mistake an author can make is reported at its position, saying what would be right. */
class ExerciseProblemsTest {
    static final String HEAD = """
            id: ex
            title: T
            code: |
              a = [1, 2]
              b = a
            """;

    @Nested
    class TheFileItself {
        @Test
        void unknownKeyNamesTheClosestKnownKey() {
            assertEquals("ex.yaml:3:1: unknown key 'titel' in the exercise; did you mean 'title'?",
                    problem("id: ex\ntitle: T\ntitel: U\ncode: |\n  a = 1\nquestions:\n  - {id: q, prompt: p, answer: output}\n"));
        }

        @Test
        void unknownQuestionKeyIsReportedWhereItIs() {
            assertEquals("ex.yaml:8:5: unknown key 'exp' in a question; did you mean 'expr'?", problem(HEAD + """
                    questions:
                      - id: q
                        exp: a
                        prompt: p
                        answer: output
                    """));
        }

        @Test
        void wrongTypeSaysWhatWasGiven() {
            assertEquals("ex.yaml:7:20: 'after' must be a whole number of at least 1, not 'two'", problem(HEAD + """
                    questions:
                      - {id: q, after: two, prompt: p, answer: int, expr: len(a)}
                    """));
        }

        @Test
        void duplicateQuestionIdIsReportedAtTheSecond() {
            assertEquals("ex.yaml:8:10: question id 'q' is used twice in this exercise", problem(HEAD + """
                    questions:
                      - {id: q, prompt: p, answer: output}
                      - {id: q, prompt: p, answer: output}
                    """));
        }

        @Test
        void duplicateKeyNamesTheFirstLine() {
            assertEquals("ex.yaml:2:1: key 'id' is given twice in the exercise (first at line 1)",
                    problem("id: ex\nid: ex\ntitle: T\ncode: 'a = 1'\nquestions:\n  - {id: q, prompt: p, answer: output}\n"));
        }

        @Test
        void missingFieldNamesIt() {
            assertEquals("ex.yaml:7:5: a question needs 'prompt'", problem(HEAD + """
                    questions:
                      - id: q
                        answer: output
                    """));
        }

        @Test
        void unknownAnswerKindSuggestsOne() {
            assertEquals("ex.yaml:7:32: answer kind 'boolean' is not known; did you mean 'bool'? (one of int, bool, text, choice, output, lines, heap)",
                    problem(HEAD + "questions:\n  - {id: q, prompt: p, answer: boolean, after: 2, expr: a is b}\n"));
        }

        @Test
        void fieldAKindDoesNotUseIsAnError() {
            assertEquals("ex.yaml:7:40: 'expr' is not used by an output question (it asks for what the program prints)",
                    problem(HEAD + "questions:\n  - {id: q, prompt: p, answer: output, expr: a}\n"));
        }

        @Test
        void undeclaredParameterIsReportedWhereItIsUsed() {
            assertEquals("ex.yaml:4:7: '{{n}}' is not a declared parameter; declare it under 'params:'",
                    problem("id: ex\ntitle: T\ncode: |\n  a = {{n}}\nquestions:\n  - {id: q, prompt: p, answer: output}\n"));
        }

        @Test
        void rubricThatDoesNotExistListsTheOnesThatDo() {
            assertEquals("ex.yaml:1:1: rubric 'practise' does not exist; rubrics: default, exam",
                    problem("rubric: practise\n" + HEAD + "questions:\n  - {id: q, prompt: p, answer: output}\n"));
        }

        @Test
        void idMustMatchTheFileName() {
            assertEquals("ex.yaml:1:5: id 'other' does not match the file name 'ex.yaml'; name the file other.yaml",
                    problem("id: other\ntitle: T\ncode: 'a = 1'\nquestions:\n  - {id: q, prompt: p, answer: output}\n"));
        }

        @Test
        void invalidYamlSaysWhere() {
            String p = problem("id: ex\ntitle: [unclosed\n");
            assertTrue(p.startsWith("ex.yaml:3:1: this is not valid YAML"), p);
        }

        @Test
        void syntaxErrorInTheCodeIsPlacedInTheFile() {
            assertEquals("ex.yaml:5:7: in the code, line 2: invalid syntax", problem("""
                    id: ex
                    title: T
                    code: |
                      a = [1, 2]
                      b = = a
                    questions:
                      - {id: q, prompt: p, answer: output}
                    """));
        }
    }

    @Nested
    class Probes {
        @Test
        void probeAfterALineThatNeverRuns() {
            assertEquals("ex.yaml:10:12: the probe after line 3 never runs: that line never runs, or a return, break or continue ends its block first",
                    problem("""
                            id: ex
                            title: T
                            code: |
                              a = [1]
                              if len(a) > 5:
                                  a.append(2)
                            questions:
                              - id: q
                                prompt: p
                                after: 3
                                answer: int
                                expr: len(a)
                            """));
        }

        @Test
        void lineThatRunsSeveralTimesNeedsHit() {
            assertEquals("ex.yaml:9:12: line 3 runs 3 times; say which run with hit: 1 to 3, or hit: last", problem("""
                    id: ex
                    title: T
                    code: |
                      a = []
                      for i in range(3):
                          a.append(i)
                    questions:
                      - id: q
                        after: 3
                        prompt: p
                        answer: int
                        expr: len(a)
                    """));
        }

        @Test
        void probeThatRaisesQuotesTheException() {
            assertEquals("ex.yaml:7:53: the probe raises NameError: name 'c' is not defined when it runs after line 2",
                    problem(HEAD + "questions:\n  - {id: q, prompt: p, answer: int, after: 2, expr: len(c)}\n"));
        }

        @Test
        void afterOnABlockHeaderIsRefused() {
            assertEquals("ex.yaml:9:12: line 2 is the header of a block (for i in range(3):); a probe goes after a statement:"
                    + " pick the last line of a statement inside the block or after it", problem("""
                    id: ex
                    title: T
                    code: |
                      a = []
                      for i in range(3):
                          a.append(i)
                    questions:
                      - id: q
                        after: 2
                        prompt: p
                        answer: int
                        expr: len(a)
                    """));
        }

        @Test
        void afterInsideAMultiLineStatementNamesItsLastLine() {
            assertEquals("ex.yaml:7:44: line 1 is inside the statement on lines 1-2; use after: 2", problem("""
                    id: ex
                    title: T
                    code: |
                      a = [1,
                           2]
                    questions:
                      - {id: q, prompt: p, answer: int, after: 1, expr: len(a)}
                    """));
        }

        @Test
        void probeOfTheWrongKindSaysWhatItGives() {
            assertEquals("ex.yaml:7:53: 'a' gives [1, 2], not an int; use answer: text, or ask for an int",
                    problem(HEAD + "questions:\n  - {id: q, prompt: p, answer: int, after: 2, expr: a}\n"));
        }

        @Test
        void trackNeedsADeclaredCapture() {
            assertEquals("ex.yaml:7:46: 'track' names a capture; there is no capture 'h' (add one under 'capture:')",
                    problem(HEAD + "questions:\n  - {id: q, prompt: p, answer: lines, track: h, event: freed}\n"));
        }

        @Test
        void everyProblemOfAFileIsReportedNotJustTheFirst() {
            var c = check(HEAD + """
                    questions:
                      - {id: q, prompt: p, answer: output, colour: red}
                      - {id: r, answer: output}
                    """);
            assertEquals(2, c.problems().size(), c.problems().toString());
        }
    }

    @Nested
    class TheProgramItself {
        static final String QUESTIONS = """
                questions:
                  - {id: q, prompt: p, answer: bool, after: 1, expr: a is a}
                  - {id: r, prompt: p, answer: output}
                """;

        @Test
        void aProgramTheSimulatorRefusesIsTheOnlyProblem() {
            String p = problem("id: ex\ntitle: T\ncode: |\n  a = []\n  import socket\n" + QUESTIONS);
            assertTrue(p.contains("the program cannot be keyed") && p.contains("socket"), p);
        }

        @Test
        void aProbeTheSimulatorRefusesSaysWhatItRefused() {
            String p = problem("id: ex\ntitle: T\ncode: |\n  a = []\n  b = a\n"
                    + "questions:\n  - {id: q, prompt: p, answer: int, after: 2, expr: \"eval('len(a)')\"}\n");
            assertTrue(p.contains("the probe after line 2 cannot be keyed: refgrade: unsupported: the builtin 'eval'"), p);
        }

        @Test
        void aProgramThatRunsIntoALimitIsTheOnlyProblem() {
            var few = new Limits(10_000, 2_000_000L, 1000, 4L << 20, 10_000_000L);
            var c = Exercises.check("ex.yaml", "ex.yaml", "id: ex\ntitle: T\ncode: |\n  a = []\n  while True:\n    pass\n" + QUESTIONS,
                    Set.of("default"), few);
            assertEquals(1, c.problems().size(), c.problems().toString());
            assertTrue(c.problems().get(0).render().contains("the program cannot be keyed: refgrade: limit"), c.problems().toString());
        }
    }
}
