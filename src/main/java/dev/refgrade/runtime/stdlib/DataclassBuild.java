package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.Module;
import dev.refgrade.python.Parser;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDataclassField;
import dev.refgrade.runtime.objects.PyDataclassParams;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Repr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lib/dataclasses.py's _process_class (3.11): the fields from the annotations, then each method written as source and exec'd. */
final class DataclassBuild {
    private DataclassBuild() {}

    record Options(boolean init, boolean repr, boolean eq, boolean order, boolean unsafeHash, boolean frozen, boolean matchArgs,
                   boolean kwOnly, boolean slots) {}

    static PyObject process(PyRuntime rt, PyObject o, Options p) {
        if (!(o instanceof PyType cls) || !cls.heapType) throw refused(rt, "dataclass() of something other than a class statement's class");
        // With slots=True, _add_slots raises its TypeError at the end; without, fields over slots are not modelled.
        if (cls.slots != null && !p.slots) throw refused(rt, "a dataclass whose class statement gives __slots__");
        if (p.slots && p.frozen) throw refused(rt, "dataclass(slots=True, frozen=True) (its __getstate__ and __setstate__)");
        if (p.slots && cls.mro.size() > 2) throw refused(rt, "dataclass(slots=True) of a class with a base class");
        PyObject module = cls.dict.getBorrowed(rt, rt.name("__module__"));
        if (!(module instanceof PyStr m) || !m.value.equals("__main__")) throw refused(rt, "a dataclass outside the program's own module");
        PyDict globals = rt.interp.mainGlobals;
        set(rt, cls, "__dataclass_params__", rt.heap.alloc(new PyDataclassParams(p.init, p.repr, p.eq, p.order, p.unsafeHash, p.frozen)));
        // The bases' fields in reverse MRO order, so a nearer class's field replaces a farther one's.
        Map<String, PyDataclassField> fields = new LinkedHashMap<>();
        boolean dataclassBases = false, anyFrozenBase = false;
        for (PyType b : cls.mro.subList(1, cls.mro.size()).reversed()) {
            if (!(b.lookup(rt, "__dataclass_fields__") instanceof PyDict baseFields)) continue;
            dataclassBases = true;
            for (int i = baseFields.nextEntry(0); i < baseFields.entries; i = baseFields.nextEntry(i + 1)) {
                fields.put(((PyStr) baseFields.keys[i]).value, (PyDataclassField) baseFields.values[i]);
            }
            if (b.lookup(rt, "__dataclass_params__") instanceof PyDataclassParams params && params.frozen) anyFrozenBase = true;
        }
        java.util.Set<PyDataclassField> own = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        own.addAll(ownFields(rt, cls, fields, p.kwOnly, new Kinds(rt)));
        if (dataclassBases && anyFrozenBase != p.frozen) {
            throw rt.typeError(anyFrozenBase ? "cannot inherit non-frozen dataclass from a frozen one"
                    : "cannot inherit frozen dataclass from a non-frozen one");
        }
        PyDict table = rt.newDict();
        // Keyed by each field's name; the table takes the class's own fields' references and shares the bases'.
        for (PyDataclassField f : fields.values()) {
            if (own.contains(f)) table.putOwned(rt, f.name, f);
            else table.put(rt, f.name, f);
        }
        set(rt, cls, "__dataclass_fields__", table);
        PyObject classHash = cls.dict.getBorrowed(rt, rt.name("__hash__"));
        boolean explicitHash = !(classHash == null || classHash == PyRuntime.NONE && cls.dict.getBorrowed(rt, rt.name("__eq__")) != null);
        if (p.order && !p.eq) throw rt.error(PyExc.VALUE_ERROR, "eq must be true if order is true");
        List<PyDataclassField> all = new ArrayList<>(fields.values());
        // _fields_in_init_order: the positional parameters, then the keyword-only ones.
        List<PyDataclassField> params = all.stream().filter(f -> f.init && !rt.ops.truthy(f.kwOnly)).toList();
        List<PyDataclassField> kwParams = all.stream().filter(f -> f.init && rt.ops.truthy(f.kwOnly)).toList();
        if (p.init) {
            boolean postInit = cls.lookup(rt, "__post_init__") != null;
            String self = fields.containsKey("self") ? "__dataclass_self__" : "self";
            define(rt, cls, "__init__", DataclassMethods.init(rt, globals, all, params, kwParams, p.frozen, postInit, self, p.slots));
        }
        // field_list: the real fields, without InitVar pseudo-fields, for every method but __init__.
        List<PyDataclassField> fieldList = all.stream().filter(f -> !f.initVar).toList();
        if (p.repr) define(rt, cls, "__repr__", DataclassMethods.repr(rt, globals, fieldList.stream().filter(f -> f.repr).toList()));
        List<PyDataclassField> compared = fieldList.stream().filter(f -> f.compare).toList();
        if (p.eq) define(rt, cls, "__eq__", DataclassMethods.compare(rt, globals, "__eq__", "==", compared));
        if (p.order) {
            for (String[] op : new String[][] {{"__lt__", "<"}, {"__le__", "<="}, {"__gt__", ">"}, {"__ge__", ">="}}) {
                if (define(rt, cls, op[0], DataclassMethods.compare(rt, globals, op[0], op[1], compared))) {
                    throw rt.typeError("Cannot overwrite attribute " + op[0] + " in class " + cls.name
                            + ". Consider using functools.total_ordering");
                }
            }
        }
        if (p.frozen) {
            for (String name : new String[] {"__setattr__", "__delattr__"}) {
                if (define(rt, cls, name, DataclassMethods.frozen(rt, globals, cls, name, fieldList))) {
                    throw rt.typeError("Cannot overwrite attribute " + name + " in class " + cls.name);
                }
            }
        }
        hash(rt, cls, globals, p, explicitHash, fieldList);
        PyObject doc = cls.lookup(rt, "__doc__");
        if (doc == null || !rt.ops.truthy(doc)) set(rt, cls, "__doc__", rt.newStr(cls.name + signature(rt, cls, p, params, kwParams)));
        if (p.matchArgs && cls.dict.getBorrowed(rt, rt.name("__match_args__")) == null) {
            PyObject[] names = params.stream().map(f -> rt.heap.newRef(f.name)).toArray(PyObject[]::new);
            set(rt, cls, "__match_args__", rt.newTuple(names));
        }
        return p.slots ? addSlots(rt, cls, fieldList) : rt.heap.newRef(cls);
    }

