package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.objects.PyTupleGetter;
import dev.refgrade.runtime.stdlib.CounterType;
import dev.refgrade.runtime.objects.PyCounter;
import dev.refgrade.runtime.objects.PyODict;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyDefaultDict;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyLibFunction;
import dev.refgrade.runtime.objects.PyGenerator;
import dev.refgrade.runtime.objects.PyItertool;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyWeakRef;
import dev.refgrade.runtime.stdlib.Builtins;
import java.util.IdentityHashMap;
import java.util.Map;

/** repr() and str() of every object, as CPython writes them. */
public final class Repr {
    private Repr() {}

    /** PyObject_Str: a recursive call; without __str__, object_str calls the type's repr directly. */
    static String str(PyRuntime rt, PyObject o) {
        if (o instanceof PyStr s) return s.value;
        if (WeakProxies.is(o)) return WeakProxies.on(rt, o, x -> str(rt, x)); // proxy_str
        if (o instanceof dev.refgrade.runtime.objects.PyMappingProxy p) {
            dev.refgrade.runtime.stdlib.MappingProxyType.checkListable(rt, p);
            return str(rt, p.mapping); // mappingproxy_str
        }
        rt.interp.enterRecursiveCall(" while getting the str of an object");
        try {
            if (o instanceof PyInstance || o instanceof PyBaseExc || ownsMethod(rt, o, "__str__")) {
                PyObject r = rt.ops.callDunder(o, "__str__");
                if (r != null) return takeString(rt, r, "__str__");
                // object_str calls tp_repr itself, and PyObject_Str checks what it gave as __str__'s.
                if (o instanceof PyInstance && (r = rt.ops.callDunder(o, "__repr__")) != null) return takeString(rt, r, "__str__");
            }
            StringBuilder b = new StringBuilder();
            repr(rt, o, b, new IdentityHashMap<>());
            return b.toString();
        } finally {
            rt.interp.leaveRecursiveCall();
        }
    }

    /**
     * PyObject_Str as an object, a new reference: a str is itself, and a class's __str__ gives the
     * very str it returned; anything else is a new str of its text.
     */
    public static PyObject strObject(PyRuntime rt, PyObject o) {
        if (o.type() == PyType.STR) return rt.heap.newRef(o);
        if (o instanceof PyBool b) return b.value ? PyRuntime.TRUE_TEXT : PyRuntime.FALSE_TEXT; // bool_repr
        if (o instanceof PyInstance || o instanceof PyBaseExc || ownsMethod(rt, o, "__str__")) {
            PyObject r = ownText(rt, o, "__str__", "__str__", " while getting the str of an object");
            // object_str calls tp_repr itself, and PyObject_Str checks what it gave as __str__'s.
            if (r == null && o instanceof PyInstance) r = ownText(rt, o, "__repr__", "__str__", " while getting the str of an object");
            if (r != null) return r;
        }
        return o instanceof PyInt ? rt.newStrUnshared(str(rt, o)) : rt.newStr(str(rt, o)); // long_to_decimal_string: PyUnicode_New
    }

    /** PyObject_Repr as an object, a new reference: a class's __repr__ gives the very str it returned. */
    public static PyObject reprObject(PyRuntime rt, PyObject o) {
        if (o instanceof PyBool b) return b.value ? PyRuntime.TRUE_TEXT : PyRuntime.FALSE_TEXT;
        if (o instanceof PyInstance || ownsMethod(rt, o, "__repr__")) {
            PyObject r = ownText(rt, o, "__repr__", "__repr__", " while getting the repr of an object");
            if (r != null) return r;
        }
        return o instanceof PyInt ? rt.newStrUnshared(repr(rt, o)) : rt.newStr(repr(rt, o));
    }

    /** Whether o's class, a subclass of a builtin (a namedtuple's), defines the method in Python. */
    private static boolean ownsMethod(PyRuntime rt, PyObject o, String method) {
        return o.type().heapType && !(o instanceof PyInstance) && o.type().lookup(rt, method) instanceof PyFunction;
    }

