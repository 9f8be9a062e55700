package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyDataclassField;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Repr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text of each method Lib/dataclasses.py (3.11) writes (_init_fn, _repr_fn, _cmp_fn, _frozen_get_del_attr, _hash_fn). */
final class DataclassMethods {
    private DataclassMethods() {}

    /** The main thread's identity as _thread.get_ident gives it: a large int, never printed. */
    private static final long THREAD_IDENT = 139_972_048_926_528L;

    /** _create_fn's text: the method one space in, its body two, returned by __create_fn__. */
    private static PyObject fn(PyRuntime rt, PyDict globals, String name, List<String> args, List<String> body,
                               Map<String, PyObject> locals, boolean returnsNone) {
        String annotation = "";
        if (returnsNone) {
            locals.put("_return_type", PyRuntime.NONE);
            annotation = "->_return_type";
        }
        StringBuilder text = new StringBuilder(" def " + name + "(" + String.join(",", args) + ")" + annotation + ":\n");
        for (int i = 0; i < body.size(); i++) text.append("  ").append(body.get(i)).append(i < body.size() - 1 ? "\n" : "");
        text.append("\n return ").append(name);
        return DataclassBuild.createFn(rt, globals, text.toString(), locals);
    }

    private static String name(PyDataclassField f) {
        return ((PyStr) f.name).value;
    }

    /**
     * _init_fn: defaults checked in order among the positional parameters, each field assigned
     * (_field_init), then __post_init__; the keyword-only parameters after a '*'.
     */
    static PyObject init(PyRuntime rt, PyDict globals, List<PyDataclassField> all, List<PyDataclassField> params,
                         List<PyDataclassField> kwParams, boolean frozen, boolean postInit, String self, boolean slots) {
        boolean seenDefault = false;
        for (PyDataclassField f : params) {
            if (f.dflt != DataclassesModule.MISSING || f.factory != DataclassesModule.MISSING) seenDefault = true;
            else if (seenDefault) throw rt.typeError("non-default argument " + Repr.repr(rt, f.name) + " follows default argument");
        }
        Map<String, PyObject> locals = new LinkedHashMap<>();
        for (PyDataclassField f : all) locals.put("_type_" + name(f), f.fieldType);
        locals.put("MISSING", DataclassesModule.MISSING);
        locals.put("_HAS_DEFAULT_FACTORY", DataclassesModule.HAS_DEFAULT_FACTORY);
        locals.put("__dataclass_builtins_object__", PyType.OBJECT);
        List<String> body = new ArrayList<>();
        for (PyDataclassField f : all) {
            String n = name(f), dflt = "_dflt_" + n, value;
            if (f.factory != DataclassesModule.MISSING) {
                locals.put(dflt, f.factory);
                value = f.init ? dflt + "() if " + n + " is _HAS_DEFAULT_FACTORY else " + n : dflt + "()";
            } else if (f.init) {
                if (f.dflt != DataclassesModule.MISSING) locals.put(dflt, f.dflt);
                value = n;
            } else if (slots && f.dflt != DataclassesModule.MISSING) {
                locals.put(dflt, f.dflt); // a slot has no class attribute to fall back on
                value = dflt;
            } else {
                continue; // the class attribute holds the default
            }
            if (f.initVar) continue; // _field_init: its default named, but nothing assigned
            body.add(frozen ? "__dataclass_builtins_object__.__setattr__(" + self + "," + Repr.repr(rt, f.name) + "," + value + ")"
                    : self + "." + n + "=" + value);
        }
        if (postInit) body.add(self + ".__post_init__(" + String.join(",", all.stream().filter(f -> f.initVar).map(DataclassMethods::name).toList()) + ")");
        if (body.isEmpty()) body.add("pass");
        List<String> args = new ArrayList<>(List.of(self));
        for (PyDataclassField f : params) args.add(parameter(f));
        if (!kwParams.isEmpty()) args.add("*");
        for (PyDataclassField f : kwParams) args.add(parameter(f));
        return fn(rt, globals, "__init__", args, body, locals, true);
    }

    /** _init_param: the parameter's name, its annotation and its default's name. */
    private static String parameter(PyDataclassField f) {
        String n = name(f);
        String dflt = f.dflt != DataclassesModule.MISSING ? "=_dflt_" + n
                : f.factory != DataclassesModule.MISSING ? "=_HAS_DEFAULT_FACTORY" : "";
        return n + ":_type_" + n + dflt;
    }

