package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.protocol.Format;
import dev.refgrade.runtime.protocol.Repr;
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

    static String format(PyRuntime rt, String template, PyObject[] args, Function<PyStr, PyObject> keyword) {
        return new StrFormat(rt, args, keyword).render(template, 2);
    }

    /** build_string: recursion_depth starts at 2, so a spec may nest fields one level deep. */
    private String render(String t, int depth) {
        if (depth <= 0) throw rt.error(PyExc.VALUE_ERROR, "Max string recursion exceeded");
        StringBuilder out = new StringBuilder();
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
            if (c == 0) {
                out.append(t, start, i);
                continue;
            }
            if (t.charAt(i) == c) { // {{ or }}: the brace itself
                out.append(t, start, i);
                i++;
                continue;
            }
            out.append(t, start, i - 1);
            i = field(t, i, out, depth);
        }
        return out.toString();
    }

    /**
     * parse_field over the rest of the template from just after '{': the field name (a '[' skips
     * to its ']'), then '!' and one conversion character, then after ':' a spec whose braces must
     * balance up to the closing '}'. Appends the formatted field; returns where the text goes on.
     */
    private int field(String t, int i, StringBuilder out, int depth) {
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
        out.append(render(name, conversion, spec, nested, depth));
        return i;
    }

    /** output_markup: the object, its conversion, then its (expanded) spec. */
    private String render(String name, char conversion, String spec, boolean nested, int depth) {
        PyObject obj = lookup(name);
        try {
            String text;
            switch (conversion) {
                case 0 -> text = null;
                case 'r' -> text = Repr.repr(rt, obj);
                case 's' -> text = rt.ops.str(obj);
                case 'a' -> text = Repr.ascii(Repr.repr(rt, obj));
                default -> throw rt.error(PyExc.VALUE_ERROR, "Unknown conversion specifier " + conversionText(conversion));
            }
            if (nested) spec = render(spec, depth - 1);
            return text != null ? Format.formatText(rt, text, spec) : Format.format(rt, obj, spec);
        } finally {
            rt.heap.decref(obj);
        }
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
