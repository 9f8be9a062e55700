package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.Repr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pprint (Lib/pprint.py): PrettyPrinter's _format, _safe_repr and the dispatch for dict, list,
 * tuple, set, frozenset and str, with its widths, indents, depth, compact and sort_dicts. Where
 * pprint.py falls back on ids (a recursive structure, keys of types that do not compare) the run
 * is refused: the text would hold an address.
 */
final class PprintModule {
    private PprintModule() {}

    static Map<String, PyObject> contents() {
        Registry reg = Registry.module("pprint");
        String options = "object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False";
        reg.function("pprint", Signature.parse(options).as(Signature.Convention.PYTHON), (rt, a) -> {
            a.refuseUnlessNone("stream");
            write(rt, printer(rt, a, a.truth("sort_dicts")).pformat(a.get("object")) + "\n");
            return PyRuntime.NONE;
        });
        reg.function("pformat", Signature.parse("object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,"
                + " underscore_numbers=False").as(Signature.Convention.PYTHON),
                (rt, a) -> rt.newStr(printer(rt, a, a.truth("sort_dicts")).pformat(a.get("object"))));
        // pp: pprint with sort_dicts=False unless given.
        reg.function("pp", Signature.parse("object, stream=None, indent=1, width=80, depth=None, *, compact=False,"
                + " sort_dicts=False, underscore_numbers=False").as(Signature.Convention.PYTHON), (rt, a) -> {
            a.refuseUnlessNone("stream");
            write(rt, printer(rt, a, a.truth("sort_dicts")).pformat(a.get("object")) + "\n");
            return PyRuntime.NONE;
        });
        return reg.contents();
    }

    private static Printer printer(PyRuntime rt, Args a, boolean sortDicts) {
        long indent = a.given("indent") ? Arith.index(rt, a.get("indent")).longValue() : 1;
        long width = a.given("width") ? Arith.index(rt, a.get("width")).longValue() : 80;
        PyObject depthArg = a.orNone("depth");
        long depth = depthArg == PyRuntime.NONE ? 0 : Arith.index(rt, depthArg).longValue();
        if (indent < 0) throw rt.error(PyExc.VALUE_ERROR, "indent must be >= 0");
        if (depthArg != PyRuntime.NONE && depth <= 0) throw rt.error(PyExc.VALUE_ERROR, "depth must be > 0");
        if (width == 0) throw rt.error(PyExc.VALUE_ERROR, "width must be != 0");
        return new Printer(rt, a, (int) indent, (int) width, (int) depth, a.truth("compact"), sortDicts, a.truth("underscore_numbers"));
    }

    private record Printer(PyRuntime rt, Args a, int indentPerLevel, int width, int depth, boolean compact, boolean sortDicts,
                           boolean underscores) {

        String pformat(PyObject o) {
            StringBuilder out = new StringBuilder();
            format(o, out, 0, 0, new IdentityHashMap<>(), 0);
            return out.toString();
        }

        private static int len(String s) {
            return s.codePointCount(0, s.length());
        }

        private Unsupported refuse(String what) {
            return a.unsupported("pprint of " + what);
        }

        private void format(PyObject o, StringBuilder out, int indent, int allowance, Map<PyObject, Boolean> context, int level) {
            if (context.containsKey(o)) throw refuse("a recursive structure (its text holds an id)");
            String rep = safeRepr(o, context, level);
            if (len(rep) > width - indent - allowance) {
                if (o instanceof PyInstance inst && inst.cls.mro.stream().anyMatch(t -> !t.heapType && t != PyType.OBJECT)) {
                    throw refuse("an instance of a subclass of a builtin type");
                }
                if ((o instanceof PyDict && o.type() != PyType.DICT || o instanceof PyTuple && o.type() != PyType.TUPLE)) throw refuse("pprint of a '" + o.type().name + "' (its _dispatch entry is not modelled)");
                boolean dispatched = o instanceof PyDict || o instanceof PyList || o instanceof PyTuple || o instanceof PySet
                        || o instanceof PyStr;
                if (dispatched) {
                    context.put(o, true);
                    switch (o) {
                        case PyDict d -> pprintDict(d, out, indent, allowance, context, level + 1);
                        case PyList l -> {
                            out.append('[');
                            formatItems(itemsOf(l.items, l.size), out, indent, allowance + 1, context, level + 1);
                            out.append(']');
                        }
                        case PyTuple t -> {
                            out.append('(');
                            String end = t.items.length == 1 ? ",)" : ")";
                            formatItems(List.of(t.items), out, indent, allowance + end.length(), context, level + 1);
                            out.append(end);
                        }
                        case PySet s -> pprintSet(s, out, indent, allowance, context, level + 1);
                        case PyStr s -> pprintStr(s, out, indent, allowance, level + 1);
                        default -> throw new IllegalStateException();
                    }
                    context.remove(o);
                    return;
                }
            }
            out.append(rep);
        }

        private static List<PyObject> itemsOf(PyObject[] items, int n) {
            List<PyObject> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(items[i]);
            return out;
        }

        private void pprintDict(PyDict d, StringBuilder out, int indent, int allowance, Map<PyObject, Boolean> context, int level) {
            out.append('{');
            if (indentPerLevel > 1) out.append(" ".repeat(indentPerLevel - 1));
            if (d.used > 0) {
                List<PyObject[]> items = entries(d);
                indent += indentPerLevel;
                String delim = ",\n" + " ".repeat(indent);
                for (int i = 0; i < items.size(); i++) {
                    boolean last = i == items.size() - 1;
                    String rep = safeRepr(items.get(i)[0], context, level);
                    out.append(rep).append(": ");
                    format(items.get(i)[1], out, indent + len(rep) + 2, last ? allowance + 1 : 1, context, level);
                    if (!last) out.append(delim);
                }
            }
            out.append('}');
        }

        /** A dict's items, sorted by key when sort_dicts (sorted with _safe_tuple). */
        private List<PyObject[]> entries(PyDict d) {
            List<PyObject[]> items = new ArrayList<>();
            for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) items.add(new PyObject[] {d.keys[i], d.values[i]});
            if (sortDicts) items.sort((x, y) -> compare(x[0], y[0]));
            return items;
        }

