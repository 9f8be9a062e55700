# functools.cached_property: a non-data descriptor (Lib/functools.py) that, on first access,
# calls the function and stores the result in the instance's __dict__ under the attribute's name;
# from then on the instance's own attribute hides the descriptor. It holds the function itself.
import functools
import gc
import sys

class Value:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("free", self.n)

def area(self):
    print("computing area")
    return Value(self.side * self.side)

print(sys.getrefcount(area))              # the module's name and the argument
cp = functools.cached_property(area)
print(sys.getrefcount(area), cp.func is area, cp.attrname, cp.__doc__)
print(type(cp).__name__, sys.getsizeof(cp))

class Square:
    area = cp                              # __set_name__ learns the name 'area'

    def __init__(self, side):
        self.side = side

print(cp.attrname, Square.area is cp)      # through the class: the descriptor itself
s = Square(3)
v = s.area
print(v.n, sys.getrefcount(v))             # v, the instance's __dict__, the argument
w = s.area                                  # the instance's dict now answers: no call
print(w is v, sorted(s.__dict__), gc.is_tracked(s.__dict__))
del v, w
print("deleting the cached value:")
del s.area                                  # frees it: the dict held the last reference
print(s.area.n)
print("dropping the instance:")
del s
print("after")

class Slotted:
    __slots__ = ("side",)
    size = functools.cached_property(lambda self: 1)

try:
    Slotted().size
except TypeError as e:
    print(e)

loose = functools.cached_property(area)
class Late:
    pass
Late.thing = loose                           # set after the class: __set_name__ is never called
try:
    Late().thing
except TypeError as e:
    print(e)
print(cp.__get__(None, Square) is cp)

# type_new_set_names (3.11): an exception from __set_name__ becomes a RuntimeError caused by it.
try:
    class Twice:
        first = cp
        second = cp
except RuntimeError as e:
    print(e, "|", e.__cause__, e.__context__ is e.__cause__)
