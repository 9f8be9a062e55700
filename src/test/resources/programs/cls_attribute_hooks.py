# __getattr__, __getattribute__, __setattr__, __delattr__ and descriptors with __get__/__set__/
# __set_name__, as CPython calls them.
import sys

class Lazy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)

lz = Lazy()
print(lz.real, lz.xyz)
print(hasattr(lz, "nope"), getattr(lz, "nope", "default"))

class Logged:
    def __getattribute__(self, name):
        print("get", name)
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return "fallback " + name

    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)

    def method(self):
        return "method"

lg = Logged()
lg.a = 1
print(lg.a)
print(lg.method())
print(lg.missing)
del lg.a
print(lg.__dict__)

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError("frozen: " + name)

fz = Frozen(3)
print(fz.v)
try:
    fz.v = 4
except AttributeError as e:
    print("AttributeError:", e)

class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("expected int")
        setattr(obj, self.private, value)

    def __delete__(self, obj):
        print("__delete__")
        delattr(obj, self.private)

class Point:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x = x
        self.y = y

pt = Point(1, 2)
print(pt.x, pt.y, pt.__dict__)
try:
    pt.x = "no"
except TypeError as e:
    print("TypeError:", e)
del pt.x
print(pt.__dict__, type(Point.x).__name__)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"

class Holder:
    attr = NonData()

h = Holder()
print(h.attr, Holder.attr)
h.attr = "own"
print(h.attr)

value = [1]
class Counted:
    def __getattr__(self, name):
        return value

c = Counted()
before = sys.getrefcount(value)
got = c.anything
print(sys.getrefcount(value) - before)
