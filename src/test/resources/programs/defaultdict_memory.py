import sys
import gc
import copy
from collections import defaultdict

# sys.getsizeof: a dict's size plus the factory pointer.
print(sys.getsizeof({}), sys.getsizeof(defaultdict()), sys.getsizeof(defaultdict(list)))
d = defaultdict(int)
sizes = []
for i in range(12):
    d[i]
    sizes.append(sys.getsizeof(d))
print(sizes)
print(sys.getsizeof(defaultdict(int, zip(range(10), range(10)))), sys.getsizeof(dict(zip(range(10), range(10)))))
print(sys.getsizeof(defaultdict(int, a=1, b=2)), sys.getsizeof(dict(a=1, b=2)))
print(sys.getsizeof(d.copy()), sys.getsizeof(copy.copy(d)))

# gc.get_referents: the factory first, then the values (str keys are not visited).
def make():
    return 0
print(gc.get_referents(defaultdict(make, a=1))[0] is make, gc.get_referents(defaultdict(make, a=1))[1:])
print(gc.get_referents(defaultdict(None, {1: "one"})))
print(gc.get_referents({"a": 1, 2: 3}))

# A factory that refers back to its dict makes a cycle only the collector frees.
class Holder:
    def __del__(self):
        print("Holder freed")

hd = defaultdict(Holder)
hd["h"]
hd.default_factory = hd.get
print(gc.is_tracked(hd), sys.getrefcount(hd))
del hd
print("after del")
print(gc.collect() > 0)

# Each key's value is made once; copies share the values, not the table.
a = defaultdict(list)
a["x"].append(1)
b = copy.copy(a)
print(a["x"] is b["x"], sys.getrefcount(a["x"]))
b["y"]
print(sorted(a), sorted(b))
