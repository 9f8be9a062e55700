package dev.refgrade.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receivers of {@link MethodOraclePropertyTest}: one fresh object per label, built by a Python
 * expression, and the argument values its calls draw from. The label seeds the draws, so adding a
 * receiver or a value list for one never changes the calls made on the others.
 */
final class OracleReceivers {
    private OracleReceivers() {}

    /** What every program starts with: the modules the receivers come from, and how a value is shown. */
    static final String PRELUDE = """
            import collections, array, types
            def show(x):
                if type(x) is memoryview:
                    try:
                        return '<memory ' + x.format + ' ' + repr(x.tolist()) + '>'
                    except ValueError as e:
                        return '<memory: ' + str(e) + '>'
                try:
                    if iter(x) is x:
                        return '<' + type(x).__name__ + ' ' + repr(list(x)) + '>'
                except TypeError:
                    pass
                return repr(x)
            """;

    /** One receiver: the expression that builds it and the values its arguments are drawn from. */
    record Receiver(String expr, List<String> values) {}

    /** Argument values, none whose repr depends on an address or a str hash (no strs inside sets). */
    static final List<String> VALUES = List.of("0", "1", "-7", "3", "2**70", "True", "None", "2.5", "-0.0", "''",
            "'ab'", "'a,b'", "'hello world'", "[]", "[1, 'a']", "[3, 1, 2]", "()", "(1, 2)", "{}", "{'a': 1}", "set()",
            "{1, 2}", "frozenset({3})", "range(3)", "' '", "'l'", "5", "-1");

    /** More values for the receivers whose methods take bytes. */
    private static final List<String> BYTES_VALUES = List.of("b''", "b'ab'", "b'a,b'", "b' x '", "bytearray(b'xy')", "b'l'",
            "b'o'", "108", "'utf-8'", "'ascii'", "b'Hello'", "(b'x', b'H')");

    /** Keys the mappings hold, pairs and mappings to update them with, and a key-function. */
    private static final List<String> MAPPING_VALUES = List.of("'a'", "'b'", "'x'", "[('a', 3), ('x', 4)]", "{'b': 5}",
            "'abca'", "[('a',)]", "False", "-2", "collections.Counter('bb')", "list", "int");

    /** Typecodes, buffers and other arrays for array.array and memoryview. */
    private static final List<String> ARRAY_VALUES = List.of("'i'", "'d'", "'u'", "'b'", "'B'", "'c'", "b'abcd'", "b'ab'",
            "'xy'", "[4, 5]", "[1.5]", "2**31", "-2**31-1", "array.array('i', [1, 2])", "array.array('d', [0.5])",
            "array.array('u', 'x')", "(12,)", "[2, 6]", "[3, 4]", "':'", "'-'", "2", "'C'", "'F'", "'A'", "255", "256");

    static final Map<String, Receiver> ALL = new LinkedHashMap<>();

    private static void put(String label, String expr, List<String> extra) {
        List<String> values = new ArrayList<>(VALUES);
        values.addAll(extra);
        ALL.put(label, new Receiver(expr, values));
    }

    static {
        put("int", "7", List.of());
        put("bool", "True", List.of());
        put("float", "1.5", List.of());
        put("str", "'Hello, world'", List.of());
        put("list", "[3, 1, 2]", List.of());
        put("tuple", "(1, 2, 1)", List.of());
        put("dict", "{'a': 1, 'b': 2}", List.of());
        put("set", "{1, 2, 5}", List.of());
        put("frozenset", "frozenset({1, 2, 5})", List.of());
        put("range", "range(1, 9, 2)", List.of());
        put("bytes", "b'Hello, world'", BYTES_VALUES);
        put("bytearray", "bytearray(b'Hello, world')", BYTES_VALUES);
        put("slice", "slice(1, 9, 2)", List.of());
        put("complex", "(1.5-2j)", List.of());
        put("dict_keys", "{'a': 1, 'b': 2}.keys()", MAPPING_VALUES);
        put("dict_values", "{'a': 1, 'b': 2}.values()", MAPPING_VALUES);
        put("dict_items", "{'a': 1, 'b': 2}.items()", MAPPING_VALUES);
        put("deque", "collections.deque([3, 1, 2, 1])", List.of());
        put("deque.maxlen", "collections.deque([3, 1, 2], 3)", List.of());
        put("OrderedDict", "collections.OrderedDict([('a', 1), ('b', 2), ('c', 3)])", MAPPING_VALUES);
        put("defaultdict", "collections.defaultdict(list, {'a': [1], 'b': []})", MAPPING_VALUES);
        put("Counter", "collections.Counter('abracadabra')", MAPPING_VALUES);
        put("ChainMap", "collections.ChainMap({'a': 1}, {'a': 2, 'b': 3})", MAPPING_VALUES);
        put("mappingproxy", "types.MappingProxyType({'a': 1, 'b': 2})", MAPPING_VALUES);
        put("namedtuple", "collections.namedtuple('P', 'x y')(1, 2)", List.of());
        put("array", "array.array('i', [3, 1, 2, 1])", ARRAY_VALUES);
        put("array.d", "array.array('d', [1.5, -2.0])", ARRAY_VALUES);
        put("array.u", "array.array('u', 'hi')", ARRAY_VALUES);
        put("memoryview", "memoryview(b'Hello, world')", ARRAY_VALUES);
        put("memoryview.bytearray", "memoryview(bytearray(b'abcdefgh'))", ARRAY_VALUES);
        // Empty and unusual receivers, for the edges: nothing to pop, negative steps, strided views.
        put("deque.empty", "collections.deque()", List.of());
        put("OrderedDict.empty", "collections.OrderedDict()", MAPPING_VALUES);
        put("Counter.empty", "collections.Counter()", MAPPING_VALUES);
        put("dict.empty", "{}", MAPPING_VALUES);
        put("range.empty", "range(0)", List.of());
        put("range.negative", "range(10, -5, -3)", List.of());
        put("array.B", "array.array('B', b'hi')", ARRAY_VALUES);
        put("array.empty", "array.array('q')", ARRAY_VALUES);
        put("memoryview.strided", "memoryview(b'abcdef')[::2]", ARRAY_VALUES);
        put("dict_items.odict", "collections.OrderedDict(a=1, b=2).items()", MAPPING_VALUES);
        put("deque.maxlen0", "collections.deque([], 0)", List.of());
        put("Counter.negative", "collections.Counter({'a': -2, 'b': 0, 'c': 3, 'd': 3})", MAPPING_VALUES);
        put("defaultdict.int", "collections.defaultdict(int, a=0)", MAPPING_VALUES);
        put("array.nan", "array.array('d', [float('nan'), 0.0, -0.0])", ARRAY_VALUES);
        put("dict_keys.big", "dict.fromkeys(range(20)).keys()", MAPPING_VALUES);
    }
}
