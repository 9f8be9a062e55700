package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.objects.PyObject;
import java.util.List;
import java.util.Map;

/**
 * The collections module: deque ({@link DequeType}), defaultdict ({@link DefaultDictType}),
 * OrderedDict ({@link OrderedDictType}), Counter ({@link CounterType}), namedtuple
 * ({@link NamedTupleType}) and ChainMap ({@link ChainMapType}); the User* classes are refused by name.
 */
public final class CollectionsModule {
    private CollectionsModule() {}

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("collections");
        DequeType.install(reg);
        DefaultDictType.install(reg);
        OrderedDictType.install(reg);
        CounterType.install(reg);
        NamedTupleType.install(reg);
        ChainMapType.install(reg);
        for (String refused : List.of("UserDict", "UserList", "UserString")) {
            reg.function(refused, "*args, **kwargs", (rt, a) -> {
                throw a.unsupported("collections." + refused + " (not modelled yet)");
            });
        }
        return reg.contents();
    }
}