    /**
     * _add_slots: a new class from a copy of the namespace with __slots__ the field names, the fields'
     * class attributes, __dict__ and __weakref__ taken out, and the old class's qualname.
     */
    private static PyObject addSlots(PyRuntime rt, PyType cls, List<PyDataclassField> fields) {
        if (cls.dict.getBorrowed(rt, rt.name("__slots__")) != null) throw rt.typeError(cls.name + " already specifies __slots__");
        PyDict ns = rt.newDict();
        Builtins.dictUpdate(rt, ns, cls.dict);
        PyObject[] names = fields.stream().map(f -> rt.heap.newRef(f.name)).toArray(PyObject[]::new);
        ns.putOwned(rt, rt.name("__slots__"), rt.newTuple(names));
        for (String drop : new String[] {"__dict__", "__weakref__"}) rt.heap.xdecref(ns.pop(rt, rt.name(drop)));
        for (PyDataclassField f : fields) rt.heap.xdecref(ns.pop(rt, f.name));
        PyObject qualname = cls.qualname != null ? rt.heap.newRef(cls.qualname) : null;
        PyObject bases = rt.ops.getAttr(cls, rt.name("__bases__"));
        PyType made = rt.interp.typeNew(rt.newStr(cls.name), (dev.refgrade.runtime.objects.PyTuple) bases, ns);
        if (qualname != null) {
            rt.ops.setAttr(made, rt.name("__qualname__"), qualname);
            rt.heap.decref(qualname);
        }
        return made;
    }

    /** The module's InitVar class and its _FIELD and _FIELD_INITVAR markers, from this run's dataclasses module. */
    private record Kinds(PyObject initVar, PyObject field, PyObject initVarField) {
        Kinds(PyRuntime rt) {
            this(rt, rt.importModule("dataclasses"));
        }

        private Kinds(PyRuntime rt, dev.refgrade.runtime.objects.PyModule m) {
            this(m.dict.getBorrowed(rt, rt.name("InitVar")), m.dict.getBorrowed(rt, rt.name("_FIELD")),
                    m.dict.getBorrowed(rt, rt.name("_FIELD_INITVAR")));
            rt.heap.decref(m); // sys.modules keeps it
        }
    }

