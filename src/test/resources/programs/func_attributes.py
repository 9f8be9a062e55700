# Attributes of a function object: names, module, docstring, a __dict__ made on first use,
# and reassigning __defaults__ / __kwdefaults__, with the references each holds.
import sys

def greet(name, punct="!"):
    "Say hello."
    return "hello " + name + punct

print(greet.__name__, greet.__qualname__, greet.__module__, greet.__doc__)
print(greet.__defaults__, greet.__kwdefaults__)
greet.calls = 0
greet.calls += 1
print(greet.calls, greet.__dict__)
greet.__defaults__ = ("?",)
print(greet("x"))
del greet.__defaults__
print(greet.__defaults__)
try:
    greet("x")
except TypeError as e:
    print(e)
try:
    greet.__defaults__ = [1]
except TypeError as e:
    print(e)
try:
    greet.__globals__ = {}
except AttributeError as e:
    print(e)
try:
    greet.missing
except AttributeError as e:
    print(e)

class Tag:
    pass

t = Tag()
greet.tag = t
print(sys.getrefcount(t))
del greet.tag
print(sys.getrefcount(t))

def outer():
    def inner():
        "inner doc"
    return inner

i = outer()
print(i.__qualname__, i.__doc__, outer.__doc__)
i.__name__ = "renamed"
print(i.__name__, i.__qualname__)
i.__qualname__ = "Q"
print(i.__qualname__)
f = lambda: "text"
print(f.__doc__, f.__name__)
