package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * An instance of a class. As in CPython 3.11, its attributes live inline until something asks for
 * `__dict__`; only then does a dict object exist (which the collector then counts).
 */
public final class PyInstance extends PyObject {
    public final PyType cls;
    /** Attribute storage: inline values (not a heap object) until materialized; null with __slots__. */
    public PyDict attrs;
    /** `__slots__` values in declaration order; null entries are unset. */
    public final PyObject[] slotValues;
    /** The builtin value a subclass of int/str/list... wraps; null for plain classes. */
    PyObject builtinValue;

    public PyInstance(PyType cls) {
        this.cls = cls;
        this.slotValues = cls.slots != null ? new PyObject[cls.slots.length] : null;
        if (cls.slots == null) {
            attrs = new PyDict();
            attrs.inlineValues = true;
        }
    }

    @Override
    public PyType type() {
        return cls;
    }

    public boolean dictMaterialized() {
        return attrs != null && !attrs.inlineValues;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return cls.slots == null;
    }

    /** GC header, the managed-dict pre-header, the object header and its weaklist or slots. */
    @Override
    public int allocSize() {
        return cls.slots == null ? 16 + 16 + 16 + 8 : 16 + 16 + 8 * cls.slots.length;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (slotValues != null) for (PyObject v : slotValues) if (v != null) visit.accept(v);
        if (attrs != null) {
            if (attrs.inlineValues || attrs.embeddedValues) attrs.traverseValues(visit);
            else visit.accept(attrs);
        }
        visit.accept(cls);
    }

    /** subtype_dealloc: slots in order, then the dict (or inline values, first to last), then the class. */
    @Override
    public void releaseReferences(Heap heap) {
        clearForCollector(heap);
        heap.decref(cls);
    }

    /** subtype_clear: the same, but the instance keeps its class. */
    @Override
    public void clearForCollector(Heap heap) {
        if (slotValues != null) {
            for (int i = 0; i < slotValues.length; i++) {
                PyObject v = slotValues[i];
                slotValues[i] = null;
                heap.xdecref(v);
            }
        }
        PyDict a = attrs;
        if (a == null) return;
        if (a.inlineValues) {
            a.releaseReferences(heap);
        } else {
            attrs = null;
            a.embeddedValues = false;
            heap.decref(a);
        }
    }

    /** subtype_dealloc uses the trashcan for instances of classes whose objects the collector tracks. */
    @Override
    public boolean usesTrashcan() {
        return isGcType();
    }
}
