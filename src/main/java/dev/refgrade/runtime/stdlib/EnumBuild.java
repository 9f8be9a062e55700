package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyCachedProperty;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyFuncWrapper;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyLruCache;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyProperty;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Repr;
import java.util.List;

/**
 * EnumType.__prepare__ and EnumType.__new__ (Lib/enum.py, 3.11) for enums without a data type:
 * the body runs in an {@link EnumNamespace}, each member becomes a _proto_member in the class dict
 * beside the house-keeping entries (_member_names_, _member_map_, _value2member_map_ ...), and
 * type.__new__ makes the class, whose __set_name__ step makes the members ({@link EnumMembers}).
 */
final class EnumBuild {
    private EnumBuild() {}

    /** The entries EnumType.__new__ adds for Flag and deletes again from any other enum. */
    private static final List<String> FLAG_ENTRIES = List.of("_boundary_", "_flag_mask_", "_singles_mask_", "_all_bits_", "_inverted_");

    /** _PyType_CalculateMetaclass with type and EnumType the only metaclasses: EnumType wins if given or a base's. */
    static boolean enumMetaclass(PyObject explicit, PyObject[] bases) {
        if (explicit == EnumModule.META) return true;
        for (PyObject b : bases) if (b.type() == EnumModule.META) return true;
        return false;
    }

    /** The class statement of an enum: __prepare__, the body, then EnumType.__new__; takes bases. */
    static PyObject build(PyRuntime rt, PyCode body, PyStr name, PyTuple bases, PyDict globals, PyCell[] closure) {
        Heap heap = rt.heap;
        PyObject firstEnum;
        EnumNamespace ns;
        try {
            checkVersion(rt);
            firstEnum = mixins(rt, name.value, bases);
            PyObject enumClass = EnumModule.global(rt, "Enum");
            ns = new EnumNamespace(rt, rt.newDict(), name.value, enumClass == null);
            if (firstEnum != null) {
                PyObject gnv = rt.ops.getAttrOrNull(firstEnum, rt.name("_generate_next_value_"));
                ns.inherit(rt.name("_generate_next_value_"), gnv == null ? heap.newRef(PyRuntime.NONE) : gnv);
            }
        } catch (PyException e) {
            heap.decref(bases);
            throw EnumModule.raisedHere(rt, e);
        } catch (RuntimeException e) {
            heap.decref(bases);
            throw e;
        }
        try {
            // An exception of the body's own code shows no frame of Lib/enum.py; _EnumDict's do (EnumNamespace).
            rt.interp.runClassBody(body, ns.dict, globals, closure, ns);
        } catch (RuntimeException e) {
            ns.release();
            heap.decref(bases);
            throw e;
        }
        ns.release();
        try {
            return newEnum(rt, name, bases, ns, firstEnum);
        } catch (PyException e) {
            throw EnumModule.raisedHere(rt, e);
        }
    }

    /**
     * _get_mixins_: the member type (always object here: a data type or mixin base is refused) and
     * the last base, which must be an enum; null for Enum itself. Also _check_for_existing_members_.
     */
    static PyObject mixins(PyRuntime rt, String clsName, PyTuple bases) {
        if (bases.size() == 0) return EnumModule.global(rt, "Enum");
        for (PyObject chain : bases.items) {
            for (PyType base : ((PyType) chain).mro) {
                if (base.type() == EnumModule.META && base.dict.getBorrowed(rt, rt.name("_member_names_")) instanceof PyList l && l.size() > 0) {
                    throw rt.typeError("<enum '" + clsName + "'> cannot extend " + Repr.repr(rt, base));
                }
            }
        }
        PyObject first = bases.get(bases.size() - 1);
        if (first.type() != EnumModule.META) {
            throw rt.typeError("new enumerations should be created as `EnumName([mixin_type, ...] [data_type,] enum_type)`");
        }
        for (PyObject chain : bases.items) {
            for (PyType base : ((PyType) chain).mro) {
                if (base != PyType.OBJECT && base.type() != EnumModule.META) {
                    throw refused(rt, "an enum with a data type or mixin base (" + base.name + "): only plain Enum subclasses are modelled");
                }
            }
        }
        return first;
    }

