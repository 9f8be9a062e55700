package dev.refgrade.runtime.eval;

import dev.refgrade.python.Module;
import dev.refgrade.python.Span;
import dev.refgrade.runtime.objects.CodePosition;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFrame;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTraceback;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A traceback as 3.11 prints it (Python/pythonrun.c and Python/traceback.c): causes and contexts
 * first, each entry with its source line and the markers under the part that failed.
 */
final class TracebackText {
    private static final String CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n";
    private static final String CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n";
    /** PyTraceBack_LIMIT and TB_RECURSIVE_CUTOFF. */
    private static final int LIMIT = 1000, CUTOFF = 3;

    private final PyRuntime rt;
    private final Map<String, Module> sources;
    private final StringBuilder b = new StringBuilder();
    private final Set<PyBaseExc> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Whether entries get markers: from 3.13 the C printer, left to unraisable errors, draws none. */
    private final boolean markers;
    /** Whether the last line gets "Did you mean": PyErr_Print's printer offers it, the unraisable hook's does not. */
    private final boolean suggestions;

    private TracebackText(PyRuntime rt, Map<String, Module> sources, boolean markers, boolean suggestions) {
        this.rt = rt;
        this.sources = sources;
        this.markers = markers;
        this.suggestions = suggestions;
    }

    /**
     * The text for {@code v}; with {@code chained}, preceded by its cause or context as
     * print_exception_recursive does (PyErr_Print), else as PyErr_WriteUnraisable prints it.
     */
    static String render(PyRuntime rt, PyBaseExc v, Map<String, Module> sources, boolean chained) {
        TracebackText t = new TracebackText(rt, sources, chained || !rt.rules.tracebackPy, chained);
        if (chained) t.recursive(v);
        else t.exception(v);
        return t.b.toString();
    }

    private void recursive(PyBaseExc v) {
        seen.add(v);
        if (v.cause instanceof PyBaseExc cause) {
            if (!seen.contains(cause)) {
                recursive(cause);
                b.append(CAUSE);
            }
        } else if (!v.suppressContext && v.context instanceof PyBaseExc context && !seen.contains(context)) {
            recursive(context);
            b.append(CONTEXT);
        }
        exception(v);
    }

    private void exception(PyBaseExc v) {
        if (v.libraryFile != null && v.traceback instanceof PyTraceback) {
            throw new dev.refgrade.runtime.Unsupported("a traceback through " + v.libraryFile
                    + " (CPython prints the path and lines of its installed file)", lastLine(v));
        }
        if (v.traceback instanceof PyTraceback tb) {
            b.append("Traceback (most recent call last):\n");
            entries(tb);
        }
        String text;
        try {
            text = rt.ops.str(v);
        } catch (PyException e) {
            e.discard(rt.heap);
            text = "<exception str() failed>";
        }
        b.append(typeName(v)).append(text.isEmpty() ? "" : ": " + text + (suggestions ? Suggestions.offer(rt, v) : "")).append('\n');
    }

    private static int lastLine(PyBaseExc v) {
        int line = 0;
        for (PyTraceback t = v.traceback instanceof PyTraceback tb ? tb : null; t != null; t = t.next) line = t.lineno;
        return line;
    }

    /**
     * print_exception_message: the class's __qualname__, after its __module__ unless that is __main__
     * or builtins, and after "<unknown>." when __module__ is no str or cannot be read.
     */
    private String typeName(PyBaseExc v) {
        String qualname = v.cls.heapType && v.cls.qualname != null ? v.cls.qualname.value : v.cls.name.substring(v.cls.name.lastIndexOf('.') + 1);
        // A class's __module__ is read from its dict (type_module) without making a str, as CPython's is; a
        // metaclass of the program's own, which could answer otherwise, is refused where the class is made.
        String module = !v.cls.heapType ? v.cls.builtinModule()
                : v.cls.dict.getBorrowed(rt, rt.name("__module__")) instanceof PyStr m ? m.value : null;
        if (module == null) return "<unknown>." + qualname;
        return module.equals("__main__") || module.equals("builtins") ? qualname : module + "." + qualname;
    }

