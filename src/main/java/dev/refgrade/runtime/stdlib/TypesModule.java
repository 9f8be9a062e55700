package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyGenerator;
import dev.refgrade.runtime.objects.PyGetSetDescr;
import dev.refgrade.runtime.objects.PyMappingProxy;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyNamespace;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTraceback;
import dev.refgrade.runtime.objects.PyFrame;
import dev.refgrade.runtime.objects.PyType;
import java.util.List;
import java.util.Map;

/**
 * types: the simulator's own type objects under Lib/types.py's names, SimpleNamespace and
 * MappingProxyType. Types the simulator has no objects of (member descriptors, coroutines, ...)
 * and the functions (new_class, ...) are not defined, so CPythonNames refuses them by name; so are
 * the constructors of function, code, cell and module objects.
 */
final class TypesModule {
    private TypesModule() {}

    static Map<String, PyObject> contents() {
        Registry reg = Registry.module("types");
        reg.put("FunctionType", PyType.FUNCTION);
        reg.put("LambdaType", PyType.FUNCTION);
        reg.put("BuiltinFunctionType", PyType.BUILTIN_FUNCTION);
        reg.put("BuiltinMethodType", PyType.BUILTIN_FUNCTION);
        reg.put("MethodType", PyType.METHOD);
        reg.put("ModuleType", PyType.MODULE);
        reg.put("CellType", PyType.CELL);
        reg.put("CodeType", PyType.CODE);
        reg.put("GeneratorType", PyGenerator.TYPE);
        reg.put("TracebackType", PyTraceback.TYPE);
        reg.put("FrameType", PyFrame.TYPE);
        reg.put("NoneType", PyType.NONE);
        reg.put("NotImplementedType", PyType.NOT_IMPLEMENTED);
        reg.put("EllipsisType", PyType.ELLIPSIS);
        reg.put("GetSetDescriptorType", PyGetSetDescr.TYPE);
        reg.put("MappingProxyType", PyMappingProxy.TYPE);
        reg.put("SimpleNamespace", PyNamespace.TYPE);
        reg.put("GenericAlias", dev.refgrade.runtime.objects.PyGenericAlias.TYPE);
        return reg.contents();
    }

    /** The constructors of the types above, which `type(x)(...)` reaches without importing types. */
    static void install() {
        Registry reg = Registry.module("types");
        // method_new: MethodType(function, instance), both kept.
        reg.constructor(PyType.METHOD, "function, instance, /", (rt, t, a) -> {
            PyObject func = a.get("function"), self = a.get("instance");
            if (!Functions.isCallable(rt, func)) throw rt.typeError("first argument must be callable");
            if (self == PyRuntime.NONE) throw rt.typeError("instance must not be None");
            return rt.heap.alloc(new PyMethod(rt.heap.newRef(func), rt.heap.newRef(self)));
        });
        for (PyType t : List.of(PyType.FUNCTION, PyType.CODE, PyType.CELL, PyType.MODULE)) {
            reg.constructor(t, "*args, **kwargs", (rt, type, a) -> {
                throw a.unsupported("calling types." + type.name + " (making a " + type.name + " object at run time)");
            });
        }
        // namespace_new then namespace_init: an empty dict, updated with the keywords.
        reg.constructor(PyNamespace.TYPE, "*args, **kwargs", (rt, t, a) -> {
            if (a.rest().length > 0 && rt.rules.namespaceFromMapping) throw a.unsupported("a positional argument of SimpleNamespace on Python " + rt.rules.version);
            if (a.rest().length > 0) throw rt.typeError("no positional arguments expected");
            if (t != PyNamespace.TYPE) throw a.unsupported("a subclass of types.SimpleNamespace");
            Kwargs kw = a.extra();
            var dict = rt.newDict();
            dict.sizeModelled = false; // PyDict_Update from the keywords dict: not modelled
            for (int i = 0; i < kw.names().size(); i++) dict.put(rt, kw.names().get(i), kw.values().get(i));
            return rt.heap.alloc(new PyNamespace(dict));
        });
    }
}
