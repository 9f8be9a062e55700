package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.eval.TypeCall;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyProperty;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lib/enum.py's _proto_member (3.11): what stands in the class dict for a member until type.__new__
 * reaches it in type_new_set_names, whose __set_name__ then makes the member: a new instance of
 * the enum class with _value_, _name_, __objclass__ and _sort_order_, or the member already made
 * for an equal value (an alias); the member goes back into the class dict (now at its end) and
 * into _member_map_ and _value2member_map_, the maps that keep it alive.
 */
final class EnumMembers {
    private EnumMembers() {}

    static final PyType PROTO_TYPE = PyType.newLibraryClass("enum", "_proto_member", PyType.OBJECT);

    /** A _proto_member: an instance whose __dict__ holds the value given in the class body. */
    static final class Proto extends PyObject {
        PyObject value;

        Proto(PyObject value) {
            this.value = value;
        }

        @Override
        public PyType type() {
            return PROTO_TYPE;
        }

        @Override
        public boolean isGcType() {
            return true;
        }

        @Override
        public int allocSize() {
            return 16 + 16 + 16 + 8;
        }

        @Override
        public void traverse(Consumer<PyObject> visit) {
            if (value != null) visit.accept(value);
        }

        @Override
        public void releaseReferences(Heap heap) {
            PyObject v = value;
            value = null;
            heap.xdecref(v);
        }
    }

    /** type_new_set_names' calls of _proto_member.__set_name__, in the class dict's order (over a copy, as it iterates). */
    static void create(PyRuntime rt, PyType cls) {
        List<PyStr> names = new ArrayList<>();
        List<Proto> protos = new ArrayList<>();
        PyDict d = cls.dict;
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
            if (d.valueAt(i) instanceof Proto p) {
                names.add(rt.heap.newRef((PyStr) d.keyAt(i)));
                protos.add(rt.heap.newRef(p));
            }
        }
        try {
            for (int i = 0; i < names.size(); i++) setName(rt, protos.get(i), cls, names.get(i));
        } catch (PyException e) {
            if (!EnumBuild.v312(rt)) throw e;
            // 3.12's EnumType.__new__ raises type(e)(str(e)) in its place, with the cause and context copied.
            e.discard(rt.heap);
            throw EnumBuild.refused(rt, "an exception raised while an enum's members are made on Python " + rt.rules.version
                    + " (EnumType.__new__ raises a copy of it)");
        } finally {
            for (PyObject o : names) rt.heap.decref(o);
            for (PyObject o : protos) rt.heap.decref(o);
        }
    }

    private static void setName(PyRuntime rt, Proto proto, PyType cls, PyStr name) {
        Heap heap = rt.heap;
        rt.ops.delAttr(cls, name);
        PyObject value = proto.value;
        PyObject[] args = value.type().isSubtypeOf(PyType.TUPLE) ? ((PyTuple) value).items.clone() : new PyObject[] {value};
        // _new_member_ is object.__new__: a bare instance, the arguments not passed.
        PyObject member = TypeCall.newInstance(rt, cls);
        try {
            PyObject has = rt.ops.getAttrOrNull(member, rt.name("_value_"));
            if (has != null) heap.decref(has);
            else rt.ops.setAttr(member, rt.name("_value_"), value);
            rt.ops.setAttr(member, rt.name("_name_"), name);
            rt.ops.setAttr(member, rt.name("__objclass__"), cls);
            PyObject init = rt.ops.getAttr(member, rt.name("__init__"));
            try {
                heap.decref(rt.interp.callBorrowed(init, args, Kwargs.NONE));
            } finally {
                heap.decref(init);
            }
            PyObject order = rt.newInt(((PyList) attr(rt, cls, "_member_names_")).size());
            rt.ops.setAttr(member, rt.name("_sort_order_"), order);
            heap.decref(order);
            PyObject v = rt.ops.getAttr(member, rt.name("_value_"));
            try {
                member = canonical(rt, cls, name, member, v);
            } finally {
                heap.decref(v);
            }
            for (PyType base : cls.mro.subList(1, cls.mro.size())) {
                PyObject descr = base.own(rt, name);
                // 3.12 redirects a member whose name any base's dict has (a descriptor or a plain attribute).
                if (descr != null && EnumBuild.v312(rt)) {
                    throw EnumBuild.refused(rt, "an enum member named '" + name.value + "' like an attribute of its base class");
                }
                // found_descriptor: a property (enum's or the builtin) would need the redirect property, not modelled.
                if (descr instanceof PyProperty || descr instanceof PyInstance i && i.cls.name.equals("property")) {
                    throw EnumBuild.refused(rt, "an enum member named '" + name.value + "' like a property of its base class");
                }
            }
            rt.ops.setAttr(cls, name, member);
            ((PyDict) attr(rt, cls, "_member_map_")).put(rt, name, member);
            v = rt.ops.getAttr(member, rt.name("_value_"));
            try {
                byValue(rt, cls, v, member);
            } finally {
                heap.decref(v);
            }
        } finally {
            heap.decref(member);
        }
    }

    /** The member an equal value already has (then this one is an alias and the new instance goes), else this one, named in _member_names_. */
    private static PyObject canonical(PyRuntime rt, PyType cls, PyStr name, PyObject member, PyObject value) {
        PyDict byValue = (PyDict) attr(rt, cls, "_value2member_map_");
        PyObject found = null;
        try {
            found = byValue.getBorrowed(rt, value);
        } catch (PyException e) {
            if (!e.matches(PyExc.TYPE_ERROR)) throw e;
            e.discard(rt.heap);
            PyDict map = (PyDict) attr(rt, cls, "_member_map_");
            for (int i = map.nextEntry(0); i < map.entries && found == null; i = map.nextEntry(i + 1)) {
                PyObject other = rt.ops.getAttr(map.valueAt(i), rt.name("_value_"));
                try {
                    if (rt.ops.eq(other, value)) found = map.valueAt(i);
                } finally {
                    rt.heap.decref(other);
                }
            }
        }
        if (found != null) {
            rt.heap.incref(found);
            rt.heap.decref(member);
            return found;
        }
        PyList names = (PyList) attr(rt, cls, "_member_names_");
        rt.heap.decref(callMethod(rt, names, "append", name));
        return member;
    }

    /** _value2member_map_.setdefault(value, member), or the value kept in _unhashable_values_ when it has no hash. */
    private static void byValue(PyRuntime rt, PyType cls, PyObject value, PyObject member) {
        try {
            rt.heap.decref(callMethod(rt, attr(rt, cls, "_value2member_map_"), "setdefault", value, member));
        } catch (PyException e) {
            if (!e.matches(PyExc.TYPE_ERROR)) throw e;
            e.discard(rt.heap);
            rt.heap.decref(callMethod(rt, attr(rt, cls, "_unhashable_values_"), "append", value));
        }
    }

    /** enum_class.NAME: an entry of the class dict, borrowed (Enum's house-keeping attributes). */
    static PyObject attr(PyRuntime rt, PyType cls, String name) {
        PyObject v = cls.lookup(rt, name);
        if (v == null) throw rt.error(PyExc.ATTRIBUTE_ERROR, "type object '" + cls.name + "' has no attribute '" + name + "'");
        return v;
    }

    /** o.name(args) through the bound method, as the Python code calls it: a new reference. */
    static PyObject callMethod(PyRuntime rt, PyObject o, String name, PyObject... args) {
        PyObject m = rt.ops.getAttr(o, rt.name(name));
        try {
            return rt.interp.callBorrowed(m, args, Kwargs.NONE);
        } finally {
            rt.heap.decref(m);
        }
    }
}