    /** _repr_fn, wrapped as _recursive_repr does (a repr of itself inside itself is "..."). */
    static PyObject repr(PyRuntime rt, PyDict globals, List<PyDataclassField> shown) {
        List<String> parts = new ArrayList<>();
        for (PyDataclassField f : shown) parts.add(name(f) + "={self." + name(f) + "!r}");
        PyObject user = fn(rt, globals, "__repr__", List.of("self"),
                List.of("return self.__class__.__qualname__ + f\"(" + String.join(", ", parts) + ")\""), new LinkedHashMap<>(), false);
        Map<String, PyObject> locals = new LinkedHashMap<>();
        locals.put("user_function", user);
        PyObject ident = rt.newInt(THREAD_IDENT);
        PyDict library = rt.newDict();
        library.putOwned(rt, rt.name("__name__"), rt.newStr("dataclasses"));
        PyObject wrapper;
        try {
            wrapper = DataclassBuild.createFn(rt, library, " repr_running = set()\n def wrapper(self):\n"
                    + "  key = id(self), get_ident()\n  if key in repr_running:\n   return '...'\n  repr_running.add(key)\n"
                    + "  try:\n   result = user_function(self)\n  finally:\n   repr_running.discard(key)\n  return result\n return wrapper",
                    withIdent(locals, ident));
        } finally {
            rt.heap.decref(library);
            rt.heap.decref(ident);
        }
        // functools.wraps: WRAPPER_ASSIGNMENTS copied, __dict__ updated, __wrapped__ set.
        try {
            for (String attr : new String[] {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__dict__"}) {
                PyObject v = rt.ops.getAttr(user, rt.name(attr));
                try {
                    if (!attr.equals("__dict__")) rt.ops.setAttr(wrapper, rt.name(attr), v);
                } finally {
                    rt.heap.decref(v);
                }
            }
            rt.ops.setAttr(wrapper, rt.name("__wrapped__"), user);
        } finally {
            rt.heap.decref(user);
        }
        return wrapper;
    }

    /** get_ident is a builtin returning the main thread's identity. */
    private static Map<String, PyObject> withIdent(Map<String, PyObject> locals, PyObject ident) {
        locals.put("get_ident", GET_IDENT);
        return locals;
    }

    private static final PyObject GET_IDENT = dev.refgrade.runtime.memory.StaticObjects.place(new dev.refgrade.runtime.objects.PyBuiltin(
            "_thread", "get_ident", dev.refgrade.runtime.objects.Signature.parse(""), (rt, self, a) -> rt.newInt(THREAD_IDENT), null));

    private static String tuple(String obj, List<PyDataclassField> fields) {
        if (fields.isEmpty()) return "()";
        List<String> parts = new ArrayList<>();
        for (PyDataclassField f : fields) parts.add(obj + "." + name(f));
        return "(" + String.join(",", parts) + ",)";
    }

    /** _cmp_fn: the fields as tuples, compared only between instances of the very same class. */
    static PyObject compare(PyRuntime rt, PyDict globals, String name, String op, List<PyDataclassField> fields) {
        return fn(rt, globals, name, List.of("self", "other"), List.of("if other.__class__ is self.__class__:",
                " return " + tuple("self", fields) + op + tuple("other", fields), "return NotImplemented"), new LinkedHashMap<>(), false);
    }

    /** _frozen_get_del_attr: assigning or deleting a field (or anything, on the class itself) raises FrozenInstanceError. */
    static PyObject frozen(PyRuntime rt, PyDict globals, PyType cls, String name, List<PyDataclassField> fields) {
        Map<String, PyObject> locals = new LinkedHashMap<>();
        locals.put("cls", cls);
        locals.put("FrozenInstanceError", DataclassesModule.FROZEN_INSTANCE_ERROR);
        String condition = "type(self) is cls";
        if (!fields.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (PyDataclassField f : fields) names.add(Repr.repr(rt, f.name));
            condition += " or name in {" + String.join(", ", names) + "}";
        }
        boolean set = name.equals("__setattr__");
        return fn(rt, globals, name, set ? List.of("self", "name", "value") : List.of("self", "name"),
                List.of("if " + condition + ":", " raise FrozenInstanceError(f\"cannot " + (set ? "assign to" : "delete")
                        + " field {name!r}\")", "super(cls, self)." + name + (set ? "(name, value)" : "(name)")), locals, false);
    }

    /** _hash_fn: the hash of the fields' tuple. */
    static PyObject hash(PyRuntime rt, PyDict globals, List<PyDataclassField> fields) {
        return fn(rt, globals, "__hash__", List.of("self"), List.of("return hash(" + tuple("self", fields) + ")"), new LinkedHashMap<>(), false);
    }
}
