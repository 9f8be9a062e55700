# A class's __dict__ is a read-only mappingproxy over the class dict: a new proxy at each access,
# which holds the dict while it lives. The class dict also holds what type() adds: __module__,
# the __dict__ and __weakref__ descriptors of the first class below object, __doc__, and __hash__
# = None when the class defines __eq__ alone.
import gc
import sys

class Point:
    """A point."""
    dims = 2

    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x)

print(list(Point.__dict__))
print(Point.__dict__["__dict__"], Point.__dict__["__weakref__"], Point.__dict__["__doc__"])
print(Point.__dict__ is Point.__dict__, Point.__dict__ == Point.__dict__)
proxy = Point.__dict__
print(type(proxy).__name__, sys.getrefcount(proxy), gc.is_tracked(proxy), sys.getsizeof(proxy))
print(proxy["dims"], proxy.get("nope"), "norm" in proxy, len(proxy))
Point.color = "red"                          # the proxy sees the class dict change
print("color" in proxy, proxy["color"])
try:
    proxy["dims"] = 3
except TypeError as e:
    print(e)
p = Point(3)
print(p.__dict__, type(p.__dict__).__name__, "x" in proxy)
n = proxy["norm"]
print(sys.getrefcount(n))                    # n, the class dict, the argument
del Point.norm
print(sys.getrefcount(n), "norm" in proxy)

class Sub(Point):
    def __eq__(self, other):
        return True

print(list(Sub.__dict__), Sub.__dict__["__hash__"])
print(Point.__weakref__, type(Point.__dict__["__dict__"]).__name__)
print(repr(Sub.__dict__)[:40])