        /** _safe_key: a < b as Python compares them; where that raises TypeError, pprint orders by id, refused here. */
        private int compare(PyObject x, PyObject y) {
            try {
                if (rt.ops.compareBool(x, y, CmpOp.LT)) return -1;
                return rt.ops.compareBool(y, x, CmpOp.LT) ? 1 : 0;
            } catch (PyException e) {
                if (e.excType != PyExc.TYPE_ERROR) throw e;
                throw refuse("items whose types do not compare (pprint orders them by id)");
            }
        }

        private void pprintSet(PySet s, StringBuilder out, int indent, int allowance, Map<PyObject, Boolean> context, int level) {
            if (s.used == 0) {
                out.append(Repr.repr(rt, s));
                return;
            }
            String end;
            if (!s.frozen) {
                out.append('{');
                end = "}";
            } else {
                out.append("frozenset({");
                end = "})";
                indent += "frozenset".length() + 1;
            }
            List<PyObject> items = new ArrayList<>();
            for (int i = s.nextSlot(0); i < s.table.length; i = s.nextSlot(i + 1)) items.add(s.table[i]);
            items.sort(this::compare);
            formatItems(items, out, indent, allowance + end.length(), context, level);
            out.append(end);
        }

        private void formatItems(List<PyObject> items, StringBuilder out, int indent, int allowance, Map<PyObject, Boolean> context,
                                 int level) {
            indent += indentPerLevel;
            if (indentPerLevel > 1) out.append(" ".repeat(indentPerLevel - 1));
            String delimnl = ",\n" + " ".repeat(indent), delim = "";
            int w = width - indent + 1, maxWidth = w;
            for (int i = 0; i < items.size(); i++) {
                PyObject ent = items.get(i);
                boolean last = i == items.size() - 1;
                if (last) {
                    maxWidth -= allowance;
                    w -= allowance;
                }
                if (compact) {
                    String rep = safeRepr(ent, context, level);
                    int need = len(rep) + 2;
                    if (w < need) {
                        w = maxWidth;
                        if (!delim.isEmpty()) delim = delimnl;
                    }
                    if (w >= need) {
                        w -= need;
                        out.append(delim);
                        delim = ", ";
                        out.append(rep);
                        continue;
                    }
                }
                out.append(delim);
                delim = delimnl;
                format(ent, out, indent, last ? allowance : 1, context, level);
            }
        }

        private static final Pattern WORDS = Pattern.compile("\\S*\\s*", Pattern.UNICODE_CHARACTER_CLASS);

