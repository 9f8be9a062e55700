package dev.refgrade.server.courses;

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
        List<Row> rows = csv ? csv(ctx.body()) : List.of(Json.body(ctx, Row[].class));
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) fields.add(csv ? "line " + (i + 2) : "[" + i + "]");
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

    /** RFC 4180: commas, quoted fields with doubled quotes; the header names the columns id and name. */
    static List<Row> csv(String text) {
        List<List<String>> lines = parse(text);
        if (lines.isEmpty()) throw ApiError.invalid("line 1", "the CSV needs a header row id,name");
        List<String> header = lines.get(0).stream().map(h -> h.strip().toLowerCase()).toList();
        int id = header.indexOf("id"), name = header.indexOf("name");
        if (id < 0 || name < 0) throw ApiError.invalid("line 1", "the CSV header must name the columns id and name, not " + header);
        List<Row> rows = new ArrayList<>();
        for (List<String> l : lines.subList(1, lines.size())) {
            rows.add(new Row(id < l.size() ? l.get(id).strip() : null, name < l.size() ? l.get(name).strip() : null));
        }
        return rows;
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') field.append(text.charAt(++i));
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') {
                quoted = any = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                if (any || !field.isEmpty()) {
                    line.add(field.toString());
                    lines.add(line);
                }
                line = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || !field.isEmpty()) {
            line.add(field.toString());
            lines.add(line);
        }
        return lines;
    }
}
