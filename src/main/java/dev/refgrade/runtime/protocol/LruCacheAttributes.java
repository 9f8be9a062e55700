package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyLruCache;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;

/**
 * An lru_cache wrapper's own attributes live in its __dict__ (update_wrapper's __module__, __name__,
 * __wrapped__ ...). Lib/functools.py also stores a cache_parameters lambda there, a Python function
 * the simulator does not build: reading it, or the __dict__ that holds it, is refused.
 */
final class LruCacheAttributes {
    private LruCacheAttributes() {}

    static Unsupported refuse(PyRuntime rt, String name) {
        return rt.refusal("the " + name + " of an lru_cache wrapper (Lib/functools.py's cache_parameters lambda is not modelled)");
    }

    /** PyObject_GenericSetAttr into the wrapper's dict, made on the first store; {@code value} null deletes. */
    static void set(PyRuntime rt, PyLruCache c, PyStr name, PyObject value) {
        if (name.value.equals("__dict__")) throw refuse(rt, name.value);
        if (value != null) {
            if (c.dict == null) c.dict = rt.newDict();
            c.dict.put(rt, name, value);
            return;
        }
        int ix = c.dict == null ? -1 : c.dict.find(rt, name, rt.ops.hash(name));
        if (ix < 0) throw Attributes.noAttribute(rt, c, name.value);
        c.dict.removeEntry(rt.heap, ix);
    }
}
