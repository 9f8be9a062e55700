import sys
import gc
from collections import OrderedDict

od = OrderedDict()
print(od, type(od), isinstance(od, dict), len(od))
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
print(od.keys(), od.values(), od.items())
print(list(reversed(od)), list(reversed(od.items())), list(reversed(od.values())))

# move_to_end reorders without touching the dict's entries.
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od)
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)

# popitem takes from either end.
print(od.popitem(), od.popitem(last=False), od)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)

# Equality: order matters between two OrderedDicts, not with a dict.
x = OrderedDict([("p", 1), ("q", 2)])
y = OrderedDict([("q", 2), ("p", 1)])
print(x == y, x != y, x == dict(y), dict(x) == y, x == OrderedDict(x))

# Constructors and update.
print(OrderedDict({"k": 1, "j": 2}, z=3))
print(OrderedDict(zip("abc", range(3))))
u = OrderedDict(a=1)
u.update([("b", 2)], c=3)
u.update({"a": 10})
u.update(x)
print(u)
try:
    OrderedDict(1, 2)
except TypeError as e:
    print(e)
try:
    OrderedDict([(1, 2, 3)])
except ValueError as e:
    print(e)

# pop and setdefault.
print(u.pop("a"), u.pop("nope", "dflt"), u.setdefault("new", []), u.setdefault("b", 99), u)
try:
    u.pop("nope")
except KeyError as e:
    print("KeyError", e)

# copy keeps the order; | and |= too.
c = u.copy()
print(c == u, c is u, type(c).__name__)
print(x | {"r": 3}, {"r": 3} | x)
x |= [("s", 4)]
print(x)

# Changing an OrderedDict while iterating over it.
m = OrderedDict.__name__
it = iter(x)
next(it)
x.move_to_end("p")
try:
    next(it)
except RuntimeError as e:
    print(e)
it = iter(x)
x["t"] = 5
try:
    next(it)
except RuntimeError as e:
    print(e)

r = OrderedDict(a=1)
r["self"] = r
print(r)
del r
print(gc.collect() >= 1)
print(gc.is_tracked(OrderedDict()), "x" in x, x.get("p"), len(x))
x.clear()
print(x, bool(x))
