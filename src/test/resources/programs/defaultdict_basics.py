import sys
import gc
from collections import defaultdict

# A defaultdict is a dict: same methods, equal to a dict with the same items.
d = defaultdict(list)
print(d, type(d), isinstance(d, dict), d == {})
print(repr(defaultdict()), defaultdict().default_factory)

# A missing key calls the factory once and stores what it made.
d["a"].append(1)
d["a"].append(2)
d["b"]
print(d, len(d))
print(d.get("zz"), "zz" in d, len(d))

# Counting with int: each += reads d[w] (0 for a new key) and stores the sum.
counts = defaultdict(int)
for w in "abracadabra":
    counts[w] += 1
print(counts)

# The defaultdict holds a reference to its factory.
class Maker:
    def __call__(self):
        return []
    def __repr__(self):
        return "Maker()"

m = Maker()
print(sys.getrefcount(m))
e = defaultdict(m, {"x": 1}, y=2)
print(e, sys.getrefcount(m))
f = e.copy()
print(sys.getrefcount(m), f is not e, f == e, type(f).__name__, f.default_factory is m)
del e
print(sys.getrefcount(m))
f.default_factory = None
print(sys.getrefcount(m), f)
del f.default_factory
print(f.default_factory)

# Without a factory a missing key is a KeyError.
try:
    f["nope"]
except KeyError as k:
    print("KeyError", k, k.args)
try:
    defaultdict(1)
except TypeError as t:
    print(t)
try:
    defaultdict(list, 1, 2)
except TypeError as t:
    print(t)

# The value made is the one stored: its id is the item's.
g = defaultdict(list)
v = g["k"]
print(v is g["k"], sys.getrefcount(v))

# | gives a defaultdict whichever side it is on.
print(counts | {"z": 9})
print({"q": 1} | counts)
counts |= {"r": 0}
print(counts["r"], type(counts).__name__)

# Tracked by the collector from the start, unlike an empty dict.
print(gc.is_tracked(defaultdict()), gc.is_tracked({}), gc.is_tracked(defaultdict(int)))

# A defaultdict holding itself prints {...} inside.
x = defaultdict(list)
x["self"] = x
print(x)
del x
print(gc.collect() >= 1)

h = defaultdict(int, a=1)
h.clear()
print(h, h.default_factory, h.pop("q", "dflt"), h.setdefault("s", 5), h)
try:
    hash(h)
except TypeError as t:
    print(t)
