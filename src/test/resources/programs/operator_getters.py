# operator.itemgetter, attrgetter and methodcaller: callables holding what they look up, as sort
# keys and on their own; what each holds is what gc.get_referents shows.
import gc
import operator
import sys

rows = [("b", 2), ("a", 3), ("c", 1)]
by_second = operator.itemgetter(1)
print(sorted(rows, key=by_second), by_second(rows[0]), operator.itemgetter(1, 0)(rows[0]))
print(by_second, operator.itemgetter(1, 0), operator.itemgetter((1, 2)))
print(operator.attrgetter("real")(3), operator.attrgetter("real", "imag")(2 + 5j), operator.attrgetter("__class__.__name__")(1))
print(operator.attrgetter("a.b", "c"), operator.attrgetter("real"))
up = operator.methodcaller("split", " ", maxsplit=1)
print(up("a b c"), up, operator.methodcaller("upper")("x"))
print(gc.get_referents(operator.itemgetter(1, 2)), gc.get_referents(operator.attrgetter("a.b", "c")))
print(gc.get_referents(operator.methodcaller("s", 1, k=2)), gc.is_tracked(by_second))
key = [0]
g = operator.itemgetter(key)
print(sys.getrefcount(key), type(g).__name__, type(g).__module__)
for bad in [lambda: operator.itemgetter(), lambda: operator.attrgetter(1), lambda: operator.methodcaller(),
            lambda: operator.methodcaller(5), lambda: by_second(1, 2), lambda: by_second([1, 2], k=1),
            lambda: operator.itemgetter(1, k=2), lambda: by_second([]), lambda: operator.attrgetter("x")(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
