package dev.refgrade.grading;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refgrade.exercise.Exercise;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of an answers file: a JSON list of {student, answers, submitted_at}, or a CSV with columns
 * student, submitted_at and one per question id. A row that cannot be read is reported with its
 * row number and position and left out; the others are still graded.
 */
public final class AnswerRows {
    private AnswerRows() {}

    /** One student's submission, with the row number and where it starts in the file; submittedAt may be null. */
    public record Row(int row, int line, int col, String student, JsonNode answers, Instant submittedAt) {
        /** "LINE:COL: row N", to follow the file's name in a message. */
        public String where() {
            return line + ":" + col + ": row " + row;
        }
    }

    /** A whole file that cannot be read at all. */
    public static final class FileException extends Exception {
        public final int line, col;

        FileException(int line, int col, String message) {
            super(message);
            this.line = line;
            this.col = col;
        }
    }

    public static List<Row> json(String text, Consumer<String> skipped) throws FileException {
        List<Row> rows = new ArrayList<>();
        List<PlainJson.Element> plain = null;
        try {
            plain = PlainJson.elements(text);
        } catch (IllegalArgumentException notPlain) {
            // read by Jackson below, which says what is wrong and where
        }
        if (plain != null) {
            int n = 0;
            for (PlainJson.Element e : plain) add(rows, ++n, e.line(), e.col(), e.value(), skipped);
            return rows;
        }
        try (JsonParser p = JsonTrees.FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new FileException(1, 1, "an answers file is a JSON list of {student, answers, submitted_at}");
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation at = p.currentTokenLocation();
                add(rows, ++n, at.getLineNr(), at.getColumnNr(), JsonTrees.read(p), skipped);
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new FileException(l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FileException(1, 1, e.getMessage());
        }
        return rows;
    }

    private static void add(List<Row> rows, int n, int line, int col, JsonNode node, Consumer<String> skipped) {
        try {
            rows.add(row(n, line, col, node));
        } catch (IllegalArgumentException e) {
            skipped.accept(line + ":" + col + ": row " + n + ": " + e.getMessage() + "; skipped");
        }
    }

    private static Row row(int n, int line, int col, JsonNode node) {
        if (!node.isObject()) throw new IllegalArgumentException("must be an object {student, answers, submitted_at}");
        JsonNode student = node.path("student"), answers = node.path("answers");
        if (!student.isTextual() && !student.isIntegralNumber() || student.asText().isBlank()) throw new IllegalArgumentException("'student' is missing");
        if (!answers.isObject()) throw new IllegalArgumentException("'answers' must be an object mapping question ids to answers");
        return new Row(n, line, col, student.asText(), answers, time(node.path("submitted_at")));
    }

    private static Instant time(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) return null;
        try {
            return java.time.OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'submitted_at' must be an ISO-8601 time like 2026-12-01T12:00:00Z, not '" + v.asText() + "'");
        }
    }

    /** CSV: a header naming student, submitted_at (optional) and question ids; a cell left empty is no answer. */
    public static List<Row> csv(String text, Exercise ex, Consumer<String> skipped) throws FileException {
        List<Csv.Record> records;
        try {
            records = Csv.parse(text);
        } catch (Csv.CsvException e) {
            throw new FileException(e.line, 1, e.getMessage());
        }
        if (records.isEmpty()) throw new FileException(1, 1, "the CSV is empty; it needs a header: student,submitted_at,<question ids>");
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        if (!header.contains("student")) throw new FileException(1, 1, "the CSV header needs a 'student' column");
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (!h.equals("student") && !h.equals("submitted_at") && ex.questions().stream().noneMatch(q -> q.id().equals(h))) {
                throw new FileException(1, c + 1, "column '" + h + "' is no question of exercise '" + ex.id() + "'");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Csv.Record rec = records.get(r);
            try {
                if (rec.fields().size() != header.size()) {
                    throw new IllegalArgumentException("has " + rec.fields().size() + " cells; the header has " + header.size());
                }
                ObjectNode row = JsonNodeFactory.instance.objectNode(), answers = row.putObject("answers");
                for (int c = 0; c < header.size(); c++) {
                    String h = header.get(c), cell = rec.fields().get(c);
                    switch (h) {
                        case "student" -> row.put("student", cell.strip());
                        case "submitted_at" -> { if (!cell.isBlank()) row.put("submitted_at", cell.strip()); }
                        default -> { if (!cell.isBlank()) answers.set(h, cell(ex, h, cell)); }
                    }
                }
                rows.add(row(r, rec.line(), 1, row));
            } catch (IllegalArgumentException e) {
                skipped.accept(rec.line() + ":1: row " + r + ": " + e.getMessage() + "; skipped");
            }
        }
        return rows;
    }

    /** A heap drawing's cell is its JSON; every other kind is read from text. */
    private static JsonNode cell(Exercise ex, String qid, String cell) {
        boolean heap = ex.questions().stream().anyMatch(q -> q.id().equals(qid) && q.kind() == Exercise.Kind.HEAP);
        if (!heap) return JsonNodeFactory.instance.textNode(cell);
        try {
            return JsonTrees.read(cell);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("column '" + qid + "' must hold a drawing as JSON: " + why);
        }
    }
}
