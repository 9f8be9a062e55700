package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyDataclassField;
import dev.refgrade.runtime.objects.PyDataclassParams;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * dataclasses (Lib/dataclasses.py, 3.11) for plain fields: dataclass(), field(), fields(), MISSING,
 * Field and FrozenInstanceError; the methods are generated as that module does ({@link DataclassBuild}).
 * is_dataclass, asdict, astuple and replace run from the module's text ({@link DataclassesLibrary}); its
 * other names (make_dataclass, ...) are refused by name; InitVar is the module text's class.
 */
public final class DataclassesModule {
    private DataclassesModule() {}

    static final PyObject MISSING = StaticObjects.place(new PySingleton("",
            PyType.newLibraryClass("dataclasses", "_MISSING_TYPE", PyType.OBJECT)));
    /** _HAS_DEFAULT_FACTORY: the default of a parameter whose field has a default_factory; its repr is "<factory>". */
    static final PyObject HAS_DEFAULT_FACTORY = StaticObjects.place(new PySingleton("<factory>",
            PyType.newLibraryClass("dataclasses", "_HAS_DEFAULT_FACTORY_CLASS", PyType.OBJECT)));
    /** KW_ONLY: an instance of _KW_ONLY_TYPE; a field annotated with it makes the fields after it keyword-only. */
    static final PyObject KW_ONLY = StaticObjects.place(new PySingleton("",
            PyType.newLibraryClass("dataclasses", "_KW_ONLY_TYPE", PyType.OBJECT)));
    static final PyType FROZEN_INSTANCE_ERROR = PyType.newLibraryClass("dataclasses", "FrozenInstanceError", PyExc.ATTRIBUTE_ERROR);

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("dataclasses");
        PyType field = PyType.newLibraryClass("dataclasses", "Field", PyType.OBJECT);
        PyDataclassField.TYPE = field;
        reg.put("Field", field);
        PyDataclassParams.TYPE = PyType.newLibraryClass("dataclasses", "_DataclassParams", PyType.OBJECT);
        reg.put("MISSING", MISSING);
        reg.put("KW_ONLY", KW_ONLY);
        reg.put("FrozenInstanceError", FROZEN_INSTANCE_ERROR);
        getter(field, "name", f -> f.name);
        getter(field, "type", f -> f.fieldType);
        getter(field, "default", f -> f.dflt);
        getter(field, "default_factory", f -> f.factory);
        getter(field, "init", f -> PyRuntime.bool(f.init));
        getter(field, "repr", f -> PyRuntime.bool(f.repr));
        getter(field, "hash", f -> f.hash);
        getter(field, "compare", f -> PyRuntime.bool(f.compare));
        getter(field, "kw_only", f -> f.kwOnly);
        getter(field, "_field_type", f -> f.kind);
        getter(field, "metadata", f -> f.metadata);
        reg.function("field", Signature.parse("*, default=<unrepresentable>, default_factory=<unrepresentable>, init=True,"
                + " repr=True, hash=None, compare=True, metadata=None, kw_only=<unrepresentable>").as(Convention.PYTHON),
                DataclassesModule::field);
        reg.function("fields", Signature.parse("class_or_instance").as(Convention.PYTHON), (rt, a) -> fields(rt, a.get("class_or_instance")));
        reg.function("dataclass", Signature.parse("cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,"
                + " frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False").as(Convention.PYTHON),
                DataclassesModule::dataclass);
        return reg.contents();
    }

    private static void getter(PyType t, String name, Function<PyDataclassField, PyObject> read) {
        t.install(name, StaticObjects.place(new BuiltinGetter((rt, self) -> rt.heap.newRef(read.apply((PyDataclassField) self)))));
    }

    /**
     * The module is 3.11's: 3.12 widened __dataclass_params__, 3.13 words the default-order error
     * differently and writes all the methods in one exec.
     */
    private static void checkVersion(PyRuntime rt, Args a) {
        if (rt.rules.version != dev.refgrade.runtime.PythonVersion.V3_11) {
            throw a.unsupported("dataclasses on Python " + rt.rules.version + " (modelled as 3.11's Lib/dataclasses.py)");
        }
    }

    /** field(): a Field; default and default_factory together are a ValueError. */
    private static PyObject field(PyRuntime rt, Args a) {
        checkVersion(rt, a);
        PyObject dflt = a.get("default"), factory = a.get("default_factory");
        if (dflt != null && factory != null) throw rt.error(PyExc.VALUE_ERROR, "cannot specify both default and default_factory");
        PyObject metadata = a.orNone("metadata");
        // Field.__init__: the shared empty proxy, or types.MappingProxyType(metadata) with its checks.
        PyObject proxy = metadata == PyRuntime.NONE ? null : rt.ops.call(dev.refgrade.runtime.objects.PyMappingProxy.TYPE, metadata);
        return initialized(rt, proxy, new PyDataclassField(rt.heap.newRef(dflt == null ? MISSING : dflt),
                rt.heap.newRef(factory == null ? MISSING : factory), a.truth("init"), a.truth("repr"),
                rt.heap.newRef(a.orNone("hash")), a.truth("compare"), rt.heap.newRef(a.get("kw_only") == null ? MISSING : a.get("kw_only"))));
    }

    /**
     * A new Field as Field.__init__ leaves it: its metadata the given proxy (taken over), or the
     * module's _EMPTY_METADATA when there is none; _field_type None.
     */
    static PyDataclassField initialized(PyRuntime rt, PyObject metadata, PyDataclassField f) {
        if (metadata == null) {
            var module = rt.importModule("dataclasses");
            metadata = rt.heap.newRef(module.dict.getBorrowed(rt, rt.name("_EMPTY_METADATA")));
            rt.heap.decref(module);
        }
        f.metadata = metadata;
        f.kind = rt.heap.newRef(PyRuntime.NONE);
        return rt.heap.alloc(f);
    }

    /** Field.__repr__: every slot by repr, _field_type by str. */
    public static String repr(PyRuntime rt, PyDataclassField f) {
        return "Field(name=" + rt.ops.repr(f.name == null ? PyRuntime.NONE : f.name) + ",type=" + rt.ops.repr(f.fieldType == null ? PyRuntime.NONE : f.fieldType)
                + ",default=" + rt.ops.repr(f.dflt) + ",default_factory=" + rt.ops.repr(f.factory) + ",init=" + (f.init ? "True" : "False")
                + ",repr=" + (f.repr ? "True" : "False") + ",hash=" + rt.ops.repr(f.hash) + ",compare=" + (f.compare ? "True" : "False")
                + ",metadata=" + rt.ops.repr(f.metadata) + ",kw_only=" + rt.ops.repr(f.kwOnly) + ",_field_type=" + rt.ops.str(f.kind) + ")";
    }

    /** fields(): the class's or instance's fields (not its InitVar pseudo-fields), in order, as a tuple. */
    private static PyObject fields(PyRuntime rt, PyObject o) {
        PyType cls = o instanceof PyType t ? t : o.type();
        PyObject table = cls.dict == null ? null : cls.lookup(rt, "__dataclass_fields__");
        if (!(table instanceof PyDict d)) throw rt.typeError("must be called with a dataclass type or instance");
        List<PyObject> out = new ArrayList<>();
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
            if (!(d.values[i] instanceof PyDataclassField f && f.initVar)) out.add(rt.heap.newRef(d.values[i]));
        }
        return rt.newTuple(out.toArray(new PyObject[0]));
    }

    /** dataclass(cls) processes the class; dataclass(**options) returns wrap, which will. */
    private static PyObject dataclass(PyRuntime rt, Args a) {
        checkVersion(rt, a);
        PyObject cls = a.orNone("cls");
        if (a.truth("weakref_slot")) throw a.refuse("weakref_slot");
        DataclassBuild.Options options = new DataclassBuild.Options(a.truth("init"), a.truth("repr"), a.truth("eq"),
                a.truth("order"), a.truth("unsafe_hash"), a.truth("frozen"), a.truth("match_args"), a.truth("kw_only"), a.truth("slots"));
        if (cls != PyRuntime.NONE) return DataclassBuild.process(rt, cls, options);
        return rt.heap.alloc(new PyBuiltin("dataclasses", "wrap", Signature.parse("cls").as(Convention.PYTHON).named("wrap", "wrap"),
                (rt2, self, a2) -> DataclassBuild.process(rt2, a2.get("cls"), options), null));
    }
}
