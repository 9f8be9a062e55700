package dev.refgrade.server.courses;

import dev.refgrade.grading.Csv;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Json;
import dev.refgrade.server.Valid;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A roster upload, as JSON {@code [{id, name}]} or as CSV with a header row {@code id,name}. */
final class Roster {
    record Row(String id, String name) {}

    private Roster() {}

    static List<Row> read(Context ctx) throws Exception {
        // CSV when it says so; anything else is read as JSON (curl's default form type included).
        boolean csv = ctx.contentType() != null && ctx.contentType().toLowerCase().startsWith("text/csv");
        List<String> fields = new ArrayList<>();
        List<Row> rows = csv ? csv(Json.text(ctx), fields) : List.of(Json.body(ctx, Row[].class));
        for (int i = fields.size(); i < rows.size(); i++) fields.add("[" + i + "]");
        Set<String> seen = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = fields.get(i), sep = at.startsWith("[") ? "." : " ";
            if (rows.get(i) == null) throw ApiError.invalid(at, at + " must be an object {id, name}");
            String id = Valid.id(at + sep + "id", rows.get(i).id());
            if (!seen.add(id)) throw ApiError.invalid(at + sep + "id", "student '" + id + "' appears twice in the roster");
            out.add(new Row(id, Valid.text(at + sep + "name", rows.get(i).name())));
        }
        if (out.isEmpty()) throw ApiError.invalid(null, "the roster lists no students");
        return out;
    }

    /** The CSV's rows by the columns its header names id and name, each with the line it is on. */
    static List<Row> csv(String text, List<String> fields) {
        List<Csv.Record> records;
        try {
            records = Csv.parse(text);
        } catch (Csv.CsvException e) {
            throw ApiError.invalid("line " + e.line, "line " + e.line + " of the CSV: " + e.getMessage());
        }
        if (records.isEmpty()) throw ApiError.invalid("line 1", "the CSV needs a header row id,name");
        List<String> header = records.get(0).fields().stream().map(h -> h.strip().toLowerCase()).toList();
        int id = header.indexOf("id"), name = header.indexOf("name");
        if (id < 0 || name < 0) throw ApiError.invalid("line 1", "the CSV header must name the columns id and name, not " + header);
        List<Row> rows = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            List<String> l = r.fields();
            rows.add(new Row(id < l.size() ? l.get(id).strip() : null, name < l.size() ? l.get(name).strip() : null));
            fields.add("line " + r.line());
        }
        return rows;
    }
}
