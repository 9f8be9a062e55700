package dev.refgrade.runtime.memory;

import dev.refgrade.runtime.objects.PyWeakRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The weak references to one object, in CPython's list order (Objects/weakrefobject.c): the shared
 * callback-less ref first, then the shared callback-less proxy, then refs and proxies with
 * callbacks newest first (each inserted after the basic ones), which is why callbacks run newest first.
 */
public final class WeakRefList {
    public final List<PyWeakRef> refs = new ArrayList<>();

    /** get_basic_refs' ref: the head, when it is a plain ref without callback. */
    public PyWeakRef basicRef() {
        return !refs.isEmpty() && isBasicRef(refs.get(0)) ? refs.get(0) : null;
    }

    /** get_basic_refs' proxy: right after the basic ref (or the head), a proxy without callback. */
    public PyWeakRef basicProxy() {
        int at = basicRef() == null ? 0 : 1;
        return refs.size() > at && isBasicProxy(refs.get(at)) ? refs.get(at) : null;
    }

    private static boolean isBasicRef(PyWeakRef r) {
        return r.callback == null && r.isBasic && !r.isProxy();
    }

    private static boolean isBasicProxy(PyWeakRef r) {
        return r.callback == null && r.isBasic && r.isProxy();
    }

    /**
     * PyWeakref_NewRef / PyWeakref_NewProxy: a basic ref goes to the head (insert_head), a basic
     * proxy right after the basic ref, anything else after the basic proxy or else the basic ref.
     */
    public void add(PyWeakRef ref) {
        int basics = (basicRef() == null ? 0 : 1) + (basicProxy() == null ? 0 : 1);
        if (isBasicRef(ref)) refs.add(0, ref);
        else if (isBasicProxy(ref)) refs.add(basicRef() == null ? 0 : 1, ref);
        else refs.add(basics, ref);
    }
}