    /** EnumType.__new__ after the body: the class dict as it builds it, then type.__new__ and the fix-ups after. */
    static PyObject newEnum(PyRuntime rt, PyStr name, PyTuple bases, EnumNamespace ns, PyObject firstEnum) {
        Heap heap = rt.heap;
        PyDict body = ns.dict;
        PyDict classdict;
        PyObject order;
        try {
            // _ignore_ (always listed) and the names it gives leave the namespace.
            List<String> ignored = new java.util.ArrayList<>(ns.ignore);
            ignored.add("_ignore_");
            for (String n : ignored) heap.xdecref(body.pop(rt, rt.name(n)));
            for (String n : ns.memberNames) {
                if (n.equals("mro") || n.isEmpty()) throw rt.error(PyExc.VALUE_ERROR, "invalid enum member name(s) '" + n + "'");
            }
            if (firstEnum != null && body.getBorrowed(rt, rt.name("__new__")) != null) throw refused(rt, "an enum class with its own __new__");
            // Its members would still have Enum's __dict__; a class with __slots__ below one without is not modelled.
            if (body.getBorrowed(rt, rt.name("__slots__")) != null) throw refused(rt, "an enum class with __slots__");
            // classdict = dict(classdict.items()), then the entries in the order EnumType.__new__ adds them.
            order = body.pop(rt, rt.name("_order_"));
            classdict = rt.newDict();
            Builtins.dictUpdate(rt, classdict, body);
            // 3.12: _generate_next_value_ becomes a staticmethod, in its place (gh-103596).
            PyObject gnv = classdict.getBorrowed(rt, rt.name("_generate_next_value_"));
            if (v312(rt) && gnv != null && gnv != PyRuntime.NONE && !(gnv instanceof PyFuncWrapper w && w.kind == PyFuncWrapper.Kind.STATIC)) {
                classdict.putOwned(rt, rt.name("_generate_next_value_"), heap.alloc(new PyFuncWrapper(PyFuncWrapper.Kind.STATIC, heap.newRef(gnv))));
            }
        } catch (RuntimeException e) {
            heap.decref(body);
            heap.decref(bases);
            throw e;
        }
        heap.decref(body);
        try {
            return newClass(rt, name, bases, ns, firstEnum, classdict, order);
        } finally {
            heap.xdecref(order);
        }
    }

    private static PyObject newClass(PyRuntime rt, PyStr name, PyTuple bases, EnumNamespace ns, PyObject firstEnum, PyDict classdict,
                                     PyObject order) {
        Heap heap = rt.heap;
        // _find_new_: Enum's own __new__ is its _new_member_; every other class's is object.__new__, called without the value.
        PyObject newMember = firstEnum == null ? heap.newRef(classdict.getBorrowed(rt, rt.name("__new__")))
                : rt.ops.getAttr(PyType.OBJECT, rt.name("__new__"));
        classdict.putOwned(rt, rt.name("_new_member_"), newMember);
        classdict.put(rt, rt.name("_use_args_"), PyRuntime.FALSE);
        for (String n : ns.memberNames) {
            PyStr key = rt.name(n);
            PyObject value = classdict.getBorrowed(rt, key);
            classdict.putOwned(rt, key, heap.alloc(new EnumMembers.Proto(heap.newRef(value))));
        }
        classdict.putOwned(rt, rt.name("_member_names_"), rt.newList());
        classdict.putOwned(rt, rt.name("_member_map_"), rt.newDict());
        classdict.putOwned(rt, rt.name("_value2member_map_"), rt.newDict());
        classdict.putOwned(rt, rt.name("_unhashable_values_"), rt.newList());
        classdict.put(rt, rt.name("_member_type_"), PyType.OBJECT);
        // _find_data_repr_: the first enum base's _value_repr_ (None from Enum down, without a data type).
        PyObject valueRepr = firstEnum == null ? heap.newRef(PyRuntime.NONE) : rt.ops.getAttr(firstEnum, rt.name("_value_repr_"));
        classdict.putOwned(rt, rt.name("_value_repr_"), valueRepr);
        PyObject boundary = firstEnum == null ? null : rt.ops.getAttrOrNull(firstEnum, rt.name("_boundary_"));
        classdict.putOwned(rt, rt.name("_boundary_"), boundary == null ? heap.newRef(PyRuntime.NONE) : boundary);
        for (String n : List.of("_flag_mask_", "_singles_mask_", "_all_bits_")) classdict.putOwned(rt, rt.name(n), rt.newInt(0));
        classdict.put(rt, rt.name("_inverted_"), PyRuntime.NONE);
        PyType cls = rt.interp.typeNew(name, bases, classdict, EnumModule.META, EnumMembers::create);
        try {
            finish(rt, cls, firstEnum);
            if (order != null && order != PyRuntime.NONE) checkOrder(rt, cls, order);
        } catch (RuntimeException e) {
            heap.decref(cls);
            throw e;
        }
        return cls;
    }