    /**
     * What a class's own __str__ or __repr__ returned, checked to be a str (a failed check names
     * {@code checkedAs}, the slot PyObject_Str or PyObject_Repr was asked for); null when the class has none.
     */
    private static PyObject ownText(PyRuntime rt, PyObject o, String method, String checkedAs, String where) {
        rt.interp.enterRecursiveCall(where);
        try {
            PyObject r = rt.ops.callDunder(o, method);
            if (r != null && !(r instanceof PyStr)) {
                rt.heap.decref(r);
                throw rt.typeError(checkedAs + " returned non-string (type " + r.type().name + ")");
            }
            return r;
        } finally {
            rt.interp.leaveRecursiveCall();
        }
    }

    public static String repr(PyRuntime rt, PyObject o) {
        StringBuilder b = new StringBuilder();
        item(rt, o, b, new IdentityHashMap<>());
        return b.toString();
    }

    /**
     * odict_repr: "OrderedDict()" when empty, "..." when already being written, else the repr of a
     * new list of new (key, value) pairs, released afterwards.
     */
    private static void odict(PyRuntime rt, PyODict d, StringBuilder b, Map<PyObject, Boolean> active) {
        if (d.used == 0) {
            b.append("OrderedDict()");
            return;
        }
        if (active.put(d, true) != null) {
            b.append("...");
            return;
        }
        PyObject pieces;
        if (rt.rules.odictReprAsDict) {
            // 3.12: PyDict_Copy, which merges an OrderedDict as a mapping: list(keys()), then d[key] for each.
            PyObject[] keys = new PyObject[d.used];
            int n = 0;
            for (PyODict.Node node = d.first; node != null; node = node.next) keys[n++] = rt.heap.newRef(node.key);
            PyObject keyList = rt.newList(keys, n);
            PyDict copy = rt.newDict().modelled();
            try {
                for (int i = 0; i < n; i++) {
                    PyObject value = d.getBorrowed(rt, keys[i]);
                    if (value == null) throw rt.keyError(keys[i]);
                    copy.put(rt, keys[i], value);
                }
            } catch (RuntimeException e) {
                rt.heap.decref(copy);
                throw e;
            } finally {
                rt.heap.decref(keyList);
            }
            pieces = copy;
        } else {
            PyObject[] pairs = new PyObject[d.used];
            int n = 0;
            for (PyODict.Node node = d.first; node != null; node = node.next) {
                PyObject value = d.getBorrowed(rt, node.key);
                if (value == null) throw rt.keyError(node.key);
                pairs[n++] = rt.newTuple(rt.heap.newRef(node.key), rt.heap.newRef(value));
            }
            pieces = rt.newList(pairs, n);
        }
        try {
            b.append("OrderedDict(");
            item(rt, pieces, b, active);
            b.append(')');
        } finally {
            rt.heap.decref(pieces);
            active.remove(d);
        }
    }