        /** _pprint_str: the text cut at line ends and then between words, each piece a repr. */
        private void pprintStr(PyStr s, StringBuilder out, int indent, int allowance, int level) {
            if (s.value.isEmpty()) {
                out.append(Repr.repr(rt, s));
                return;
            }
            List<String> chunks = new ArrayList<>();
            List<String> lines = splitLinesKeep(s.value);
            if (level == 1) {
                indent += 1;
                allowance += 1;
            }
            int maxWidth1 = width - indent, maxWidth = maxWidth1;
            String rep = "";
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                rep = Repr.quote(line);
                if (i == lines.size() - 1) maxWidth1 -= allowance;
                if (len(rep) <= maxWidth1) {
                    chunks.add(rep);
                    continue;
                }
                List<String> parts = new ArrayList<>();
                Matcher m = WORDS.matcher(line);
                while (m.find()) {
                    if (m.group().isEmpty()) break;
                    parts.add(m.group());
                }
                int maxWidth2 = maxWidth;
                String current = "";
                for (int j = 0; j < parts.size(); j++) {
                    String candidate = current + parts.get(j);
                    if (j == parts.size() - 1 && i == lines.size() - 1) maxWidth2 -= allowance;
                    if (len(Repr.quote(candidate)) > maxWidth2) {
                        if (!current.isEmpty()) chunks.add(Repr.quote(current));
                        current = parts.get(j);
                    } else current = candidate;
                }
                if (!current.isEmpty()) chunks.add(Repr.quote(current));
            }
            if (chunks.size() == 1) {
                out.append(rep);
                return;
            }
            if (level == 1) out.append('(');
            for (int i = 0; i < chunks.size(); i++) {
                if (i > 0) out.append('\n').append(" ".repeat(indent));
                out.append(chunks.get(i));
            }
            if (level == 1) out.append(')');
        }

        private static List<String> splitLinesKeep(String s) {
            List<String> out = new ArrayList<>();
            int i = 0, n = s.length();
            while (i < n) {
                int j = i;
                while (j < n && "\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(s.charAt(j)) < 0) j++;
                if (j < n) j += s.charAt(j) == '\r' && j + 1 < n && s.charAt(j + 1) == '\n' ? 2 : 1;
                out.add(s.substring(i, j));
                i = j;
            }
            return out;
        }

        /** _safe_repr: dicts (sorted), lists and tuples item by item, depth cut to "...", anything else its repr. */
        private String safeRepr(PyObject o, Map<PyObject, Boolean> context, int level) {
            switch (o) {
                case PyDict d when d.type() == PyType.DICT -> { // _safe_repr takes only dict's own __repr__ apart
                    if (d.used == 0) return "{}";
                    if (depth > 0 && level >= depth) return "{...}";
                    if (context.containsKey(o)) throw refuse("a recursive structure (its text holds an id)");
                    context.put(o, true);
                    StringBuilder b = new StringBuilder("{");
                    String sep = "";
                    for (PyObject[] kv : entries(d)) {
                        b.append(sep).append(safeRepr(kv[0], context, level + 1)).append(": ").append(safeRepr(kv[1], context, level + 1));
                        sep = ", ";
                    }
                    context.remove(o);
                    return b.append('}').toString();
                }
                case PyList l -> {
                    return sequence(o, itemsOf(l.items, l.size), "[", "]", context, level);
                }
                case PyTuple t when t.type() == PyType.TUPLE -> {
                    return sequence(o, List.of(t.items), "(", t.items.length == 1 ? ",)" : ")", context, level);
                }
                case PyInt i when underscores && (i.type() == PyType.INT) -> {
                    String digits = i.bigValue().abs().toString();
                    StringBuilder b = new StringBuilder();
                    for (int k = 0; k < digits.length(); k++) {
                        if (k > 0 && (digits.length() - k) % 3 == 0) b.append('_');
                        b.append(digits.charAt(k));
                    }
                    return (i.bigValue().signum() < 0 ? "-" : "") + b;
                }
                default -> {
                    return Repr.repr(rt, o);
                }
            }
        }

        private String sequence(PyObject o, List<PyObject> items, String open, String close, Map<PyObject, Boolean> context, int level) {
            if (items.isEmpty()) return open + (close.equals(",)") ? ")" : close);
            if (depth > 0 && level >= depth) return open + "..." + close;
            if (context.containsKey(o)) throw refuse("a recursive structure (its text holds an id)");
            context.put(o, true);
            StringBuilder b = new StringBuilder(open);
            String sep = "";
            for (PyObject x : items) {
                b.append(sep).append(safeRepr(x, context, level + 1));
                sep = ", ";
            }
            context.remove(o);
            return b.append(close).toString();
        }
    }

    /** What pprint prints, noted as print notes it when it shows a simulated address. */
    private static void write(PyRuntime rt, String text) {
        rt.out.write(text);
        if (rt.heap.showsAddress(text)) rt.interp.noteUnknowable(dev.refgrade.runtime.objects.PyInt.Taint.ADDRESS);
    }
}
