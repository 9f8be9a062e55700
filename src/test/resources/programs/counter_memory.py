import sys
import gc
import weakref
from collections import Counter

# A Counter is a dict plus the __dict__ and __weakref__ a class statement's subclass adds.
print(sys.getsizeof({}), sys.getsizeof(Counter()))
print(sys.getsizeof(Counter("abc")), sys.getsizeof(dict(zip("abc", [1, 1, 1]))))
sizes = []
c = Counter()
for i in range(12):
    c[i] += 1
    sizes.append(sys.getsizeof(c))
print(sizes)
print(sys.getsizeof(Counter(range(10))), sys.getsizeof(Counter(a=1, b=2)))

# Tracked from the start; the collector sees its class, then its values.
print(gc.is_tracked(Counter()), gc.is_tracked({}))
print(gc.get_referents(Counter(a=[1])))

# Counting the same key object keeps one reference to it.
key = "counted".upper()
before = sys.getrefcount(key)
c = Counter([key, key, key])
print(sys.getrefcount(key) - before, c[key])
del c
print(sys.getrefcount(key) - before)

# A missing key reads 0 without storing it.
m = Counter()
print(m["x"], len(m), m.get("x"))

w = weakref.ref(Counter())
print(w())
kept = Counter(a=1)
w = weakref.ref(kept)
print(w() is kept)
