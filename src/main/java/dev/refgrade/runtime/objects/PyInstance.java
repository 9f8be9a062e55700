package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * An instance of a class. As in CPython 3.11, its attributes live inline until something asks for
 * `__dict__`; only then does a dict object exist (which the collector then counts).
 */
public final class PyInstance extends PyObject {
    public final PyType cls;
    /** Attribute storage: inline values (not a heap object) until materialized; null when its class gives no __dict__. */
    public PyDict attrs;
    /** The member slots' values, laid out as {@link PyType#slotLayout}; null entries are unset; null with no members. */
    public final PyObject[] slotValues;
    /** The builtin value a subclass of int/str/list... wraps; null for plain classes. */
    PyObject builtinValue;

    public PyInstance(PyType cls) {
        this.cls = cls;
        int members = cls.slotLayout().length;
        this.slotValues = members > 0 ? new PyObject[members] : null;
        if (cls.instancesHaveDict()) {
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
        return cls.instancesWeakrefable();
    }

    /** GC header, the managed-dict pre-header if it has a dict, the object header, its member slots and its weaklist. */
    @Override
    public int allocSize() {
        return 16 + (attrs != null ? 16 : 0) + 16 + 8 * cls.slotLayout().length + (cls.instancesWeakrefable() ? 8 : 0);
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

    /**
     * subtype_dealloc: the member slots, those of the instance's own class first, each class's in
     * their (sorted) order; then the dict (or inline values, first to last), then the class.
     */
    @Override
    public void releaseReferences(Heap heap) {
        clearForCollector(heap);
        heap.decref(cls);
    }

    /** subtype_clear: the same, but the instance keeps its class. */
    @Override
    public void clearForCollector(Heap heap) {
        if (slotValues != null) {
            for (PyType t : cls.mro) { // clear_slots(base, self) up the tp_base chain
                if (!t.heapType || t.slots == null) continue;
                int first = t.slotLayout().length - t.slots.length;
                for (int i = first; i < first + t.slots.length; i++) {
                    PyObject v = slotValues[i];
                    slotValues[i] = null;
                    heap.xdecref(v);
                }
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
