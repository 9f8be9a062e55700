package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Arith;
import java.util.LinkedHashMap;
import java.util.Map;

/** ctypes, as far as teaching uses it: c_long.from_address(id(x)).value reads x's true count. */
public final class CtypesModule {
    static final PyType C_LONG = PyType.newBuiltin("c_long", PyType.OBJECT);

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
        C_LONG.install("from_address", PyBuiltin.of("c_long", "from_address", (rt, self, args, kw) ->
                rt.heap.alloc(new CLong(rt.world.real(Arith.toLong(rt, args[args.length - 1]))))));
        C_LONG.install("value", new BuiltinGetter((rt, self) -> {
            PyObject o = rt.heap.at(((CLong) self).address);
            if (o == null) return Modules.unknowable(rt, 0); // freed memory: what is there now is CPython's business
            return Modules.countOf(rt, o);
        }));
    }

    private CtypesModule() {}

    public static Map<String, PyObject> contents() {
        Map<String, PyObject> m = new LinkedHashMap<>();
        m.put("c_long", C_LONG);
        return m;
    }
}
