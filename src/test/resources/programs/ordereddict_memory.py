import sys
import gc
import weakref
from collections import OrderedDict

# sys.getsizeof: the dict's, a fast-node pointer per slot of its index, and a 32-byte node per key.
print(sys.getsizeof({}), sys.getsizeof(OrderedDict()))
od = OrderedDict()
sizes = []
for i in range(12):
    od[i] = i
    sizes.append(sys.getsizeof(od))
print(sizes)
for i in range(6):
    del od[i]
print(sys.getsizeof(od))
od.clear()
print(sys.getsizeof(od))
od["a"] = 1
print(sys.getsizeof(od), od.__sizeof__())
print(sys.getsizeof(OrderedDict(a=1, b=2)), sys.getsizeof(OrderedDict.fromkeys.__name__))

# Each node holds its key: one more reference than a dict holds.
key = "a key made at run time".upper()
d = {key: 1}
print(sys.getrefcount(key))
o = OrderedDict(d)
print(sys.getrefcount(key))
o.move_to_end(key)
print(sys.getrefcount(key))
del o
print(sys.getrefcount(key))

# The collector sees each key, then the dict's entries.
class K:
    pass
k = K()
v = [1]
print([type(r).__name__ for r in gc.get_referents(OrderedDict([(k, v)]))])

# OrderedDicts can be weakly referenced, unlike dicts.
o2 = OrderedDict(a=1)
w = weakref.ref(o2)
print(w() is o2)
del o2
print(w())

# An iterator holds its OrderedDict and the next key.
o3 = OrderedDict([(key, 1), ("z", 2)])
before = sys.getrefcount(o3)
it = iter(o3)
print(sys.getrefcount(o3) - before, sys.getrefcount(key))
print(next(it) is key, sys.getrefcount(key))
del it
print(sys.getrefcount(o3) - before)

# items() hands back one tuple again and again while nobody keeps it.
ids = set()
for pair in OrderedDict(a=1, b=2, c=3).items():
    ids.add(id(pair))
print(len(ids))
kept = [p for p in OrderedDict(a=1, b=2).items()]
print(kept[0] is kept[1])
