package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import java.util.List;

/**
 * A code object's co_* attributes. co_consts is the tuple the compiler built (shared between
 * code objects with identical constants); co_varnames, co_cellvars and co_freevars are made from
 * the frame layout on first access and kept by the code (_PyCode_GetVarnames and friends in 3.11).
 */
final class CodeAttributes {
    private CodeAttributes() {}

    /** The attribute as a new reference, or null when code objects have none by that name. */
    static PyObject get(PyRuntime rt, PyCode c, String name) {
        Heap heap = rt.heap;
        PyCode.Shape shape = c.shape;
        return switch (name) {
            case "co_consts" -> heap.newRef(c.consts);
            case "co_name" -> rt.name(c.name);
            case "co_qualname" -> rt.newStr(c.qualname);
            case "co_filename" -> rt.newStr(c.file);
            case "co_firstlineno" -> rt.newInt(c.firstLine);
            case "co_argcount" -> rt.newInt(shape.argcount());
            case "co_posonlyargcount" -> rt.newInt(shape.posonly());
            case "co_kwonlyargcount" -> rt.newInt(shape.kwonly());
            case "co_nlocals" -> rt.newInt(c.localNames.length);
            case "co_names" -> {
                if (c.namesTuple == null) c.namesTuple = names(rt, c.nameObjects());
                yield heap.newRef(c.namesTuple);
            }
            case "co_varnames" -> {
                if (c.varnames == null) c.varnames = strings(rt, List.of(c.localNames));
                yield heap.newRef(c.varnames);
            }
            case "co_cellvars" -> {
                if (c.cellvars == null) c.cellvars = strings(rt, c.cellNames);
                yield heap.newRef(c.cellvars);
            }
            case "co_freevars" -> {
                if (c.freevars == null) c.freevars = strings(rt, c.freeNames);
                yield heap.newRef(c.freevars);
            }
            default -> null;
        };
    }

    private static PyTuple names(PyRuntime rt, List<PyStr> names) {
        PyObject[] items = names.toArray(new PyObject[0]);
        for (PyObject o : items) rt.heap.incref(o);
        return rt.newTuple(items);
    }

    /** Local names are interned identifiers, as the compiler's are. */
    private static PyTuple strings(PyRuntime rt, List<String> names) {
        PyObject[] items = new PyObject[names.size()];
        for (int i = 0; i < items.length; i++) items[i] = rt.name(names.get(i));
        return rt.newTuple(items);
    }
}
