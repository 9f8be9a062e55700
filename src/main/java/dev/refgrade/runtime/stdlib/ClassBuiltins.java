package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFuncWrapper;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyProperty;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PySuper;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.AttributeHooks;
import dev.refgrade.runtime.memory.StaticObjects;
import java.util.List;

/**
 * The builtins that shape classes: staticmethod and classmethod (one family), property with its
 * getter/setter/deleter copies, super (explicit and zero-argument), and object's own __new__,
 * __init__ and __init_subclass__, which a class of the program reaches through super().
 */
final class ClassBuiltins {
    private ClassBuiltins() {}

    static void install(Registry reg) {
        for (PyType t : List.of(PyType.STATICMETHOD, PyType.CLASSMETHOD)) {
            PyFuncWrapper.Kind kind = t == PyType.STATICMETHOD ? PyFuncWrapper.Kind.STATIC : PyFuncWrapper.Kind.CLASS;
            reg.put(t.name, t);
            reg.constructor(t, "callable, /", (rt, type, a) -> wrap(rt, kind, a.get("callable")));
        }
        reg.put("property", PyType.PROPERTY);
        reg.constructor(PyType.PROPERTY, Signature.parse("fget=None, fset=None, fdel=None, doc=None"), (rt, t, a) ->
                property(rt, a.orNone("fget"), a.orNone("fset"), a.orNone("fdel"), a.orNone("doc")));
        reg.method(PyType.PROPERTY, "getter", "fget, /", (PyRuntime rt, PyProperty p, Args a) -> copy(rt, p, 0, a.get("fget")));
        reg.method(PyType.PROPERTY, "setter", "fset, /", (PyRuntime rt, PyProperty p, Args a) -> copy(rt, p, 1, a.get("fset")));
        reg.method(PyType.PROPERTY, "deleter", "fdel, /", (PyRuntime rt, PyProperty p, Args a) -> copy(rt, p, 2, a.get("fdel")));
        PyType.PROPERTY.install("fget", getter(p -> p.fget));
        PyType.PROPERTY.install("fset", getter(p -> p.fset));
        PyType.PROPERTY.install("fdel", getter(p -> p.fdel));
        PyType.PROPERTY.install("__doc__", getter(p -> p.doc));
        reg.put("super", PyType.SUPER);
        reg.constructor(PyType.SUPER, Signature.parse("type=<unrepresentable>, obj=<unrepresentable>, /")
                .as(Signature.Convention.PARSE_TUPLE), (rt, t, a) -> zuper(rt, a.get("type"), a.get("obj")));
        reg.method(PyType.OBJECT, "__init__", "*args, **kwargs", ClassBuiltins::objectInit);
        // object.__sizeof__ (and, by inheritance here, list's, dict's, ...: theirs give what getsizeof knows, less the GC header).
        reg.method(PyType.OBJECT, "__sizeof__", "", SizeOf::dunderSizeof);
        // type.mro(): mro_implementation's C3 order as a new list (what __mro__ holds, for a class that does not override mro).
        reg.method(PyType.TYPE, "mro", "", (PyRuntime rt, PyType t, Args a) -> {
            PyObject[] items = t.mro.toArray(new PyObject[0]);
            for (PyObject o : items) rt.heap.incref(o);
            return rt.newList(items, items.length);
        });
        // object_init_subclass is METH_CLASS: each look-up makes a method bound to the class it went through.
        reg.classMethod(PyType.OBJECT, "__init_subclass__", Signature.parse("").as(Signature.Convention.NOARGS),
                (rt, cls, a) -> PyRuntime.NONE);
        reg.method(PyType.OBJECT, "__getattribute__", "name, /", (PyRuntime rt, PyObject self, Args a) ->
                AttributeHooks.objectGet(rt, self, Builtins.attrName(rt, a.get("name"))));
        reg.method(PyType.OBJECT, "__setattr__", "name, value, /", (PyRuntime rt, PyObject self, Args a) -> {
            AttributeHooks.objectSet(rt, self, Builtins.attrName(rt, a.get("name")), a.get("value"));
            return PyRuntime.NONE;
        });
        reg.method(PyType.OBJECT, "__delattr__", "name, /", (PyRuntime rt, PyObject self, Args a) -> {
            AttributeHooks.objectSet(rt, self, Builtins.attrName(rt, a.get("name")), null);
            return PyRuntime.NONE;
        });
        PyType.OBJECT.install("__new__", StaticObjects.place(new PyBuiltin("builtins", "__new__",
                Signature.parse("*args, **kwargs").named("object.__new__", "__new__"), ClassBuiltins::objectNew, PyType.OBJECT)));
    }

