package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.Repr;

/**
 * A tuple type whose items are also named attributes: a namedtuple of the library (functools'
 * CacheInfo) or a struct sequence of the interpreter (sys.version_info), with their shared repr
 * "Name(field=repr, ...)".
 */
final class NamedFields {
    private NamedFields() {}

    /** Installs on {@code t} (a subtype of tuple) a getter per field and the repr that names them after {@code reprName}. */
    static PyType install(PyType t, String reprName, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            int field = i;
            t.install(fields[i], StaticObjects.place(new BuiltinGetter((rt, self) -> rt.heap.newRef(((PyTuple) self).items[field]))));
        }
        t.install("__repr__", PyBuiltin.method(t, "__repr__", Signature.parse("").named(reprName + ".__repr__", "__repr__"), (rt, self, a) -> {
            StringBuilder b = new StringBuilder(reprName).append('(');
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) b.append(", ");
                b.append(fields[i]).append('=').append(Repr.repr(rt, ((PyTuple) self).items[i]));
            }
            return rt.newStr(b.append(')').toString());
        }));
        return t;
    }
}
