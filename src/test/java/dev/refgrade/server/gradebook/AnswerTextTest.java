package dev.refgrade.server.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercise.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored answers shown to an instructor as the student gave them in the form. */
class AnswerTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Exercise.Question question(Kind kind, List<String> labels) {
        return new Exercise.Question("q", "p", kind, null, null, null, List.of(), labels, null, null, List.of(), 0, null);
    }

    private static String shown(Kind kind, List<String> labels, String json) throws Exception {
        return AnswerText.of(question(kind, labels), JSON.readTree(json));
    }

    @Test
    void aBooleanIsTheRadioButtonsWord() throws Exception {
        assertEquals("False", shown(Kind.BOOL, List.of(), "false"));
    }

    @Test
    void choicesAreTheStatementsTicked() throws Exception {
        assertEquals("d is c\nd is a", shown(Kind.CHOICE, List.of("d is c", "d == [1]", "d is a"), "[0, 2]"));
        assertEquals("(none ticked)", shown(Kind.CHOICE, List.of("x"), "[]"));
    }

    @Test
    void textIsExactlyAsTyped() throws Exception {
        assertEquals("[1, 2,  3]\n", shown(Kind.OUTPUT, List.of(), "\"[1, 2,  3]\\n\""));
    }

    @Test
    void linesAreNamedAsLines() throws Exception {
        assertEquals("lines 3, 5", shown(Kind.LINES, List.of(), "[3, 5]"));
    }

    @Test
    void aHeapDrawingIsItsNamesThenEachObjectsReferences() throws Exception {
        String drawing = """
                {"names": {"a": 0, "b": null}, "objects": [{"id": 0, "type": "list", "value": null, "refs": [{"label": "[0]", "to": 1}]},
                 {"id": 1, "type": "int", "value": "1", "refs": []}]}""";
        assertEquals("a → #0 list\nb → nothing\n#0 list: [0] → #1 int 1", shown(Kind.HEAP, List.of(), drawing));
    }
}
