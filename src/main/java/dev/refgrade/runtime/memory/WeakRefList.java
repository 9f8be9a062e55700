package dev.refgrade.runtime.memory;

import dev.refgrade.runtime.objects.PyWeakRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The weak references to one object, in CPython's list order: the shared callback-less ref first,
 * then refs with callbacks newest first (Objects/weakrefobject.c inserts new ones after the basic
 * ref), which is why callbacks run newest first.
 */
public final class WeakRefList {
    public final List<PyWeakRef> refs = new ArrayList<>();

    public PyWeakRef basic() {
        return !refs.isEmpty() && refs.get(0).callback == null && refs.get(0).isBasic ? refs.get(0) : null;
    }

    public void add(PyWeakRef ref) {
        if (ref.callback == null && ref.isBasic) refs.add(0, ref);
        else refs.add(basic() == null ? 0 : 1, ref);
    }
}
