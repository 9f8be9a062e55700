package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.protocol.Format;
import dev.refgrade.runtime.protocol.Repr;
import dev.refgrade.runtime.protocol.StrWriter;
import dev.refgrade.runtime.objects.PyType;
import java.util.function.Function;

/**
 * str.format and str.format_map as Objects/stringlib/unicode_format.h runs them: literal text with
 * {{ and }}, replacement fields {name.attr[key]!conv:spec} whose spec may hold nested fields, and
 * automatic numbering that may not be mixed with manual, each error worded as CPython's.
 */
final class StrFormat {
    private final PyRuntime rt;
    private final PyObject[] args;
    /** A keyword's value as a new reference, or null when there is none (then KeyError). */
    private final Function<PyStr, PyObject> keyword;
    /** Automatic numbering: -1 before any field, then the next index; manual fields set it to -2. */
    private int auto = -1;

    private StrFormat(PyRuntime rt, PyObject[] args, Function<PyStr, PyObject> keyword) {
        this.rt = rt;
        this.args = args;
        this.keyword = keyword;
    }

    /** build_string: a new reference; a template that is all literal text, or one whole field, can be its own result. */
    static PyObject format(PyRuntime rt, PyStr template, PyObject[] args, Function<PyStr, PyObject> keyword) {
        try (StrWriter w = new StrWriter(rt)) {
            new StrFormat(rt, args, keyword).render(template.value, template, w, 2);
            return w.finish();
        }
    }

    /**
     * do_markup over t (whole, the str object of t when it is a template rather than a nested spec;
     * else null). The writer over-allocates until the last piece: literal text that ends the
     * template, or a field that does. recursion_depth starts at 2, so a spec may nest fields one
     * level deep.
     */
    private void render(String t, PyStr whole, StrWriter out, int depth) {
        if (depth <= 0) throw rt.error(PyExc.VALUE_ERROR, "Max string recursion exceeded");
        out.overallocate = true;
        int i = 0, n = t.length();
        while (i < n) {
            // MarkupIterator_next: literal text up to a brace.
            int start = i;
            char c = 0;
            while (i < n) {
                c = t.charAt(i++);
                if (c == '{' || c == '}') break;
                c = 0;
            }
            boolean atEnd = i >= n;
            if (c == '}' && (atEnd || t.charAt(i) != '}')) {
                throw rt.error(PyExc.VALUE_ERROR, "Single '}' encountered in format string");
            }
            if (atEnd && c == '{') throw rt.error(PyExc.VALUE_ERROR, "Single '{' encountered in format string");
            if (c == 0 || t.charAt(i) == c) { // literal text alone; {{ or }} stands for the brace itself
                int end = i;
                if (c != 0) i++;
                if (i >= n) out.overallocate = false;
                literal(out, t, whole, start, end);
                continue;
            }
            literal(out, t, whole, start, i - 1);
            i = field(t, i, out, depth);
        }
    }

    private static void literal(StrWriter out, String t, PyStr whole, int start, int end) {
        if (whole != null) out.write(whole, start, end);
        else out.write(t.substring(start, end));
    }

