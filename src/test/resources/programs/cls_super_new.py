# super() with and without arguments, the __class__ cell methods share, and a user __new__:
# an instance cache built in __new__ hands back the cached object, and __init__ still runs on it.
import sys

class Base:
    def __init__(self, name):
        self.name = name
        print("Base.__init__", name)

    def describe(self):
        return "base " + self.name

    @classmethod
    def make(cls, name):
        return cls(name)

class Child(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def describe(self):
        return "child/" + super().describe()

    @classmethod
    def make(cls, name):
        print("Child.make for", cls.__name__)
        return super().make(name + "!") if False else cls(name, 0)

class Grand(Child):
    def describe(self):
        return "grand/" + super(Grand, self).describe()

g = Grand("g", 1)
print(g.describe(), g.extra)
print(Child.make("c").describe())
print(Child.describe.__code__.co_freevars if False else Child.__init__.__closure__[0].cell_contents is Child)

s = super(Child, g)
print(type(s).__name__, s.describe(), s.__self__ is g, s.__thisclass__ is Child)

class A:
    def who(self):
        return "A"

class B(A):
    def who(self):
        return "B>" + super().who()

class C(A):
    def who(self):
        return "C>" + super().who()

class D(B, C):
    def who(self):
        return "D>" + super().who()

print(D().who(), [k.__name__ for k in D.__mro__])

class Cached:
    _cache = {}

    def __new__(cls, key):
        if key in cls._cache:
            print("cache hit", key)
            return cls._cache[key]
        obj = super().__new__(cls)
        cls._cache[key] = obj
        return obj

    def __init__(self, key):
        print("__init__", key)
        self.key = key

a = Cached(1)
b = Cached(1)
c = Cached(2)
print(a is b, a is c, len(Cached._cache))
print(sys.getrefcount(a))
print(type(Cached.__dict__["__new__"]).__name__ if False else Cached.__new__.__name__)

class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            cls._instance = object.__new__(cls)
        return cls._instance

print(Singleton() is Singleton())

class NotMine:
    def __new__(cls, x):
        return x * 2
    def __init__(self, x):
        print("never")

print(NotMine(21))

class Plain:
    pass

for make in (lambda: Plain(1), lambda: object.__new__(Plain, 1), lambda: Cached.__new__(Cached), lambda: object.__new__(1)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)

class NewOnly:
    def __new__(cls, *args):
        return super().__new__(cls)

print(type(NewOnly(1, 2)).__name__)

class InitOnly:
    def __init__(self, *args):
        super().__init__()

print(type(InitOnly(1)).__name__)

class BadSuper:
    def __init__(self, x):
        super().__init__(x)

try:
    BadSuper(1)
except TypeError as e:
    print("TypeError:", e)

class NoneInit:
    def __init__(self):
        return 1

try:
    NoneInit()
except TypeError as e:
    print("TypeError:", e)

def outside():
    return super()

try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)

# Inside __init__, an argument is held by the call's tuple as well as by the frame.
class Holder:
    def __init__(self, x, y=None):
        print(sys.getrefcount(x))

p = [1]
Holder(p)
Holder(p, y=p)

class Left(A):
    pass

try:
    class Bad(A, Left):
        pass
except TypeError as e:
    print("TypeError:", e)
