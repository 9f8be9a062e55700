package dev.refgrade.grading;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; quoted fields may span lines. */
public final class Csv {
    private Csv() {}

    /** A parsed record and the line it starts on. */
    public record Record(int line, List<String> fields) {}

    public static List<Record> parse(String text) throws CsvException {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1, start = 1, i = 0, n = text.length();
        boolean quoted = false, any = false;
        if (text.startsWith("\uFEFF")) i = 1; // spreadsheets write a byte-order mark
        while (i < n) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"' && i < n && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    if (i < n && ",\r\n".indexOf(text.charAt(i)) < 0) throw new CsvException(line, "text after a closing quote");
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i < n && text.charAt(i) == '\n') i++;
                if (any || !field.isEmpty()) {
                    fields.add(field.toString());
                    out.add(new Record(start, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                start = ++line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) throw new CsvException(start, "a quoted field is never closed");
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            out.add(new Record(start, List.copyOf(fields)));
        }
        return out;
    }

    /** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
    private static final String FORMULA_START = "=+-@\t\r";
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    /**
     * A row for a spreadsheet to open. A name like {@code =HYPERLINK(...)} would run as a formula
     * there, so a text starting with a formula character and not a number gets a leading {@code '}
     * (shown by spreadsheets as text, and quoted) as OWASP advises; numbers, even negative, stay numbers.
     */
    public static String row(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            if (!b.isEmpty()) b.append(',');
            String s = v == null ? "" : v.toString();
            boolean formula = !s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0 && !NUMBER.matcher(s).matches();
            if (formula) s = "'" + s;
            if (formula || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            b.append(s);
        }
        return b.append("\r\n").toString();
    }

    public static final class CsvException extends Exception {
        public final int line;

        CsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }
}
