# format(), round(), math.floor/ceil/trunc, reversed() and `with` find their special method with
# _PyObject_LookupSpecial, which binds it: while it runs, the bound method holds one more reference
# to the object. The slots (len, bool, +, ==) call it unbound, with no such reference.
import math
import sys


class Probe:
    def __enter__(self):
        print("__enter__", sys.getrefcount(self))
        return self

    def __exit__(self, *exc):
        print("__exit__", sys.getrefcount(self))
        return False

    def __format__(self, spec):
        return "format " + spec + " " + str(sys.getrefcount(self))

    def __round__(self, ndigits=None):
        return ("round", ndigits, sys.getrefcount(self))

    def __floor__(self):
        return ("floor", sys.getrefcount(self))

    def __ceil__(self):
        return ("ceil", sys.getrefcount(self))

    def __trunc__(self):
        return ("trunc", sys.getrefcount(self))

    def __reversed__(self):
        print("__reversed__", sys.getrefcount(self))
        return iter([])

    def __len__(self):
        print("__len__", sys.getrefcount(self))
        return 0

    def __eq__(self, other):
        print("__eq__", sys.getrefcount(self))
        return True


p = Probe()
with p:
    pass
with Probe():
    pass
print(format(p, "x"))
print(f"{p:y}")
print(round(p), round(p, 2))
print(math.floor(p), math.ceil(p), math.trunc(p))
list(reversed(p))
len(p)
print(p == p)
print(sys.getrefcount(p))
