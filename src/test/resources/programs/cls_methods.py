# staticmethod, classmethod and property (getter, setter, deleter) as a class uses them.
import sys

class Temperature:
    count = 0

    def __init__(self, celsius):
        self._c = celsius
        Temperature.count += 1

    @property
    def celsius(self):
        "Degrees Celsius."
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @staticmethod
    def valid(c):
        return c >= -273.15

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

t = Temperature(20)
print(t.celsius, t.fahrenheit)
t.celsius = 25
print(t.celsius, t._c)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
print(Temperature.valid(-300), t.valid(0))
u = Temperature.from_f(212)
print(type(u).__name__, u.celsius, Temperature.count)
print(type(Temperature.celsius).__name__, Temperature.celsius.__doc__)
print(Temperature.celsius.fget.__name__, Temperature.celsius.fset.__name__)
print(Temperature.fahrenheit.fset)
print(Temperature.from_f.__self__ is Temperature, Temperature.valid.__name__)
m = t.from_f
print(m.__self__ is Temperature)

class Sub(Temperature):
    pass

print(type(Sub.from_f(32)).__name__)

sm = staticmethod(lambda x: -x)
print(sm(3), sm.__wrapped__ is sm.__func__, sm.__name__)

def plain(x):
    "plain doc"
    return x

before = sys.getrefcount(plain)
cm = classmethod(plain)
print(sys.getrefcount(plain) - before, cm.__func__ is plain)
print(cm.__name__, cm.__doc__, cm.__qualname__)
del cm
print(sys.getrefcount(plain) - before)

p = property(lambda self: 5, doc="five")
class Q:
    five = p
print(Q().five, Q.five.__doc__, Q.five is p)
try:
    Q().five = 1
except AttributeError as e:
    print(e)