    private interface Part {
        PyObject of(PyProperty p);
    }

    private static BuiltinGetter getter(Part part) {
        return StaticObjects.place(new BuiltinGetter((rt, self) -> {
            PyObject v = part.of((PyProperty) self);
            return rt.heap.newRef(v == null ? PyRuntime.NONE : v);
        }));
    }

    /**
     * sm_init / cm_init, then functools_wraps: __module__, __name__, __qualname__, __doc__ and
     * __annotations__ of the callable, copied into the wrapper's own __dict__ where it has them.
     */
    private static PyObject wrap(PyRuntime rt, PyFuncWrapper.Kind kind, PyObject callable) {
        Heap heap = rt.heap;
        PyFuncWrapper w = heap.alloc(new PyFuncWrapper(kind, heap.newRef(callable)));
        for (String attr : List.of("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")) {
            if (attr.equals("__doc__") && callable instanceof dev.refgrade.runtime.objects.PyBuiltin) {
                w.builtinDoc = true;
                continue;
            }
            PyObject v = rt.ops.getAttrOrNull(callable, new PyStr(attr));
            if (v == null) continue;
            if (w.dict == null) w.dict = rt.newDict();
            PyStr key = rt.name(attr);
            w.dict.putOwned(rt, key, v);
            heap.decref(key);
        }
        return w;
    }

    /** property_init: without a doc, the getter's __doc__ (when it has one) is the property's. */
    static PyObject property(PyRuntime rt, PyObject fget, PyObject fset, PyObject fdel, PyObject doc) {
        Heap heap = rt.heap;
        PyProperty p = new PyProperty();
        p.fget = fget == PyRuntime.NONE ? null : heap.newRef(fget);
        p.fset = fset == PyRuntime.NONE ? null : heap.newRef(fset);
        p.fdel = fdel == PyRuntime.NONE ? null : heap.newRef(fdel);
        if (doc != PyRuntime.NONE) {
            p.doc = heap.newRef(doc);
        } else if (p.fget != null) {
            // A getter's None __doc__ is kept too in 3.11 (only a subclass of property drops it), so tp_traverse visits it.
            PyObject d = rt.ops.getAttrOrNull(p.fget, new PyStr("__doc__"));
            if (d == PyRuntime.NONE && !rt.rules.propertyKeepsNoneDoc) {
                heap.decref(d);
            } else if (d != null) {
                p.doc = d;
                p.getterDoc = true;
            }
        }
        return heap.alloc(p);
    }

    /** property_copy: a new property with one function replaced; the name __set_name__ gave goes along. */
    private static PyObject copy(PyRuntime rt, PyProperty old, int which, PyObject func) {
        PyObject[] fs = {old.fget, old.fset, old.fdel};
        fs[which] = func;
        for (int i = 0; i < 3; i++) if (fs[i] == null) fs[i] = PyRuntime.NONE;
        PyObject doc = old.getterDoc && fs[0] != PyRuntime.NONE || old.doc == null ? PyRuntime.NONE : old.doc;
        PyProperty p = (PyProperty) property(rt, fs[0], fs[1], fs[2], doc);
        p.name = old.name == null ? null : rt.heap.newRef(old.name);
        return p;
    }

