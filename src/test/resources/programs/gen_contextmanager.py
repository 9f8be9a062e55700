# contextlib.contextmanager: setup before the yield, cleanup after it, exceptions thrown in at the yield.
import sys
from contextlib import contextmanager

class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("release", self.name)

@contextmanager
def opened(name):
    r = Resource(name)
    try:
        yield r
    finally:
        print("closing", name)

print(type(opened).__name__, opened.__name__, callable(opened))
with opened("a") as res:
    print("using", res.name, sys.getrefcount(res))
print("after a")

try:
    with opened("b") as res:
        raise KeyError("inside")
except KeyError as e:
    print("propagated", repr(e))
del res
print("after b")

@contextmanager
def swallowing():
    try:
        yield "value"
    except ValueError as e:
        print("swallowed", e)

with swallowing() as v:
    print(v)
    raise ValueError("oops")
print("suppressed")

@contextmanager
def plain():
    yield
with plain() as nothing:
    print(nothing)

cm = opened("c")
print(type(cm).__name__)
with cm:
    print("inside c")
del cm
print("end")

@contextmanager
def reraising():
    try:
        yield
    except ZeroDivisionError:
        print("seen, re-raised")
        raise
try:
    with reraising():
        1 / 0
except ZeroDivisionError as e:
    print("caught", e, e.__traceback__.tb_lineno)
