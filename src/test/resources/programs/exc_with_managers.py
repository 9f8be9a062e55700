# with: __enter__'s result is bound, __exit__ always runs, and a true result swallows the exception.
import sys

class Managed:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc), tb is not None)
        return self.swallow

    def __del__(self):
        print("del", self.name)

with Managed("a") as m:
    print("body with", m.name, "refcount", sys.getrefcount(m))
print("after a")

with Managed("b", swallow=True):
    raise ValueError("swallowed")
print("after b")

try:
    with Managed("c"):
        {}["missing"]
except KeyError as e:
    print("propagated", repr(e))

with Managed("outer") as o, Managed("inner", swallow=True) as i:
    print("both", o.name, i.name)
    1 / 0
print("after two managers")

def early():
    for n in range(3):
        with Managed("loop " + str(n)):
            if n == 1:
                return "returned"
            continue

print(early())

class NoExit:
    def __enter__(self):
        return self

try:
    with NoExit():
        pass
except TypeError as e:
    print(e)

try:
    with 42:
        pass
except TypeError as e:
    print(e)

class Handled:
    def __enter__(self):
        return "value"

    def __exit__(self, exc_type, exc, tb):
        print("inside __exit__, exc_info:", sys.exc_info()[0].__name__ if exc_type else sys.exc_info())
        return True

with Handled() as v:
    print(v)
    raise IndexError
with Handled():
    pass