    /**
     * _get_field for each of the class's own annotations, put after (or in place of) the bases'
     * fields, which stay borrowed; a Field left in the class dict is replaced by its default, or removed.
     */
    private static java.util.Collection<PyDataclassField> ownFields(PyRuntime rt, PyType cls, Map<String, PyDataclassField> fields,
                                                                    boolean kwOnly, Kinds kinds) {
        Map<String, PyDataclassField> own = new LinkedHashMap<>();
        boolean kwOnlySeen = false;
        PyObject annotations = cls.dict.getBorrowed(rt, rt.name("__annotations__"));
        PyDict ann = annotations instanceof PyDict d ? d : null;
        if (ann != null) {
            for (int i = ann.nextEntry(0); i < ann.entries; i = ann.nextEntry(i + 1)) {
                if (!(ann.keys[i] instanceof PyStr name)) continue;
                PyObject type = ann.values[i];
                if (type instanceof PyStr s && s.value.matches("\\s*(typing\\.|dataclasses\\.)?(ClassVar|InitVar|KW_ONLY)\\b.*")) {
                    throw refused(rt, "a dataclass field annotated '" + s.value + "' (ClassVar, InitVar and KW_ONLY as strings)");
                }
                // _is_kw_only: the pseudo-field makes the fields after it keyword-only by default.
                if (type == DataclassesModule.KW_ONLY) {
                    if (kwOnlySeen) {
                        for (PyDataclassField made : own.values()) rt.heap.decref(made);
                        throw rt.typeError(Repr.repr(rt, name) + " is KW_ONLY, but KW_ONLY has already been specified");
                    }
                    kwOnlySeen = true;
                    kwOnly = true;
                    continue;
                }
                PyObject dflt = cls.lookup(rt, name.value);
                PyDataclassField f;
                if (dflt instanceof PyDataclassField given) {
                    f = rt.heap.newRef(given);
                } else {
                    PyObject d = dflt == null ? DataclassesModule.MISSING : dflt;
                    f = DataclassesModule.initialized(rt, null, new PyDataclassField(rt.heap.newRef(d), rt.heap.newRef(DataclassesModule.MISSING), true, true,
                            rt.heap.newRef(PyRuntime.NONE), true, rt.heap.newRef(DataclassesModule.MISSING)));
                }
                if (f.kwOnly == DataclassesModule.MISSING) {
                    f.kwOnly = rt.heap.newRef(PyRuntime.bool(kwOnly));
                    rt.heap.decref(DataclassesModule.MISSING);
                }
                PyObject oldName = f.name, oldType = f.fieldType;
                f.name = rt.heap.newRef(name);
                f.fieldType = rt.heap.newRef(type);
                rt.heap.xdecref(oldName);
                rt.heap.xdecref(oldType);
                // _is_initvar: InitVar itself, or an InitVar[...] instance.
                f.initVar = type == kinds.initVar() || type.type() == kinds.initVar();
                PyObject oldKind = f.kind;
                f.kind = rt.heap.newRef(f.initVar ? kinds.initVarField() : kinds.field());
                rt.heap.xdecref(oldKind);
                if (f.initVar && f.factory != DataclassesModule.MISSING) {
                    rt.heap.decref(f);
                    for (PyDataclassField made : own.values()) rt.heap.decref(made);
                    throw rt.typeError("field " + name.value + " cannot have a default factory");
                }
                if (!f.initVar && f.dflt != DataclassesModule.MISSING && rt.ops.hashIsNone(f.dflt)) {
                    String message = "mutable default " + Repr.repr(rt, f.dflt.type()) + " for field " + name.value
                            + " is not allowed: use default_factory";
                    rt.heap.decref(f);
                    for (PyDataclassField made : own.values()) rt.heap.decref(made);
                    throw rt.error(PyExc.VALUE_ERROR, message);
                }
                PyDataclassField old = own.put(name.value, f);
                if (old != null) rt.heap.decref(old);
            }
        }
        fields.putAll(own);
        for (var e : own.entrySet()) {
            if (cls.lookup(rt, e.getKey()) instanceof PyDataclassField) {
                PyDataclassField f = e.getValue();
                if (f.dflt == DataclassesModule.MISSING) rt.ops.delAttr(cls, rt.name(e.getKey()));
                else rt.ops.setAttr(cls, rt.name(e.getKey()), f.dflt);
            }
        }
        for (int i = cls.dict.nextEntry(0); i < cls.dict.entries; i = cls.dict.nextEntry(i + 1)) {
            if (cls.dict.values[i] instanceof PyDataclassField && (ann == null || ann.getBorrowed(rt, cls.dict.keys[i]) == null)) {
                throw rt.typeError(Repr.repr(rt, cls.dict.keys[i]) + " is a field but has no type annotation");
            }
        }
        return own.values();
    }

    /** _hash_action's table: leave __hash__, set it to None, add one from the fields, or refuse to overwrite. */
    private static void hash(PyRuntime rt, PyType cls, PyDict globals, Options p, boolean explicit, List<PyDataclassField> all) {
        if (p.unsafeHash && explicit) throw rt.typeError("Cannot overwrite attribute __hash__ in class " + cls.name);
        if (p.unsafeHash || p.eq && p.frozen && !explicit) {
            List<PyDataclassField> hashed = all.stream()
                    .filter(f -> f.hash == PyRuntime.NONE ? f.compare : rt.ops.truthy(f.hash)).toList();
            PyObject fn = DataclassMethods.hash(rt, globals, hashed);
            qualify(rt, cls, fn);
            set(rt, cls, "__hash__", fn);
        } else if (p.eq && !p.frozen && !explicit) {
            set(rt, cls, "__hash__", PyRuntime.NONE);
        }
    }

