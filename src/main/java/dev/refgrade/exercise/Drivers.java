package dev.refgrade.exercise;

import dev.refgrade.python.Module;
import dev.refgrade.python.ParseError;
import dev.refgrade.python.Parser;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.Session;
import java.util.List;

/** The Python that makes python3 run a probed program the way the simulator ran it. */
final class Drivers {
    /** Printed to stdout after each cell, to cut CPython's output into cells. */
    static final String CELL_END = "\u001e\n";

    private Drivers() {}

    /**
     * sitecustomize.py: loaded by python3 before the program, it adds the probe helpers to builtins.
     * A capture keeps the address, the type's address and whether the collector tracked the object:
     * a tracked object is alive while gc.get_objects() lists it; an untracked one while its header
     * still holds a count and its type.
     */
    static String prelude(List<String> handles) {
        StringBuilder b = new StringBuilder("""
                import builtins, ctypes, gc, os, sys
                _out = open(os.environ["REFGRADE_PROBE_OUT"], "w", buffering=1)
                _caps = [None] * %d
                _runs = [0] * %d
                def _immortal(obj):
                    # PEP 683 (3.12): such an object's count is a marker, whose value depends on the build.
                    if sys.version_info < (3, 12):
                        return False
                    if hasattr(sys, "_is_immortal"):
                        return sys._is_immortal(obj)
                    return sys.getrefcount(obj) >= 1 << 29
                def __refgrade_capture__(slot, hit, obj):
                    _runs[slot] += 1
                    if hit == 0 or _runs[slot] == hit:
                        _caps[slot] = (id(obj), id(type(obj)), gc.is_tracked(obj), _immortal(obj))
                def alive(slot):
                    address, type_address, tracked, immortal = _caps[slot]
                    if tracked:
                        return any(id(o) == address for o in gc.get_objects())
                    # ob_type follows ob_refcnt: 8 bytes in on 64-bit builds, 4 on 32-bit ones.
                    return (ctypes.c_ssize_t.from_address(address).value > 0
                            and ctypes.c_void_p.from_address(address + ctypes.sizeof(ctypes.c_void_p)).value == type_address)
                def refcount(slot):
                    if not alive(slot):
                        raise ValueError("refcount() of an object that no longer exists")
                    if _caps[slot][3]:
                        with open(os.environ["REFGRADE_NOT_CHECKABLE"], "a") as f:
                            f.write("immortal\\n")
                    return ctypes.c_ssize_t.from_address(_caps[slot][0]).value
                builtins.__refgrade_out__ = _out
                builtins.__refgrade_capture__ = __refgrade_capture__
                builtins.alive = alive
                builtins.refcount = refcount
                """.formatted(handles.size(), handles.size()));
        for (int i = 0; i < handles.size(); i++) b.append("builtins.").append(handles.get(i)).append(" = ").append(i).append('\n');
        return b.toString();
    }

    /** The probe line sends its repr to the probe file instead of stdout. */
    static String redirectProbe(String text, Session.Site site) {
        if (site == null) return text;
        String[] lines = text.split("\n", -1);
        String l = lines[site.line() - 1];
        if (l.endsWith("))") && l.stripLeading().startsWith("print(repr(")) {
            lines[site.line() - 1] = l.substring(0, l.length() - 1) + ", file=__refgrade_out__)";
        }
        return String.join("\n", lines);
    }

    /** A driver that runs the cells as DESIGN.md's profile cells says, showing each last expression. */
    static String cells(Instrumented program, Session.Site site) {
        StringBuilder b = new StringBuilder("""
                import builtins
                def __refgrade_display__(value):
                    if value is not None:
                        print(repr(value))
                builtins.__refgrade_display__ = __refgrade_display__
                del __refgrade_display__
                CELLS = [
                """);
        for (Session.Source s : program.sources) {
            String text = site != null && s.name().equals(site.file()) ? redirectProbe(s.text(), site) : s.text();
            b.append("    (").append(literal(s.name())).append(", ").append(literal(displayLast(s.name(), text))).append("),\n");
        }
        return b.append("""
                ]
                ns = {"__name__": "__main__"}
                for name, src in CELLS:
                    exec(compile(src, name, "exec"), ns)
                    print("\\x1e")
                """).toString();
    }

    /** Wraps a cell's final expression statement in the display call. */
    static String displayLast(String name, String text) {
        Module m;
        try {
            m = Parser.parse(name, text);
        } catch (ParseError e) {
            return text;
        }
        if (m.body().isEmpty() || !(m.body().get(m.body().size() - 1) instanceof Stmt.ExprStmt last)) return text;
        var span = last.span();
        int start = offset(text, span.line(), span.col()), end = offset(text, span.endLine(), span.endCol());
        return text.substring(0, start) + "__refgrade_display__(" + text.substring(start, end) + ")" + text.substring(end);
    }

    private static int offset(String text, int line, int col) {
        int at = 0;
        for (int l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
        return text.offsetByCodePoints(at, col - 1);
    }

    static String literal(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().forEach(c -> {
            if (c == '\\' || c == '\'') b.append('\\').append((char) c);
            else if (c == '\n') b.append("\\n");
            else if (c >= 32 && c < 127) b.append((char) c);
            else b.append(String.format(c > 0xffff ? "\\U%08x" : "\\u%04x", c));
        });
        return b.append('\'').toString();
    }
}