    /** super_init: super() reads its class from the __class__ cell and its object from the first argument. */
    private static PyObject zuper(PyRuntime rt, PyObject type, PyObject obj) {
        Heap heap = rt.heap;
        if (type == null) {
            Frame f = rt.interp.currentFrame();
            if (f == null || f.code.shape.argcount() == 0) throw rt.error(PyExc.RUNTIME_ERROR, "super(): no arguments");
            int cell = f.code.paramCells[0];
            obj = cell >= 0 ? f.cells[cell].contents : f.fast[0];
            if (obj == null) throw rt.error(PyExc.RUNTIME_ERROR, "super(): arg[0] deleted");
            int free = f.code.freeNames.indexOf("__class__");
            if (free < 0) throw rt.error(PyExc.RUNTIME_ERROR, "super(): __class__ cell not found");
            PyCell classCell = f.cells[f.code.cellNames.size() + free];
            if (classCell.contents == null) throw rt.error(PyExc.RUNTIME_ERROR, "super(): empty __class__ cell");
            if (!(classCell.contents instanceof PyType)) {
                throw rt.error(PyExc.RUNTIME_ERROR, "super(): __class__ is not a type (" + classCell.contents.type().name + ")");
            }
            type = classCell.contents;
        }
        if (!(type instanceof PyType t)) throw rt.typeError("super() argument 1 must be a type, not " + type.type().name);
        PyType objType = null;
        if (obj != null && obj != PyRuntime.NONE) {
            // supercheck: an instance of the class, or (for classmethods) a subclass of it.
            if (obj instanceof PyType ot && ot.isSubtypeOf(t)) objType = ot;
            else if (obj.type().isSubtypeOf(t)) objType = obj.type();
            else throw rt.typeError("super(type, obj): obj must be an instance or subtype of type");
        }
        return heap.alloc(new PySuper(heap.newRef(t), objType == null ? null : heap.newRef(obj),
                objType == null ? null : heap.newRef(objType)));
    }

    /** object_init: extra arguments are an error unless the class has its own __new__ and not its own __init__. */
    private static PyObject objectInit(PyRuntime rt, PyObject self, Args a) {
        boolean excess = a.rest().length > 0 || !a.extra().isEmpty();
        PyType t = self.type();
        if (excess) {
            if (t.defines(rt, "__init__")) {
                throw rt.typeError("object.__init__() takes exactly one argument (the instance to initialize)");
            }
            if (!t.defines(rt, "__new__")) throw rt.typeError(t.name + "() takes no arguments");
        }
        return PyRuntime.NONE;
    }

    /** tp_new_wrapper then object_new: object.__new__(cls, ...) makes a bare instance of cls. */
    private static PyObject objectNew(PyRuntime rt, PyObject self, Args a) {
        PyObject[] args = a.rest();
        if (args.length == 0) throw rt.typeError("object.__new__(): not enough arguments");
        if (!(args[0] instanceof PyType t)) {
            throw rt.typeError("object.__new__(X): X is not a type object (" + args[0].type().name + ")");
        }
        // A builtin type has no __new__ of its own here, so str.__new__(cls) and super().__new__(cls) in a
        // subclass of str come to object's: which one was called is not known, so neither is answered
        // (object.__new__ of such a class is CPython's TypeError; str.__new__ would make the instance).
        if (!t.heapType) throw rt.refusal(t.name + ".__new__() called directly");
        if (t.solidBase() != PyType.OBJECT) throw rt.refusal("an instance of a subclass of " + t.solidBase().name + " made by __new__");
        boolean excess = args.length > 1 || !a.extra().isEmpty();
        if (excess) {
            if (t.defines(rt, "__new__")) {
                throw rt.typeError("object.__new__() takes exactly one argument (the type to instantiate)");
            }
            if (!t.defines(rt, "__init__")) throw rt.typeError(t.name + "() takes no arguments");
        }
        rt.heap.incref(t);
        return rt.heap.alloc(new PyInstance(t));
    }
}
