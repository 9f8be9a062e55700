package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFuncWrapper;
import dev.refgrade.runtime.objects.PyLibFunction;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyTupleGetter;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import dev.refgrade.runtime.protocol.Repr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * collections.namedtuple (Lib/collections/__init__.py, 3.11): a heap class deriving from tuple,
 * with __slots__ = (), whose dict holds _fields, _field_defaults, __new__ and the other methods
 * (functions whose bodies run here in Java) and a _tuplegetter per field. Its instances are tuples
 * of the class, each holding a reference to it.
 */
final class NamedTupleType {
    private NamedTupleType() {}

    /** keyword.kwlist of 3.11. */
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    static void install(Registry reg) {
        reg.function("namedtuple", Signature.parse("typename, field_names, *, rename=False, defaults=None, module=None")
                .as(Convention.PYTHON).named("namedtuple", "namedtuple"), NamedTupleType::namedtuple);
    }

    private static PyObject namedtuple(PyRuntime rt, Args a) {
        a.refuseUnlessNone("module"); // module=None: the caller's __name__, which is the program's __main__
        boolean rename = a.truth("rename");
        PyObject defaultsArg = a.orNone("defaults");
        PyObject fieldsArg = a.get("field_names");
        List<String> names = new ArrayList<>();
        if (fieldsArg instanceof PyStr s) {
            for (String w : s.value.replace(',', ' ').trim().split("\\s+")) if (!w.isEmpty()) names.add(w);
        } else {
            PyObject[] items = Builtins.toArray(rt, fieldsArg);
            try {
                for (PyObject o : items) names.add(rt.ops.str(o));
            } finally {
                for (PyObject o : items) rt.heap.decref(o);
            }
        }
        String typename = rt.ops.str(a.get("typename"));
        if (rename) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                if (!identifier(rt, n) || KEYWORDS.contains(n) || n.startsWith("_") || seen.contains(n)) names.set(i, "_" + i);
                seen.add(n);
            }
        }
        List<String> all = new ArrayList<>(names);
        all.add(0, typename);
        for (String n : all) {
            if (!identifier(rt, n)) throw rt.error(PyExc.VALUE_ERROR, "Type names and field names must be valid identifiers: " + Repr.quote(n));
            if (KEYWORDS.contains(n)) throw rt.error(PyExc.VALUE_ERROR, "Type names and field names cannot be a keyword: " + Repr.quote(n));
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n.startsWith("_") && !rename) throw rt.error(PyExc.VALUE_ERROR, "Field names cannot start with an underscore: " + Repr.quote(n));
            if (!seen.add(n)) throw rt.error(PyExc.VALUE_ERROR, "Encountered duplicate field name: " + Repr.quote(n));
        }
        PyObject[] defaults = defaultsArg == PyRuntime.NONE ? new PyObject[0] : Builtins.toArray(rt, defaultsArg);
        try {
            if (defaults.length > names.size()) throw rt.typeError("Got more default values than field names");
            return build(rt, typename, names, defaults, defaultsArg != PyRuntime.NONE);
        } finally {
            for (PyObject o : defaults) rt.heap.decref(o);
        }
    }

    /** str.isidentifier for the ASCII names modelled; any other character is refused. */
    private static boolean identifier(PyRuntime rt, String n) {
        if (!n.chars().allMatch(c -> c < 128)) {
            throw rt.refusal("a namedtuple name with non-ASCII characters");
        }
        return n.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** The class namespace in the order namedtuple writes it, then type(typename, (tuple,), namespace). */
    private static PyType build(PyRuntime rt, String typename, List<String> names, PyObject[] defaults, boolean hasDefaults) {
        Heap heap = rt.heap;
        int n = names.size();
        PyStr tname = rt.name(typename);
        PyObject[] fieldItems = new PyObject[n];
        for (int i = 0; i < n; i++) fieldItems[i] = rt.name(names.get(i));
        PyTuple fields = rt.newTuple(fieldItems);
        PyDict fieldDefaults = rt.newDict().modelled();
        for (int i = 0; i < defaults.length; i++) fieldDefaults.put(rt, fields.items[n - defaults.length + i], defaults[i]);
        PyDict ns = rt.newDict().modelled();
        String argList = String.join(", ", names) + (n == 1 ? "," : "");
        put(rt, ns, "__doc__", rt.newStr(typename + "(" + argList + ")"));
        put(rt, ns, "__slots__", PyRuntime.EMPTY_TUPLE);
        put(rt, ns, "_fields", heap.newRef(fields));
        put(rt, ns, "_field_defaults", fieldDefaults);
        PyTuple defaultsTuple = hasDefaults ? rt.newTuple(heap.newRefs(defaults)) : null;
        PyLibFunction newFn = function(rt, typename, "__new__", params("_cls", names, defaults.length),
                "Create new instance of " + typename + "(" + String.join(", ", names) + ")",
                (r, none, a) -> make(r, (PyType) a.get("_cls"), fieldValues(a, names, defaultsTuple)));
        newFn.defaults = defaultsTuple; // __new__.__defaults__ = defaults
        // __new__ comes from eval() in a namespace whose __name__ is namedtuple_<typename>.
        PyObject module = newFn.module;
        newFn.module = rt.name("namedtuple_" + typename);
        heap.decref(module);
        put(rt, ns, "__new__", heap.alloc(new PyFuncWrapper(PyFuncWrapper.Kind.STATIC, newFn)));
        PyObject makeFn = function(rt, typename, "_make", "cls, iterable", "Make a new " + typename + " object from a sequence or iterable",
                (r, none, a) -> r.interp.exc.throughLibrary(FILE, () -> fromIterable(r, (PyType) a.get("cls"), a.get("iterable"), n)));
        put(rt, ns, "_make", heap.alloc(new PyFuncWrapper(PyFuncWrapper.Kind.CLASS, makeFn)));
        PyLibFunction replaceFn = function(rt, typename, "_replace", "self, /, **kwds",
                "Return a new " + typename + " object replacing specified fields with new values",
                (r, none, a) -> r.interp.exc.throughLibrary(FILE, () -> replace(r, none, a)));
        PyCell fieldNames = heap.alloc(new PyCell()); // its body reads field_names from namedtuple()'s frame
        fieldNames.contents = heap.newRef(fields);
        replaceFn.closure = fieldNames;
        put(rt, ns, "_replace", replaceFn);
        put(rt, ns, "__repr__", function(rt, typename, "__repr__", "self", "Return a nicely formatted representation string",
                (r, none, a) -> r.newStr(repr(r, (PyTuple) a.get("self"), names))));
        put(rt, ns, "_asdict", function(rt, typename, "_asdict", "self", "Return a new dict which maps field names to their values.",
                (r, none, a) -> asDict(r, (PyTuple) a.get("self"))));
        put(rt, ns, "__getnewargs__", function(rt, typename, "__getnewargs__", "self",
                "Return self as a plain tuple.  Used by copy and pickle.",
                (r, none, a) -> r.newTuple(r.heap.newRefs(((PyTuple) a.get("self")).items))));
        put(rt, ns, "__match_args__", heap.newRef(fields));
        for (int i = 0; i < n; i++) {
            PyStr doc = rt.name("Alias for field number " + i);
            ns.putOwned(rt, fields.items[i], heap.alloc(new PyTupleGetter(i, doc)));
        }
        heap.decref(fields);
        // type_new: __module__ from the calling globals (collections), then namedtuple sets it to the caller's.
        put(rt, ns, "__module__", rt.name("__main__"));
        PyType t = PyType.newClass(typename, rt.newTuple(heap.newRef(PyType.TUPLE)), ns, new PyStr[0]);
        t.qualname = tname;
        heap.alloc(t);
        t.ready(rt);
        return t;
    }

    private static void put(PyRuntime rt, PyDict ns, String key, PyObject owned) {
        PyStr k = rt.name(key);
        ns.putOwned(rt, k, owned);
        rt.heap.decref(k);
    }

    /** "_cls, x, y": the last {@code defaults} fields optional (their values come from __defaults__). */
    private static String params(String first, List<String> names, int defaults) {
        StringBuilder b = new StringBuilder(first);
        for (int i = 0; i < names.size(); i++) {
            b.append(", ").append(names.get(i));
            if (i >= names.size() - defaults) b.append("=<unrepresentable>");
        }
        return b.toString();
    }

    /** A function of the class (a heap object in CPython, made by each namedtuple() call), named Typename.method. */
    private static PyLibFunction function(PyRuntime rt, String typename, String name, String params, String doc, PyBuiltin.Impl impl) {
        String qualname = typename + "." + name;
        Signature sig = Signature.parse(params).as(Convention.PYTHON).named(qualname, name);
        PyBuiltin body = new PyBuiltin("collections", name, sig, impl, null);
        return rt.heap.alloc(PyLibFunction.made(body, rt.name(name), rt.newStr(qualname), rt.name("collections"), rt.newStr(doc), null));
    }

    /** __new__'s arguments, each left out one taken from __defaults__, as new references. */
    private static PyObject[] fieldValues(Args a, List<String> names, PyTuple defaults) {
        PyObject[] values = new PyObject[names.size()];
        int firstDefault = names.size() - (defaults == null ? 0 : defaults.size());
        for (int i = 0; i < values.length; i++) {
            PyObject v = a.get(names.get(i));
            values[i] = v != null ? v : defaults.items[i - firstDefault];
        }
        return values;
    }

    /**
     * `return _tuple_new(_cls, (x, y))`: the argument tuple built first (BUILD_TUPLE), then
     * tuple_subtype_new's instance holding the items and its class, then the argument tuple dropped.
     */
    private static PyObject make(PyRuntime rt, PyType cls, PyObject[] borrowed) {
        PyTuple args = rt.newTuple(rt.heap.newRefs(borrowed));
        try {
            return subtypeNew(rt, cls, args);
        } finally {
            rt.heap.decref(args);
        }
    }

    /** tuple_subtype_new: an instance of the class (PyType_GenericAlloc takes a reference to it) with the items. */
    private static PyObject subtypeNew(PyRuntime rt, PyType cls, PyTuple items) {
        if (!cls.isSubtypeOf(PyType.TUPLE) || !cls.heapType) {
            throw rt.refusal("a namedtuple's __new__ called with another class");
        }
        rt.heap.incref(cls);
        return rt.heap.alloc(new PyTuple(rt.heap.newRefs(items.items), cls));
    }

    /** Where _make and _replace are Python in CPython: what leaves them passed through its frames. */
    private static final String FILE = "Lib/collections/__init__.py";

    /** _make: tuple_new(cls, iterable), then the length check. */
    private static PyObject fromIterable(PyRuntime rt, PyType cls, PyObject iterable, int n) {
        PyObject tmp = rt.ops.call(PyType.TUPLE, iterable);
        PyObject result;
        try {
            result = subtypeNew(rt, cls, (PyTuple) tmp);
        } finally {
            rt.heap.decref(tmp);
        }
        int len = ((PyTuple) result).size();
        if (len != n) {
            rt.heap.decref(result);
            throw rt.typeError("Expected " + n + " arguments, got " + len);
        }
        return result;
    }

    /** _replace: self._make(map(kwds.pop, field_names, self)), then ValueError naming the keywords left. */
    private static PyObject replace(PyRuntime rt, PyObject none, Args a) {
        PyTuple self = (PyTuple) a.get("self");
        PyDict kwds = rt.newDict().modelled();
        DictMethods.putAll(rt, kwds, a.extra());
        try {
            PyTuple fields = (PyTuple) self.type().lookup(rt, "_fields");
            PyObject[] values = new PyObject[Math.min(fields.size(), self.size())];
            for (int i = 0; i < values.length; i++) {
                PyObject v = kwds.pop(rt, fields.items[i]);
                values[i] = v != null ? v : rt.heap.newRef(self.items[i]);
            }
            PyObject result;
            try {
                result = make(rt, self.type(), values);
            } finally {
                for (PyObject v : values) rt.heap.decref(v);
            }
            if (kwds.used > 0) {
                rt.heap.decref(result);
                PyObject keys = Builtins.listOf(rt, kwds);
                try {
                    throw rt.error(PyExc.VALUE_ERROR, "Got unexpected field names: " + rt.ops.repr(keys));
                } finally {
                    rt.heap.decref(keys);
                }
            }
            return result;
        } finally {
            rt.heap.decref(kwds);
        }
    }

    /** __repr__: self.__class__.__name__ + '(x=%r, y=%r)' % self. */
    private static String repr(PyRuntime rt, PyTuple self, List<String> names) {
        StringBuilder b = new StringBuilder(self.type().name).append('(');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(names.get(i)).append('=').append(rt.ops.repr(self.items[i]));
        }
        return b.append(')').toString();
    }

    /** _asdict: dict(zip(self._fields, self)). */
    private static PyObject asDict(PyRuntime rt, PyTuple self) {
        PyTuple fields = (PyTuple) self.type().lookup(rt, "_fields");
        PyDict d = rt.newDict().modelled();
        for (int i = 0; i < Math.min(fields.size(), self.size()); i++) d.put(rt, fields.items[i], self.items[i]);
        return d;
    }
}
