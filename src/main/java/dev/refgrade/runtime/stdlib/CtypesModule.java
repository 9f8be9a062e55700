package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Arith;
import java.util.Map;

/** ctypes, as far as teaching uses it: c_long.from_address(id(x)).value reads x's true count. */
public final class CtypesModule {
    static final PyType C_LONG = PyType.newLibraryClass("c_long", PyType.OBJECT);

    /** A c_long laid over a simulated address; reading .value reads the memory there now. */
    static final class CLong extends PyObject {
        final long address;

        CLong(long address) {
            this.address = address;
        }

        @Override
        public PyType type() {
            return C_LONG;
        }

        @Override
        public int allocSize() {
            return 16 + 104;
        }
    }

    static {
        // A classmethod in CPython: called on the class, with the address alone.
        C_LONG.install("from_address", Registry.module("c_long").function("from_address", "address, /",
                (rt, a) -> rt.heap.alloc(new CLong(rt.real(Arith.toLong(rt, a.get("address")))))));
        C_LONG.install("value", new BuiltinGetter((rt, self) -> {
            PyObject o = rt.heap.at(((CLong) self).address);
            if (o == null) return Modules.unknowable(rt, 0); // freed memory: what is there now is CPython's business
            return Modules.countOf(rt, o);
        }));
    }

    private CtypesModule() {}

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("ctypes");
        reg.put("c_long", C_LONG);
        return reg.contents();
    }
}