    /**
     * parse_field over the rest of the template from just after '{': the field name (a '[' skips
     * to its ']'), then '!' and one conversion character, then after ':' a spec whose braces must
     * balance up to the closing '}'. Writes the formatted field; returns where the text goes on.
     */
    private int field(String t, int i, StrWriter out, int depth) {
        int n = t.length(), nameStart = i;
        char c = 0;
        while (i < n) {
            c = t.charAt(i++);
            if (c == '{') throw rt.error(PyExc.VALUE_ERROR, "unexpected '{' in field name");
            if (c == '[') {
                while (i < n && t.charAt(i) != ']') i++;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') break;
        }
        String name = t.substring(nameStart, Math.max(nameStart, i - 1));
        char conversion = 0;
        String spec = "";
        boolean nested = false;
        if (c == '!' || c == ':') {
            boolean specFollows = true;
            if (c == '!') {
                if (i >= n) throw rt.error(PyExc.VALUE_ERROR, "end of string while looking for conversion specifier");
                conversion = t.charAt(i++);
                if (i < n) {
                    char d = t.charAt(i++);
                    if (d == '}') specFollows = false;
                    else if (d != ':') throw rt.error(PyExc.VALUE_ERROR, "expected ':' after conversion specifier");
                }
            }
            if (specFollows) {
                int specStart = i, count = 1;
                while (true) {
                    if (i >= n) throw rt.error(PyExc.VALUE_ERROR, "unmatched '{' in format spec");
                    char d = t.charAt(i++);
                    if (d == '{') {
                        nested = true;
                        count++;
                    } else if (d == '}' && --count == 0) break;
                }
                spec = t.substring(specStart, i - 1);
            }
        } else if (c != '}') {
            throw rt.error(PyExc.VALUE_ERROR, "expected '}' before end of string");
        }
        if (i >= n) out.overallocate = false;
        render(name, conversion, spec, nested, depth, out);
        return i;
    }

    /** output_markup: the object, its conversion, then its (expanded) spec; render_field writes it. */
    private void render(String name, char conversion, String spec, boolean nested, int depth, StrWriter out) {
        PyObject obj = lookup(name);
        try {
            switch (conversion) {
                case 0 -> { }
                case 'r' -> obj = converted(obj, Repr.reprObject(rt, obj));
                case 's' -> obj = converted(obj, Repr.strObject(rt, obj));
                case 'a' -> obj = converted(obj, rt.newStr(Repr.ascii(Repr.repr(rt, obj))));
                default -> throw rt.error(PyExc.VALUE_ERROR, "Unknown conversion specifier " + conversionText(conversion));
            }
            if (nested) {
                try (StrWriter w = new StrWriter(rt)) {
                    render(spec, null, w, depth - 1);
                    PyObject expanded = w.finish();
                    spec = ((PyStr) expanded).value;
                    rt.heap.decref(expanded);
                }
            }
            // render_field: str, int, float and complex straight into the writer; others through PyObject_Format.
            if (obj.type() == PyType.STR) Format.strInto(rt, out, (PyStr) obj, spec);
            else if (obj.type() == PyType.INT || obj.type() == PyType.FLOAT || obj.type() == PyType.COMPLEX) {
                out.write(Format.format(rt, obj, spec));
            } else {
                PyObject text = Format.object(rt, obj, spec);
                out.write((PyStr) text);
                rt.heap.decref(text);
            }
        } finally {
            rt.heap.decref(obj);
        }
    }

    /** The conversion's result in place of the object. */
    private PyObject converted(PyObject obj, PyObject result) {
        rt.heap.decref(obj);
        return result;
    }

    private static String conversionText(char c) {
        return c < 32 || c > 126 ? "\\x" + String.format("%02x", (int) c) : String.valueOf(c);
    }

    /** get_field_object: the first part by number or keyword, then each .attribute and [key]. */
    private PyObject lookup(String name) {
        int i = 0, n = name.length();
        while (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') i++;
        String first = name.substring(0, i);
        PyObject obj;
        if (first.isEmpty() || first.chars().allMatch(Character::isDigit)) {
            int index;
            if (first.isEmpty()) {
                if (auto == -2) {
                    throw rt.error(PyExc.VALUE_ERROR, "cannot switch from manual field specification to automatic field numbering");
                }
                index = auto < 0 ? 0 : auto;
                auto = index + 1;
            } else {
                if (auto >= 0) {
                    throw rt.error(PyExc.VALUE_ERROR, "cannot switch from automatic field numbering to manual field specification");
                }
                auto = -2;
                if (first.length() > 18) throw rt.error(PyExc.VALUE_ERROR, "Too many decimal digits in format string");
                index = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(first));
            }
            if (index >= args.length) {
                throw rt.error(PyExc.INDEX_ERROR, "Replacement index " + index + " out of range for positional args tuple");
            }
            obj = rt.heap.newRef(args[index]);
        } else {
            PyStr key = rt.newStr(first);
            try {
                obj = keyword.apply(key);
                if (obj == null) throw rt.keyError(key);
            } finally {
                rt.heap.decref(key);
            }
        }
        // FieldNameIterator: .name is getattr, [digits] an int index, [other] a str key.
        try {
            while (i < n) {
                char c = name.charAt(i++);
                int start = i;
                PyObject next;
                if (c == '.') {
                    while (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') i++;
                    if (i == start) throw rt.error(PyExc.VALUE_ERROR, "Empty attribute in format string");
                    PyStr attr = rt.newStr(name.substring(start, i));
                    try {
                        next = rt.ops.getAttr(obj, attr);
                    } finally {
                        rt.heap.decref(attr);
                    }
                } else {
                    while (i < n && name.charAt(i) != ']') i++;
                    if (i >= n) throw rt.error(PyExc.VALUE_ERROR, "Missing ']' in format string");
                    String k = name.substring(start, i++);
                    if (k.isEmpty()) throw rt.error(PyExc.VALUE_ERROR, "Empty attribute in format string");
                    if (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') {
                        throw rt.error(PyExc.VALUE_ERROR, "Only '.' or '[' may follow ']' in format field specifier");
                    }
                    PyObject key = k.chars().allMatch(Character::isDigit) && k.length() < 19 ? rt.newInt(Long.parseLong(k)) : rt.newStr(k);
                    try {
                        next = rt.ops.getItem(obj, key);
                    } finally {
                        rt.heap.decref(key);
                    }
                }
                rt.heap.decref(obj);
                obj = next;
            }
        } catch (RuntimeException e) {
            rt.heap.decref(obj);
            throw e;
        }
        return obj;
    }
}
