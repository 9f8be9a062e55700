# dir(), vars() and locals(). dir(obj) sorts type(obj).__dir__(obj): an instance's own __dict__
# (which asking makes) plus every class's names down to object's; dir(cls) the classes' names;
# dir(module) its dict's keys. vars(obj) is obj.__dict__ itself. locals() at module level is the
# globals dict; in a function (3.11) it is one dict the frame keeps, refreshed at each call, which
# holds another reference to each local's value until the frame ends.
import gc
import math
import sys

class Base:
    kind = "base"

    def describe(self):
        return self.kind

class Pet(Base):
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

p = Pet("rex")
print(gc.is_tracked(p))
own = [n for n in dir(p) if not n.startswith("__")]
print(own)
print(len(dir(p)), "__init__" in dir(p), "__weakref__" in dir(p), "__dict__" in dir(p))
print([n for n in dir(Pet) if not n.startswith("__")], "name" in dir(Pet))
print(dir(p) == sorted(dir(p)), type(dir(p)).__name__)
print(dir(5) == sorted(set(dir(int)) | set(dir(object))), len(dir(int)), len(dir(object)), len(dir(list)))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:8])
print(dir(math)[:6], "sqrt" in dir(math), len(dir(math)))
print(dir(None), dir(True) == dir(bool))

class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]

print(dir(Custom()))
print(vars(p), vars(p) is p.__dict__)
vars(p)["age"] = 3
print(p.age, sorted(vars(Pet)))
try:
    vars(5)
except TypeError as e:
    print(e)

print(locals() is globals(), vars() is globals())
top = [n for n in dir() if not n.startswith("__")]
print(top)

def f(a, b=2):
    big = [1, 2, 3]
    print(sys.getrefcount(big))          # big and the argument
    snap = locals()
    print(sorted(snap), sys.getrefcount(big))  # the snapshot dict holds it too
    again = locals()
    print(again is snap, "snap" in again, "again" in again)
    del big
    print("big" in locals(), sorted(dir()))
    return snap

s = f(1)
print(sorted(s), s["a"], s["b"])

def outer():
    x = 10
    def inner():
        return x
    return locals(), inner

d, g = outer()
print(sorted(d), d["x"])

def counter():
    n = 0
    while n < 2:
        n += 1
        yield locals()

gen = counter()
first = next(gen)
second = next(gen)
print(first is second, first)