    /** dict_repr, under Py_ReprEnter: "{...}" for a dict already being written. */
    private static void dict(PyRuntime rt, PyDict d, StringBuilder b, Map<PyObject, Boolean> active) {
        if (active.put(d, true) != null) {
            b.append("{...}");
            return;
        }
        b.append('{');
        boolean first = true;
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
            if (!first) b.append(", ");
            first = false;
            item(rt, d.keys[i], b, active);
            b.append(": ");
            item(rt, d.values[i], b, active);
        }
        b.append('}');
        active.remove(d);
    }

    /**
     * PyObject_Repr, also of each item inside a container's repr: a recursive call, so a deeply
     * nested list raises RecursionError as in CPython; and the text may not outgrow the string limit
     * (CPython would build it and run out of memory).
     */
    private static void item(PyRuntime rt, PyObject o, StringBuilder b, Map<PyObject, Boolean> active) {
        rt.interp.enterRecursiveCall(" while getting the repr of an object");
        try {
            repr(rt, o, b, active);
        } finally {
            rt.interp.leaveRecursiveCall();
        }
        rt.checkStringLength(b.length());
    }

    /** partial_repr: functools.partial(fn, positional..., key=value...), "..." when met again inside itself. */
    private static void partial(PyRuntime rt, dev.refgrade.runtime.objects.PyPartial p, StringBuilder b, Map<PyObject, Boolean> active) {
        if (active.put(p, true) != null) {
            b.append("...");
            return;
        }
        b.append("functools.partial(");
        callArguments(rt, p.fn, p.args, p.kw, b, active);
        b.append(')');
        active.remove(p);
    }

    /** A call's arguments as partial_repr and methodcaller_repr write them: first, then each positional, then key=value. */
    private static void callArguments(PyRuntime rt, PyObject first, PyTuple args, PyDict kw, StringBuilder b, Map<PyObject, Boolean> active) {
        item(rt, first, b, active);
        for (PyObject a : args.items) {
            b.append(", ");
            item(rt, a, b, active);
        }
        for (int i = kw.nextEntry(0); i < kw.entries; i = kw.nextEntry(i + 1)) {
            b.append(", ").append(str(rt, kw.keyAt(i))).append('=');
            item(rt, kw.valueAt(i), b, active);
        }
    }

    private static String takeString(PyRuntime rt, PyObject r, String method) {
        try {
            if (!(r instanceof PyStr s)) throw rt.typeError(method + " returned non-string (type " + r.type().name + ")");
            return s.value;
        } finally {
            rt.heap.decref(r);
        }
    }

    public static String hex(long addr) {
        return "0x" + Long.toHexString(addr);
    }

    /** An object's address as the program sees it in this run's world. */
    static String addr(PyRuntime rt, PyObject o) {
        return hex(rt.address(o.addr));
    }

    /** Py_ReprEnter: a container met again inside itself prints as [...] / {...}. */
    private static void repr(PyRuntime rt, PyObject o, StringBuilder b, Map<PyObject, Boolean> active) {
        switch (o) {
            case PyBool x -> b.append(x.value ? "True" : "False");
            case PyInt x -> b.append(x.big == null ? Long.toString(x.small) : IntDigits.decimal(rt, x.big));
            case PyFloat x -> b.append(Format.floatRepr(x.value));
            case PyComplex x -> b.append(Complexes.repr(x));
            case PyStr x -> b.append(quote(x.value));
            case PyBytes x -> b.append(BytesOps.repr(x.value()));
            case PyByteArray x -> b.append(BytesOps.arrayRepr(x.bytes()));
            case PyMemoryView x -> b.append(x.released() ? "<released memory at " : "<memory at ").append(addr(rt, o)).append('>');
            // A library's sentinel with object's repr (dataclasses.MISSING).
            case PySingleton x when x.name.isEmpty() -> b.append('<').append(x.type().module).append('.').append(x.type().name)
                    .append(" object at ").append(addr(rt, o)).append('>');
            case PySingleton x -> b.append(x.name);
            case dev.refgrade.runtime.objects.PyDataclassParams x -> b.append(x);
            case dev.refgrade.runtime.objects.PyDataclassField x -> b.append(dev.refgrade.runtime.stdlib.DataclassesModule.repr(rt, x));
            case PyBaseExc x -> b.append(takeString(rt, rt.ops.callDunder(x, "__repr__"), "__repr__"));
            case PyList l -> container(rt, o, "[", "]", "[...]", l.items, l.size, b, active);
            case PyTuple t when ownsMethod(rt, t, "__repr__") -> b.append(takeString(rt, rt.ops.callDunder(t, "__repr__"), "__repr__"));
            case PyTuple t when t.type().heapType && t.type().lookup(rt, "__repr__") instanceof PyLibFunction r ->
                b.append(takeString(rt, rt.ops.call(r, t), "__repr__")); // a namedtuple's, written in Python
            case PyTupleGetter g -> b.append("_tuplegetter(").append(g.index).append(", ").append(rt.ops.repr(g.doc)).append(')');
            case PyTuple t when t.type() != PyType.TUPLE && t.type().lookup(rt, "__repr__") instanceof PyBuiltin r ->
                b.append(takeString(rt, r.call(rt, t, new PyObject[0], Kwargs.NONE), "__repr__")); // a namedtuple's
            case PyTuple t -> {
                if (t.items.length == 1) {
                    if (active.put(o, true) != null) {
                        b.append("(...)");
                        return;
                    }
                    b.append('(');
                    item(rt, t.items[0], b, active);
                    b.append(",)");
                    active.remove(o);
                } else {
                    container(rt, o, "(", ")", "(...)", t.items, t.items.length, b, active);
                }
            }
            case PyODict d -> odict(rt, d, b, active);
            case PyCounter c -> b.append(CounterType.repr(rt, c));
            case PyDefaultDict d -> {
                // defdict_repr: dict's repr first, then the factory's under its own Py_ReprEnter.
                StringBuilder base = new StringBuilder();
                dict(rt, d, base, active);
                b.append("defaultdict(");
                if (d.factory == null) b.append("None");
                else if (active.put(d.factory, true) != null) b.append("...");
                else {
                    item(rt, d.factory, b, active);
                    active.remove(d.factory);
                }
                b.append(", ").append(base).append(')');
            }
            case PyDict d -> dict(rt, d, b, active);
            case PySet s -> {
                if (s.used == 0) {
                    b.append(s.frozen ? "frozenset()" : "set()");
                    return;
                }
                if (s.frozen) b.append("frozenset(");
                b.append('{');
                boolean first = true;
                for (int i = s.nextSlot(0); i < s.table.length; i = s.nextSlot(i + 1)) {
                    if (!first) b.append(", ");
                    first = false;
                    item(rt, s.table[i], b, active);
                }
                b.append('}');
                if (s.frozen) b.append(')');
            }
            case PySlice s -> {
                // slice_repr: "slice(%R, %R, %R)".
                b.append("slice(");
                item(rt, s.start, b, active);
                b.append(", ");
                item(rt, s.stop, b, active);
                b.append(", ");
                item(rt, s.step, b, active);
                b.append(')');
            }
            case PyRange r -> b.append("range(").append(r.start).append(", ").append(r.stop)
                    .append(r.step == 1 ? "" : ", " + r.step).append(')');
            case dev.refgrade.runtime.objects.PyArray arr -> {
                // array_repr: the type code, then the repr of tolist(), a list made for it.
                b.append("array('").append(arr.typecode).append('\'');
                if (arr.size > 0 && arr.typecode == 'u') {
                    // array_repr: a 'u' array shows tounicode()'s str.
                    b.append(", ");
                    b.append(Repr.quote(dev.refgrade.runtime.stdlib.ArrayBytes.text(rt, arr)));
                } else if (arr.size > 0) {
                    PyObject list = dev.refgrade.runtime.stdlib.ArrayModule.tolist(rt, arr);
                    try {
                        b.append(", ");
                        item(rt, list, b, active);
                    } finally {
                        rt.heap.decref(list);
                    }
                }
                b.append(')');
            }
            case PyDeque d -> {
                // deque_repr: Py_ReprEnter on the deque itself, then the repr of list(d).
                if (active.put(d, true) != null) {
                    b.append("[...]");
                    return;
                }
                PyObject list = Builtins.listOf(rt, d);
                try {
                    b.append("deque(");
                    item(rt, list, b, active);
                    if (d.maxlen >= 0) b.append(", maxlen=").append(d.maxlen);
                    b.append(')');
                } finally {
                    rt.heap.decref(list);
                    active.remove(d);
                }
            }
            case PyDictView v -> {
                b.append(v.type.name).append('(');
                PyObject list = Builtins.listOf(rt, v);
                item(rt, list, b, active);
                rt.heap.decref(list);
                b.append(')');
            }
            case PyInstance inst -> {
                PyObject r = rt.ops.callDunder(inst, "__repr__");
                if (r != null) b.append(takeString(rt, r, "__repr__"));
                else b.append('<').append(qualified(inst.cls)).append(" object at ").append(addr(rt, o)).append('>');
            }
            case PyType t when t.metatype != null -> b.append(takeString(rt, dev.refgrade.runtime.stdlib.EnumModule.slot(rt, t, "__repr__"), "__repr__"));
            case PyType t when t.heapType && t.dict.getBorrowed(rt, rt.name("__module__")) instanceof PyStr m && !m.value.equals("__main__") ->
                b.append("<class '").append(m.value).append('.').append(t.name).append("'>"); // type_repr: a library module's class (enum.auto)
            case PyType t -> b.append("<class '").append(qualified(t)).append("'>");
            case PyItertool t when t.repr != null -> b.append(t.repr.repr(rt, t));
            case PyItertool t -> b.append("<").append(t.type().name).append(" object at ").append(addr(rt, o)).append('>');
            case PyGenerator g -> b.append("<generator object ").append(g.qualname).append(" at ").append(addr(rt, o)).append('>');
            case PyFunction f -> b.append("<function ").append(f.qualname).append(" at ").append(addr(rt, o)).append('>');
            case PyLibFunction f -> b.append("<function ").append(f.qualname.value).append(" at ").append(addr(rt, o)).append('>');
            case PyMethod m -> {
                String qualname = m.func instanceof PyFunction f ? f.qualname : m.func instanceof PyLibFunction f ? f.qualname.value : "?";
                b.append("<bound method ").append(qualname).append(" of ");
                item(rt, m.self, b, active);
                b.append('>');
            }
            case PyBuiltin f when f.self == null -> b.append("<built-in function ").append(f.name).append('>');
            case PyBuiltin f -> b.append("<built-in method ").append(f.name).append(" of ").append(f.self.type().name)
                    .append(" object at ").append(addr(rt, f.self)).append('>');
            case PyModule m -> b.append("<module '").append(m.name).append("' (built-in)>");
            case dev.refgrade.runtime.objects.PyMappingProxy p -> {
                dev.refgrade.runtime.stdlib.MappingProxyType.checkListable(rt, p);
                b.append("mappingproxy(");
                item(rt, p.mapping, b, active);
                b.append(')');
            }
            case dev.refgrade.runtime.objects.PyGenericAlias g -> b.append(dev.refgrade.runtime.stdlib.GenericAliases.repr(rt, g));
            case dev.refgrade.runtime.objects.PyNamespace ns -> {
                // namespace_repr: name=value for each non-empty str key, namespace(...) when met again inside itself.
                if (active.put(o, true) != null) {
                    b.append("namespace(...)");
                    return;
                }
                b.append("namespace(");
                String sep = "";
                for (int i = ns.dict.nextEntry(0); i < ns.dict.entries; i = ns.dict.nextEntry(i + 1)) {
                    if (!(ns.dict.keyAt(i) instanceof PyStr k) || k.value.isEmpty()) continue;
                    b.append(sep).append(k.value).append('=');
                    item(rt, ns.dict.valueAt(i), b, active);
                    sep = ", ";
                }
                b.append(')');
                active.remove(o);
            }
            case dev.refgrade.runtime.objects.PyGetSetDescr g -> b.append("<attribute '").append(g.name.value).append("' of '")
                    .append(g.owner.name).append("' objects>");
            case PyCell c -> b.append("<cell at ").append(addr(rt, o)).append(": ")
                    .append(c.contents == null ? "empty" : c.contents.type().name + " object at " + addr(rt, c.contents)).append('>');
            case PyWeakRef w when w.isProxy() -> b.append(WeakProxies.repr(rt, w));
            case PyWeakRef w -> b.append("<weakref at ").append(addr(rt, o)).append("; ")
                    .append(w.referent() == null ? "dead" : "to '" + w.referent().type().name + "' at " + addr(rt, w.referent()) + specialName(rt, w.referent())).append('>');
            case dev.refgrade.runtime.objects.PyOperatorGetter g -> operatorGetter(rt, g, b, active);
            case dev.refgrade.runtime.objects.PyPartial p -> partial(rt, p, b, active);
            // super_repr: the types' tp_name, no address.
            case dev.refgrade.runtime.objects.PySuper sp -> b.append("<super: <class '").append(sp.type == null ? "NULL" : sp.type.name)
                    .append("'>, ").append(sp.objType == null ? "NULL" : "<" + sp.objType.name + " object>").append('>');
            default -> b.append('<').append(o.type().name).append(" object at ").append(addr(rt, o)).append('>');
        }
    }

    /**
     * weakref_repr's " (name)": _PyObject_LookupSpecial(obj, "__name__"), found on the type of a
     * function, builtin or class, or as a class attribute of an instance; "" when the type has none.
     */
    private static String specialName(PyRuntime rt, PyObject o) {
        PyObject name;
        if (o instanceof PyInstance inst) {
            PyObject descr = inst.cls.lookup(rt, "__name__");
            if (descr == null) return "";
            name = Attributes.describe(rt, o, rt.name("__name__"), descr);
        } else if (o instanceof dev.refgrade.runtime.objects.PyFunction || o instanceof dev.refgrade.runtime.objects.PyBuiltin
                || o instanceof PyType || o instanceof dev.refgrade.runtime.objects.PyLibFunction) {
            name = rt.ops.getAttr(o, rt.name("__name__"));
        } else {
            return "";
        }
        try {
            return name instanceof PyStr s ? " (" + s.value + ")" : "";
        } finally {
            rt.heap.decref(name);
        }
    }

    private static void container(PyRuntime rt, PyObject o, String open, String close, String again, PyObject[] items,
                                  int n, StringBuilder b, Map<PyObject, Boolean> active) {
        if (active.put(o, true) != null) {
            b.append(again);
            return;
        }
        b.append(open);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(", ");
            item(rt, items[i], b, active);
        }
        b.append(close);
        active.remove(o);
    }

    static String qualified(PyType t) {
        if (t.heapType) return "__main__." + (t.qualname != null ? t.qualname.value : t.name); // type_repr: __module__.__qualname__
        return t.module != null ? t.module + "." + t.name : t.name;
    }

    /** PyObject_ASCII's escaping of a repr: every non-ASCII code point as \\xNN, \\uNNNN or \\UNNNNNNNN. */
    public static String ascii(String repr) {
        StringBuilder b = new StringBuilder(repr.length());
        repr.codePoints().forEach(c -> {
            if (c < 0x80) b.appendCodePoint(c);
            else if (c < 0x100) b.append(String.format("\\x%02x", c));
            else if (c < 0x10000) b.append(String.format("\\u%04x", c));
            else b.append(String.format("\\U%08x", c));
        });
        return b.toString();
    }

    /** unicode_repr: single quotes unless the text has ' and no ". */
    public static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == q || c == '\\') b.append('\\').appendCodePoint(c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '\t') b.append("\\t");
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", c));
            else if (c >= 0x80 && !printable(c)) {
                if (c < 0x100) b.append(String.format("\\x%02x", c));
                else if (c < 0x10000) b.append(String.format("\\u%04x", c));
                else b.append(String.format("\\U%08x", c));
            } else b.appendCodePoint(c);
        }
        return b.append(q).toString();
    }

    private static boolean printable(int c) {
        int t = Character.getType(c);
        return !(t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE || t == Character.PRIVATE_USE
                || t == Character.UNASSIGNED || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR
                || (t == Character.SPACE_SEPARATOR && c != ' '));
    }

    /**
     * itemgetter_repr, attrgetter_repr, methodcaller_repr: the type's tp_name, then one argument in
     * parentheses or the tuple of several; a dotted attribute name joined again; the keywords as k=v.
     */
    private static void operatorGetter(PyRuntime rt, dev.refgrade.runtime.objects.PyOperatorGetter g, StringBuilder b,
            java.util.Map<PyObject, Boolean> active) {
        b.append(g.type().name);
        switch (g.kind) {
            case ITEM -> {
                if (g.nitems > 1) {
                    item(rt, g.held, b, active);
                    return;
                }
                b.append('(');
                item(rt, g.held, b, active);
                b.append(')');
            }
            case ATTR -> {
                b.append('(');
                PyObject[] names = ((PyTuple) g.held).items;
                for (int i = 0; i < names.length; i++) {
                    if (i > 0) b.append(", ");
                    String name = names[i] instanceof PyStr s ? s.value : java.util.Arrays.stream(((PyTuple) names[i]).items)
                            .map(p -> ((PyStr) p).value).collect(java.util.stream.Collectors.joining("."));
                    item(rt, new PyStr(name), b, active);
                }
                b.append(')');
            }
            case METHOD -> {
                b.append('(');
                callArguments(rt, g.held, g.args, g.kwargs, b, active);
                b.append(')');
            }
        }
    }
}