    /** tb_print_internal: the newest LIMIT entries, a run of the same line cut after three. */
    private void entries(PyTraceback tb) {
        int depth = 0;
        for (PyTraceback t = tb; t != null; t = t.next) depth++;
        while (tb != null && depth > LIMIT) {
            depth--;
            tb = tb.next;
        }
        String lastFile = null, lastName = null;
        int lastLine = -1, count = 0, programLine = 0;
        for (; tb != null; tb = tb.next) {
            PyFrame frame = (PyFrame) tb.frame;
            String file = frame.frame.code.file, name = frame.frame.code.name;
            if (!file.equals(lastFile) || tb.lineno != lastLine || !name.equals(lastName)) {
                repeated(count);
                lastFile = file;
                lastLine = tb.lineno;
                lastName = name;
                count = 0;
            }
            // Library code run from its text (Lib/dataclasses.py): CPython names its installed file and prints its lines.
            if (file.startsWith("Lib/")) throw new dev.refgrade.runtime.Unsupported("a traceback through " + file + "'s " + name
                    + " (CPython prints the path and lines of its installed file)", programLine);
            programLine = tb.lineno;
            if (++count <= CUTOFF) line(file, tb.lineno, name, tb.position);
        }
        repeated(count);
    }

    private void repeated(int count) {
        if (count <= CUTOFF) return;
        int more = count - CUTOFF;
        b.append("  [Previous line repeated ").append(more).append(" more time").append(more > 1 ? "s" : "").append("]\n");
    }

    private void line(String file, int lineno, String name, CodePosition at) {
        b.append("  File \"").append(file).append("\", line ").append(lineno).append(", in ").append(name).append('\n');
        Module m = sources.get(file);
        if (m == null || file.startsWith("<")) return;
        String raw = m.line(lineno);
        int indent = 0;
        while (indent < raw.length() && isSpace(raw.charAt(indent))) indent++;
        int end = raw.length();
        while (end > indent && isSpace(raw.charAt(end - 1))) end--;
        if (end == indent) return;
        b.append("    ").append(raw, indent, end).append('\n');
        if (markers && at != null && at.line() == lineno) carets(raw, indent, end, at);
    }

    /**
     * print_error_location_carets: '^' under the failing instruction's range; for a binary
     * operation '~' under the operands and '^' under the operator, for a subscript '~' under
     * the value, and from 3.13 for a call '~' under the function. Left out when plain markers
     * would underline the whole line.
     */
    private void carets(String raw, int indent, int lineEnd, CodePosition at) {
        Span s = at.span();
        int start = s.col() - 1;
        boolean oneLine = s.line() == s.endLine();
        int end = oneLine ? s.endCol() - 1 : lineEnd;
        if (start < indent || end > raw.length() || start >= end) return;
        int leftEnd = -1, rightStart = -1;
        if (oneLine && at.kind() == CodePosition.Kind.BINARY) {
            for (int i = at.left().endCol() - 1; i < at.right().col() - 1; i++) {
                char ch = raw.charAt(i);
                if (isSpace(ch) || ch == ')') continue;
                leftEnd = i;
                rightStart = i + 1;
                if (i + 1 < at.right().col() - 1 && !isSpace(raw.charAt(i + 1))) rightStart++;
                break;
            }
        } else if (oneLine && at.kind() == CodePosition.Kind.SUBSCRIPT) {
            leftEnd = at.left().endCol() - 1;
            rightStart = at.right().endCol();
        } else if (oneLine && at.kind() == CodePosition.Kind.CALL && rt.rules.tracebackPy) {
            if (wholeValueOfReturnOrAssign(raw, indent, start, end, at.left())) return;
            leftEnd = raw.indexOf('(', at.left().endCol() - 1);
            rightStart = end;
        }
        boolean anchored = leftEnd >= 0;
        if (!anchored && start == indent && end == lineEnd) return;
        b.append("    ").append(" ".repeat(start - indent));
        for (int i = start; i < end; i++) b.append(anchored && leftEnd <= i && i < rightStart ? '^' : anchored ? '~' : '^');
        b.append('\n');
    }

    /**
     * traceback.py's _should_show_carets (3.13+): no markers under a call of a plain name that is
     * the whole value of `return` or of an assignment to one name.
     */
    private static boolean wholeValueOfReturnOrAssign(String raw, int indent, int start, int end, Span func) {
        String before = raw.substring(indent, start), rest = raw.substring(end).strip();
        boolean statement = before.matches("return\\s+") || before.matches("[\\p{L}_][\\p{L}\\p{N}_]*\\s*=\\s*");
        boolean plainName = raw.substring(func.col() - 1, func.endCol() - 1).matches("[\\p{L}_][\\p{L}\\p{N}_]*");
        return statement && plainName && (rest.isEmpty() || rest.startsWith("#"));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == 0x0b;
    }
}