    /** What EnumType.__new__ does once the class exists: the Enum's __new__ for lookups, the Flag entries gone. */
    private static void finish(PyRuntime rt, PyType cls, PyObject firstEnum) {
        for (String n : List.of("__repr__", "__str__", "__format__", "__reduce_ex__")) {
            if (cls.dict.getBorrowed(rt, rt.name(n)) != null) continue;
            // getattr(enum_class, name) is object's own: the first enum's replaces it.
            for (PyType t : cls.mro) {
                if (t.own(rt, rt.name(n)) == null) continue;
                if (t == PyType.OBJECT && firstEnum != null) {
                    PyObject m = rt.ops.getAttr(firstEnum, rt.name(n));
                    rt.ops.setAttr(cls, rt.name(n), m);
                    rt.heap.decref(m);
                }
                break;
            }
        }
        PyObject enumClass = EnumModule.global(rt, "Enum");
        if (enumClass != null) {
            PyObject lookup = rt.ops.getAttr(enumClass, rt.name("__new__"));
            rt.ops.setAttr(cls, rt.name("__new__"), lookup);
            rt.heap.decref(lookup);
        }
        for (String n : FLAG_ENTRIES) rt.ops.delAttr(cls, rt.name(n));
    }

    /**
     * _order_ (py2/py3 support): the names it lists, aliases left out, must be _member_names_, or a
     * TypeError shows both lists.
     */
    private static void checkOrder(PyRuntime rt, PyType cls, PyObject order) {
        List<String> names = new java.util.ArrayList<>();
        if (order instanceof PyStr s) {
            for (String n : s.value.replace(',', ' ').trim().split("\\s+")) if (!n.isEmpty()) names.add(n);
        } else if (order instanceof PyList || order instanceof PyTuple) {
            for (PyObject o : Builtins.toArray(rt, order)) {
                rt.heap.decref(o);
                if (!(o instanceof PyStr s)) throw refused(rt, "an _order_ name that is not a str");
                names.add(s.value);
            }
        } else {
            throw refused(rt, "an _order_ that is not a str, list or tuple");
        }
        PyDict map = (PyDict) EnumMembers.attr(rt, cls, "_member_map_");
        PyList memberNames = (PyList) EnumMembers.attr(rt, cls, "_member_names_");
        List<String> members = new java.util.ArrayList<>();
        for (int i = 0; i < memberNames.size(); i++) members.add(((PyStr) memberNames.get(i)).value);
        names.removeIf(o -> map.getBorrowed(rt, rt.name(o)) != null && !members.contains(o));
        if (!names.equals(members)) {
            throw rt.typeError("member order does not match _order_:\n  " + listRepr(rt, members) + "\n  " + listRepr(rt, names));
        }
    }

    private static String listRepr(PyRuntime rt, List<String> names) {
        return names.stream().map(n -> Repr.repr(rt, rt.name(n))).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /**
     * _is_descriptor: whether the value has __get__, __set__ or __delete__ (functions, classmethods,
     * properties ...), so stays a plain attribute; a value of a kind not listed is refused.
     */
    static boolean isDescriptor(PyRuntime rt, PyObject v) {
        return switch (v) {
            case PyFunction f -> true;
            case PyFuncWrapper w -> true;
            case PyProperty p -> true;
            case PyCachedProperty p -> true;
            case PyLruCache c -> true;
            case PyBuiltin b -> b.methodOf != null && b.self == null;
            case PyInstance inst -> inst.cls.lookup(rt, "__get__") != null || inst.cls.lookup(rt, "__set__") != null
                    || inst.cls.lookup(rt, "__delete__") != null;
            case PyInt i -> false;
            case PyFloat f -> false;
            case PyComplex c -> false;
            case PyStr s -> false;
            case PyBytes b -> false;
            case PyTuple t -> false;
            case PyList l -> false;
            case PyDict d -> false;
            case dev.refgrade.runtime.objects.PySet s -> false;
            case PyType t -> false;
            default -> {
                if (v == PyRuntime.NONE) yield false;
                throw refused(rt, "an enum member whose value is a '" + v.type().name + "' object");
            }
        };
    }

    /** Lib/enum.py is modelled as 3.11's and 3.12's: 3.13 reworked member creation (_add_member_, _hashable_values_ ...). */
    static void checkVersion(PyRuntime rt) {
        if (rt.rules.version.atLeast(dev.refgrade.runtime.PythonVersion.V3_13)) {
            throw refused(rt, "enum on Python " + rt.rules.version + " (modelled as 3.11's and 3.12's Lib/enum.py)");
        }
    }

    /** Whether the run is 3.12's Lib/enum.py. */
    static boolean v312(PyRuntime rt) {
        return rt.rules.version.atLeast(dev.refgrade.runtime.PythonVersion.V3_12);
    }

    /** A refusal at the program's line: the innermost frame that is not Lib/enum.py's own code. */
    static Unsupported refused(PyRuntime rt, String what) {
        var frame = rt.interp.currentFrame();
        while (frame != null && frame.code.file.equals(EnumModule.FILE)) frame = frame.back;
        return new Unsupported(what, frame == null ? 0 : frame.line);
    }
}
