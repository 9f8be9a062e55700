package dev.refgrade.runtime.objects;

/**
 * A _thread.RLock as a cached_property makes one (self.lock = RLock()): only its memory and
 * identity are modelled; a program that uses it is refused (a run has one thread).
 */
public final class PyRLock extends PyObject {
    public static final PyType TYPE = PyType.newLibraryClass("_thread.RLock", PyType.OBJECT);

    @Override
    public PyType type() {
        return TYPE;
    }

    /** In 3.11 _thread's types are heap types with a GC header (rlock_traverse). */
    @Override
    public boolean isGcType() {
        return true;
    }

    /** GC header and rlockobject (basicsize 48). */
    @Override
    public int allocSize() {
        return 16 + 48;
    }
}