    /** str(inspect.signature(cls)) without " -> None": the __init__ parameters, annotated, with their defaults. */
    private static String signature(PyRuntime rt, PyType cls, Options p, List<PyDataclassField> params, List<PyDataclassField> kwParams) {
        if (!p.init) return "()";
        if (cls.dict.getBorrowed(rt, rt.name("__init__")) instanceof PyFunction f && !f.qualname.equals(cls.name + ".__init__")) {
            throw refused(rt, "a dataclass with its own __init__ and no docstring (its __doc__ is inspect.signature's text)");
        }
        List<String> parts = new ArrayList<>();
        for (PyDataclassField f : params) parts.add(parameter(rt, f));
        if (!kwParams.isEmpty()) parts.add("*");
        for (PyDataclassField f : kwParams) parts.add(parameter(rt, f));
        return "(" + String.join(", ", parts) + ")";
    }

    private static String parameter(PyRuntime rt, PyDataclassField f) {
        String s = ((PyStr) f.name).value + ": " + annotation(rt, f.fieldType);
        if (f.dflt != DataclassesModule.MISSING) s += " = " + Repr.repr(rt, f.dflt);
        else if (f.factory != DataclassesModule.MISSING) s += " = <factory>";
        return s;
    }

    /** inspect.formatannotation: a builtin class by its name, another class by module and qualname, anything else by repr. */
    private static String annotation(PyRuntime rt, PyObject a) {
        if (!(a instanceof PyType t)) return Repr.repr(rt, a);
        if (!t.heapType) return t.module == null ? t.name : t.module + "." + t.name;
        PyObject module = t.dict.getBorrowed(rt, rt.name("__module__"));
        String qualname = t.qualname != null ? t.qualname.value : t.name;
        if (!(module instanceof PyStr m)) throw refused(rt, "a dataclass field annotated with a class without a str __module__");
        return m.value.equals("builtins") ? qualname : m.value + "." + qualname;
    }

    /** _set_new_attribute: true when the class defines the name itself (nothing is set); the function gets the class's qualname. */
    private static boolean define(PyRuntime rt, PyType cls, String name, PyObject fn) {
        if (cls.dict.getBorrowed(rt, rt.name(name)) != null) {
            rt.heap.decref(fn);
            return true;
        }
        qualify(rt, cls, fn);
        set(rt, cls, name, fn);
        return false;
    }

    /** _set_qualname. */
    private static void qualify(PyRuntime rt, PyType cls, PyObject fn) {
        if (!(fn instanceof PyFunction)) return;
        PyObject q = rt.newStr((cls.qualname != null ? cls.qualname.value : cls.name) + "." + ((PyFunction) fn).name.value);
        rt.ops.setAttr(fn, rt.name("__qualname__"), q);
        rt.heap.decref(q);
    }

    /** setattr(cls, name, value), consuming the value. */
    private static void set(PyRuntime rt, PyType cls, String name, PyObject value) {
        try {
            rt.ops.setAttr(cls, rt.name(name), value);
        } finally {
            rt.heap.decref(value);
        }
    }

    static Unsupported refused(PyRuntime rt, String what) {
        return rt.refusal(what);
    }

    /** compile(source, file, "exec") of text the library wrote. */
    static PyCode compile(PyRuntime rt, String file, String source) {
        Module m;
        try {
            m = Parser.parse(file, source);
        } catch (dev.refgrade.python.ParseError e) {
            throw new IllegalStateException("dataclasses generated source that does not parse: " + source, e);
        }
        Compiler compiler = new Compiler(rt, file);
        PyCode code = compiler.compileModule(m);
        // compile() drops the parse tree once the code is made.
        for (PyObject c : compiler.constants.arena) rt.heap.decref(c);
        compiler.constants.arena.clear();
        return code;
    }

    /**
     * _create_fn: `def __create_fn__(locals...)` wrapping the method's text, exec'd in the class's module
     * globals as "<string>", then called with the locals (which become the method's closure).
     */
    static PyObject createFn(PyRuntime rt, PyDict globals, String text, Map<String, PyObject> locals) {
        PyCode code = compile(rt, "<string>", "def __create_fn__(" + String.join(", ", locals.keySet()) + "):\n" + text + "\n");
        PyDict ns = rt.newDict();
        PyObject creator;
        try {
            rt.interp.exec(code, globals, ns);
            creator = rt.heap.newRef(ns.getBorrowed(rt, rt.name("__create_fn__")));
        } finally {
            rt.heap.decref(code);
            rt.heap.decref(ns);
        }
        try {
            return rt.ops.call(creator, locals.values().toArray(new PyObject[0]));
        } finally {
            rt.heap.decref(creator);
        }
    }
}
