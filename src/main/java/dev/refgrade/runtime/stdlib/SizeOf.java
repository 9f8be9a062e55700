package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;

/**
 * sys.getsizeof(object, default): the object's __sizeof__ plus its GC header, on 64-bit CPython of
 * the run's version (VersionRules.allocSize).
 * Given only for types whose size the simulator's allocation sizes already fix exactly (their
 * allocSize is CPython's, header included); the rest (list and dict over-allocation, sets, instances)
 * is refused by name rather than guessed.
 */
final class SizeOf {
    private SizeOf() {}

    static PyObject getsizeof(PyRuntime rt, Args a) {
        PyObject o = a.get("object");
        // `default` is what CPython returns when __sizeof__ raises; none of the sizes below can.
        a.get("default");
        return switch (o) {
            // int: 24-byte header then 30-bit digits, at least one (3.11 allocates one for 0 too).
            case PyInt i -> rt.newInt(i.allocSize());
            case PyFloat f -> rt.newInt(f.allocSize());
            // A PEP 393 compact string: header + n + 1 for ASCII, header + width * (n + 1) otherwise (VersionRules).
            case PyStr s -> rt.newInt(rt.rules.allocSize(s));
            // GC header (16) + PyTupleObject (24) + 8 per item.
            case PyTuple t -> rt.newInt(t.allocSize());
            case PyRange r -> rt.newInt(r.allocSize());
            // list_sizeof: the object and its GC header (56) plus 8 per allocated slot, over-allocation included.
            case PyList l when l.allocated >= 0 -> rt.newInt(l.allocSize() + 8L * l.allocated);
            case PyList l -> throw a.unsupported("sys.getsizeof() of a list built in a way whose over-allocation is not modelled");
            case PySingleton s when s == PyRuntime.NONE -> rt.newInt(s.allocSize());
            default -> throw a.unsupported("sys.getsizeof() of a '" + o.type().name + "' object");
        };
    }
}
