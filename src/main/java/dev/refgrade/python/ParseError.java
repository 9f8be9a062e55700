package dev.refgrade.python;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything wrong with a source file: syntax errors CPython 3.11 would raise, and constructs
 * refgrade does not simulate. {@link #problems()} lists them all in source order; {@link #reported()}
 * is the one a run reports, chosen the way CPython chooses which SyntaxError to raise.
 */
public final class ParseError extends Exception {
    public enum Kind { SYNTAX, UNSUPPORTED }

    /**
     * One problem. For SYNTAX, {@code pyType} is CPython's exception class ("SyntaxError",
     * "IndentationError", "TabError", or "RecursionError" for a tree nested too deeply to compile), {@code diagnostic.col()} is CPython's 1-based {@code offset} and
     * {@code endLine}/{@code endCol} its {@code end_lineno}/{@code end_offset} (0 or -1 where CPython
     * has none); like CPython's, these count UTF-8 bytes except in the tokenizer's own messages. For
     * UNSUPPORTED, {@code pyType} is null, the message names the construct and the column is where it starts.
     */
    public record Problem(Kind kind, String pyType, Diagnostic diagnostic, int endLine, int endCol) {
        public Problem(Kind kind, String pyType, Diagnostic diagnostic) {
            this(kind, pyType, diagnostic, diagnostic.line(), -1);
        }

        public String message() {
            return diagnostic.message();
        }

        public int line() {
            return diagnostic.line();
        }

        public int col() {
            return diagnostic.col();
        }
    }

    /**
     * The stage of CPython's pipeline that would raise a problem; it decides which one CPython reports.
     * The parser stops at the first TOKENIZER error (a broken literal, bracket or character), the
     * first TOKENIZER_STOP (bad dedent, tab/space mix, stray backslash), the first PARSER_STOP
     * (unexpected indent), the end of the file inside a bracket (UNCLOSED), or the first PARSER
     * error. After a PARSER error CPython tokenizes on to the end: a TOKENIZER error found there is
     * reported instead, and so is an UNCLOSED bracket if the parser had read past its line; a
     * TOKENIZER_STOP ends that scan.
     * LATENT marks valid code that CPython's error pass, which re-reads the file from the start,
     * still objects to (print [0]); it is reported when that pass runs and meets it first.
     * A file that parsed then meets the AST optimizer (OPTIMIZER), the symbol table, the compiler.
     */
    enum Phase { TOKENIZER, TOKENIZER_STOP, PARSER_STOP, UNCLOSED, PARSER, LATENT, OPTIMIZER, SYMTABLE, COMPILER, UNSUPPORTED }

    /**
     * A problem with where it was found: {@code at} is the token index the parser had read up to.
     * {@code text} is the source text CPython shows for it when that is not the file's line.
     */
    record Found(Problem problem, Phase phase, int at, int detectLine, String text) {
        Found(Problem problem, Phase phase, int at, int detectLine) {
            this(problem, phase, at, detectLine, null);
        }
    }

    private final List<Problem> problems;
    private final Problem reported;
    private final String reportedText;
    private final List<String> lines;

    ParseError(List<Found> found, List<String> lines) {
        this.reported = choose(found);
        this.reportedText = found.stream().filter(f -> f.problem() == reported).findFirst().map(Found::text).orElse(null);
        var sorted = new ArrayList<Problem>(found.size());
        for (Found f : found) sorted.add(f.problem());
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::col));
        this.problems = List.copyOf(sorted);
        this.lines = lines;
    }

    @Override
    public String getMessage() {
        return reported.diagnostic().render();
    }

    /** All problems, in source order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    /** The problem a run reports: what CPython 3.11 would raise, or else the first unsupported construct. */
    public Problem reported() {
        return reported;
    }

    /** The source lines, for rendering. */
    public List<String> lines() {
        return lines;
    }

    /** What a run prints on stderr for {@link #reported()}. */
    public String renderCPython() {
        return reportedText == null ? render(reported, lines) : render(reported, reportedText + "\n");
    }

    /**
     * CPython's stderr for a SyntaxError raised while compiling the main script (no traceback header),
     * or refgrade's one line for an unsupported construct. Mirrors {@code print_error_text} of 3.11's
     * pythonrun.c: the source line stripped of leading whitespace, carets under {@code offset..end_offset}.
     */
    public static String render(Problem p, List<String> lines) {
        int n = p.diagnostic().line();
        return render(p, n >= 1 && n <= lines.size() ? lines.get(n - 1) + "\n" : null);
    }

    private static String render(Problem p, String text) {
        var d = p.diagnostic();
        if (p.kind() == Kind.UNSUPPORTED) {
            return "refgrade: unsupported: " + d.message() + " at line " + d.line() + "\n";
        }
        // A RecursionError from the compiler is no SyntaxError: CPython shows only its last line.
        if ("RecursionError".equals(p.pyType())) return p.pyType() + ": " + d.message() + "\n";
        var out = new StringBuilder();
        out.append("  File \"").append(d.file()).append("\", line ").append(d.line()).append('\n');
        if (text != null) {
            int size = utf8Length(text); // CPython measures the line in bytes
            // Only SyntaxError itself carries an end position; its subclasses always get one caret.
            boolean exact = "SyntaxError".equals(p.pyType());
            int endOffset = exact ? p.endCol() : -1;
            if (exact && p.endLine() > d.line()) endOffset = size;
            if (endOffset > size + 1) endOffset = size + 1;
            appendErrorText(out, d.col(), endOffset, text);
        }
        out.append(p.pyType()).append(": ").append(d.message()).append('\n');
        return out.toString();
    }

    private static void appendErrorText(StringBuilder out, int offset, int endOffset, String text) {
        int carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
        offset--;
        int from = 0;
        while (from < text.length() && (text.charAt(from) == ' ' || text.charAt(from) == '\t' || text.charAt(from) == '\f')) {
            from++;
            offset--;
        }
        String shown = text.substring(from);
        int len = utf8Length(shown) - 1; // without the newline
        if (offset > len) offset = len;
        // Text spanning lines (an f-string field's) shows only the line the offset falls in.
        for (int nl = shown.indexOf('\n'); nl >= 0; nl = shown.indexOf('\n')) {
            int skipped = utf8Length(shown.substring(0, nl + 1));
            if (skipped > offset) break;
            shown = shown.substring(nl + 1);
            offset -= skipped;
        }
        out.append("    ").append(shown);
        if (offset < 0) return;
        out.append("    ").append(" ".repeat(offset)).append("^".repeat(carets)).append('\n');
    }

    /**
     * CPython counts the columns of most errors in UTF-8 bytes (only its tokenizer counts characters),
     * which differs after a non-ASCII character; converts a 1-based character column of source's line.
     */
    static int byteColumn(String source, int line, int col) {
        if (col <= 1) return col;
        int i = 0;
        for (int n = 1; n < line && i >= 0; n++) {
            i = source.indexOf('\n', i);
            if (i >= 0) i++;
        }
        if (i < 0) return col;
        int bytes = 0;
        int chars = 0;
        while (chars < col - 1 && i < source.length() && source.charAt(i) != '\n') {
            char c = source.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < source.length()) {
                bytes += 4;
                i += 2;
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                i++;
            }
            chars++;
        }
        return 1 + bytes + (col - 1 - chars); // columns past the end of the line count one each
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** CPython's choice among the problems; see {@link Phase}. */
    private static Problem choose(List<Found> found) {
        // What the parser runs into first (at a tie, the tokenizer's error: it comes with the token).
        Found hit = null;
        for (Found f : found) {
            if (f.phase().compareTo(Phase.PARSER) <= 0
                    && (hit == null || f.at() < hit.at() || f.at() == hit.at() && f.phase().compareTo(hit.phase()) < 0)) {
                hit = f;
            }
        }
        if (hit == null) return afterParsing(found);
        if (hit.phase() != Phase.PARSER && hit.phase() != Phase.PARSER_STOP) return hit.problem();
        // The error pass re-reads the file and raises the first thing it objects to.
        Found parserHit = hit;
        Found latent = first(found, Phase.LATENT);
        if (latent != null && latent.at() <= hit.at()) hit = latent;
        if (hit.phase() == Phase.PARSER_STOP) return hit.problem();
        // Then CPython tokenizes on to the end of the file, unless a tokenizer stop ends that early.
        Found later = null;
        for (Found f : found) {
            boolean tokenizer = f.phase().compareTo(Phase.UNCLOSED) <= 0 && f.phase() != Phase.PARSER_STOP;
            if (tokenizer && f.at() >= parserHit.at() && (later == null || f.at() < later.at())) later = f;
        }
        if (later == null || later.phase() == Phase.TOKENIZER_STOP) return hit.problem();
        if (later.phase() == Phase.TOKENIZER) return later.problem();
        return parserHit.detectLine() > later.problem().line() ? later.problem() : hit.problem();
    }

    /** With no syntax error, the compiler's passes run in order; refused constructs come last. */
    private static Problem afterParsing(List<Found> found) {
        for (Phase phase : List.of(Phase.OPTIMIZER, Phase.SYMTABLE, Phase.COMPILER)) {
            for (Found f : found) if (f.phase() == phase) return f.problem();
        }
        Problem best = null;
        for (Found f : found) {
            Problem p = f.problem();
            if (best == null || p.line() < best.line() || p.line() == best.line() && p.col() < best.col()) best = p;
        }
        return best;
    }

    private static Found first(List<Found> found, Phase phase) {
        Found best = null;
        for (Found f : found) {
            if (f.phase() == phase && (best == null || f.at() < best.at())) best = f;
        }
        return best;
    }
}
