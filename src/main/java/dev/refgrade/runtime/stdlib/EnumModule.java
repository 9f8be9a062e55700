package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyMappingProxy;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import dev.refgrade.runtime.protocol.Repr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * enum (Lib/enum.py of 3.11 and 3.12; 3.13's is refused) for plain enums: its Python part (Enum, auto, unique, enum.property and
 * EnumType's methods) is run at import from enum_module.py, each run getting its own classes; the
 * metaclass EnumType is this simulator's ({@link EnumBuild}, {@link EnumMembers}), the one metaclass
 * a class may have besides type. Its slots on an enum class (call, [], iteration, len, in, repr, the
 * attribute hooks) call the Python methods or do what the Python methods do. IntEnum, Flag, StrEnum
 * and the other names are absent, so refused by name.
 */
public final class EnumModule {
    private EnumModule() {}

    public static final PyType META = PyType.newLibraryClass("enum", "EnumType", PyType.TYPE);
    /** The file name the Python part's code carries: a traceback through it is refused (TracebackText). */
    public static final String FILE = "Lib/enum.py";
    private static final String SOURCE = load();

    private static String load() {
        try (InputStream in = EnumModule.class.getResourceAsStream("/dev/refgrade/runtime/enum_module.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("enum");
        reg.put("EnumType", META);
        reg.put("EnumMeta", META);
        reg.function("_create_", Signature.parse("cls, class_name, names, *, module=None, qualname=None, type=None, start=1,"
                + " boundary=None").as(Convention.PYTHON), EnumCreate::create);
        reg.function("_unmodelled", Signature.parse("what, /").as(Convention.POSITIONAL),
                (rt, a) -> { throw EnumBuild.refused(rt, ((PyStr) a.get("what")).value); });
        return reg.contents();
    }

    /** The Python part, run in the module's namespace as `import enum` runs Lib/enum.py. */
    static void addState(PyRuntime rt, PyDict globals) {
        EnumBuild.checkVersion(rt);
        rt.enumGlobals = globals;
        PyCode code = DataclassBuild.compile(rt, FILE, SOURCE);
        try {
            rt.interp.exec(code, globals, globals);
        } finally {
            rt.heap.decref(code);
        }
    }

    /** An exception coming out of the part of Lib/enum.py done in Java: its traceback would show that file's frames. */
    static PyException raisedHere(PyRuntime rt, PyException e) {
        return rt.interp.exc.throughLibrary(e, FILE);
    }

    /** A name of this run's enum module, borrowed; null before it is defined (Enum while Enum itself is made). */
    static PyObject global(PyRuntime rt, String name) {
        return rt.enumGlobals == null ? null : rt.enumGlobals.getBorrowed(rt, rt.name(name));
    }

    public static boolean isEnumClass(PyObject o) {
        return o instanceof PyType t && t.metatype == META;
    }

    /** type(cls).NAME(cls, args): EnumType's method as Lib/enum.py writes it; a new reference. */
    public static PyObject slot(PyRuntime rt, PyType cls, String name, PyObject[] args, Kwargs kw) {
        PyType methods = (PyType) global(rt, "_EnumType_methods");
        PyObject f = methods.dict.getBorrowed(rt, rt.name(name));
        PyObject[] full = new PyObject[args.length + 1];
        full[0] = cls;
        System.arraycopy(args, 0, full, 1, args.length);
        return rt.interp.callBorrowed(f, full, kw);
    }

    /** EnumType's method {@code name} as Lib/enum.py writes it, borrowed. */
    public static PyObject metaMethod(PyRuntime rt, String name) {
        return ((PyType) global(rt, "_EnumType_methods")).dict.getBorrowed(rt, rt.name(name));
    }

    public static PyObject slot(PyRuntime rt, PyType cls, String name, PyObject... args) {
        return slot(rt, cls, name, args, Kwargs.NONE);
    }

    /**
     * type_getattro's metaclass steps for an enum class: EnumType's data descriptor __members__ before
     * the class's own attributes; null when the class's MRO is to be searched.
     */
    public static PyObject metaAttribute(PyRuntime rt, PyType cls, PyStr name) {
        if (!name.value.equals("__members__")) return null;
        // __members__: MappingProxyType(cls._member_map_), a new proxy each time.
        PyObject map = rt.ops.getAttr(cls, rt.name("_member_map_"));
        return rt.heap.alloc(new PyMappingProxy(map));
    }

    /** EnumType's methods that the holder class leaves out (the simulator does their work in Java). */
    private static final java.util.Set<String> META_ONLY = java.util.Set.of("__prepare__", "__new__", "__bool__",
            "__setattr__", "__delattr__", "_create_", "_convert_", "_check_for_existing_members_", "_get_mixins_",
            "_find_data_repr_", "_find_data_type_", "_find_new_");

    /**
     * Whether EnumType.__getattr__ answers for an attribute the class lacks (3.11 has one, looking in
     * _member_map_; 3.12 has none, so the AttributeError stands); EnumType's other methods are refused.
     */
    public static boolean answersMissing(PyRuntime rt, PyStr name) {
        PyType methods = (PyType) global(rt, "_EnumType_methods");
        if (methods.dict.getBorrowed(rt, name) != null && !name.value.equals("__getattr__") || PyType.TYPE.own(rt, name) != null
                || META_ONLY.contains(name.value)) {
            throw EnumBuild.refused(rt, "the metaclass attribute EnumType." + name.value + " of an enum class");
        }
        return methods.dict.getBorrowed(rt, rt.name("__getattr__")) != null;
    }

    /** EnumType.__setattr__: a member's name cannot be rebound; then type.__setattr__. */
    public static void checkSet(PyRuntime rt, PyType cls, PyStr name) {
        PyObject map = cls.dict.getBorrowed(rt, rt.name("_member_map_"));
        if (map instanceof PyDict d && d.getBorrowed(rt, name) != null) {
            throw raisedHere(rt, rt.error(PyExc.ATTRIBUTE_ERROR, "cannot reassign member " + Repr.repr(rt, name)));
        }
    }

    /** EnumType.__delattr__: a member cannot be deleted; then type.__delattr__. */
    public static void checkDelete(PyRuntime rt, PyType cls, PyStr name) {
        PyObject map = cls.lookup(rt, "_member_map_");
        if (map instanceof PyDict d && d.getBorrowed(rt, name) != null) {
            throw raisedHere(rt, rt.error(PyExc.ATTRIBUTE_ERROR, Repr.repr(rt, rt.name(cls.name)) + " cannot delete member "
                    + Repr.repr(rt, name) + "."));
        }
    }

    /** Whether a class statement's metaclass is EnumType: given, or the type of one of its bases. */
    public static boolean isMetaclassOf(PyObject explicit, PyObject[] bases) {
        return EnumBuild.enumMetaclass(explicit, bases);
    }

    /** A class statement whose metaclass is EnumType; takes the bases. */
    public static PyObject buildClass(PyRuntime rt, PyCode body, PyStr name, dev.refgrade.runtime.objects.PyTuple bases, PyDict globals,
                                      dev.refgrade.runtime.objects.PyCell[] closure) {
        return EnumBuild.build(rt, body, name, bases, globals, closure);
    }

    /** type.__call__ of an enum class goes to EnumType.__call__. */
    public static PyObject call(PyRuntime rt, PyType cls, PyObject[] args, Kwargs kw) {
        return slot(rt, cls, "__call__", args, kw);
    }
}
