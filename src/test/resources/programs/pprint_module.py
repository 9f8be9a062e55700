# pprint: pprint, pformat and pp of nested lists, dicts, tuples, sets and long strings, with width, indent, depth, compact.
import pprint

data = {"name": "refgrade", "tags": ["memory", "refcount", "gc", "identity"], "sizes": {3: [1, 2, 3], 1: (4,), 2: ()},
        "nested": [[1, 2, [3, 4, [5, 6, [7, 8]]]], {"b": 2, "a": 1}], "set": {5, 3, 1}, "frozen": frozenset({7, 3})}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=20, indent=4)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(list(range(40)), width=30, compact=True)
pprint.pprint(list(range(30)))
pprint.pprint({"z": 1, "a": 2, "m": 3})
pprint.pp({"z": 1, "a": 2, "m": 3})
pprint.pprint({"z": 1, "a": 2, "m": 3}, sort_dicts=False)
pprint.pprint(("only",))
pprint.pprint((["x" * 30, "y" * 30, "z" * 30],))
pprint.pprint("word " * 30)
pprint.pprint(["line one\nline two " * 5, "short"])
pprint.pprint({"text": "lorem ipsum dolor sit amet " * 6})
pprint.pprint(set(range(30)))
pprint.pprint(frozenset(range(30)))
pprint.pprint(10**30, underscore_numbers=True)
pprint.pprint([10**12, 5, -1234567], underscore_numbers=True)
print(pprint.pformat([1, 2, 3]), pprint.pformat({"b": [1] * 30, "a": 0}, width=50))
print(repr(pprint.pformat("x" * 100, width=30)))
pprint.pprint([[]] * 3 + [{}, (), set(), ""])
pprint.pprint([[[[[1]]]]], depth=3)
pprint.pprint([(1,), ((1,),)], depth=2)
