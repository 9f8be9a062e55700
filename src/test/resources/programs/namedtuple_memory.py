import sys
import gc
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1.5, 2.5)
# An instance is a tuple: the same size, no __dict__, no weakref slot.
print(sys.getsizeof(p), sys.getsizeof((1.5, 2.5)), sys.getsizeof(Point(*range(2))))
# Each instance holds a reference to its class.
before = sys.getrefcount(Point)
q = Point(3, 4)
r = Point(5, 6)
print(sys.getrefcount(Point) - before)
del q, r
print(sys.getrefcount(Point) - before)
# The items are the very objects given.
big = [1, 2, 3]
print(sys.getrefcount(big))
t = Point(big, None)
print(t.x is big, sys.getrefcount(big))
del t
print(sys.getrefcount(big))
# The collector sees the class, then the items; instances stay tracked (only exact tuples are untracked).
s = Point(1, 2)
print(gc.get_referents(s)[0] is Point, gc.get_referents(s)[1:])
gc.collect()
print(gc.is_tracked(s), gc.is_tracked((1, 2)))
# The class holds _fields twice (as _fields and __match_args__) and a _tuplegetter per field.
print(Point._fields is Point.__match_args__, type(Point.x).__name__, Point.x)
# A class no longer used is freed by the collector (it refers to itself through its MRO).
import weakref
Temp = namedtuple("Temp", "a")
w = weakref.ref(Temp)
del Temp
gc.collect()
print(w())
