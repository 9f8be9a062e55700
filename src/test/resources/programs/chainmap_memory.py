import sys
import gc
from collections import ChainMap

# A ChainMap holds its list of mappings, not copies of them.
a = {"x": 1}
b = {"y": 2}
before = sys.getrefcount(a)
cm = ChainMap(a, b)
print(sys.getrefcount(a) - before, cm.maps[0] is a, type(cm.maps).__name__)
child = cm.new_child()
print(sys.getrefcount(a) - before)
del child
print(sys.getrefcount(a) - before)
del cm
print(sys.getrefcount(a) - before)

# Its state is the instance's __dict__ attribute `maps`.
cm = ChainMap(a)
print(vars(cm) == {"maps": [a]}, gc.is_tracked(cm))
cm.maps = [b]
print(cm["y"], "x" in cm)

# Reading never copies a value.
v = [1, 2]
holder = {"v": v}
cm = ChainMap(holder)
print(cm["v"] is v, cm.get("v") is v)

# Sized as any instance with a __dict__; the collector sees its attributes and its class.
print(sys.getsizeof(ChainMap()), sys.getsizeof(ChainMap(a, b, {})))
print(gc.get_referents(ChainMap(a)))
