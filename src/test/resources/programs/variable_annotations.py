# Variable annotations (PEP 526) as CPython 3.11 runs them: a module or class body with any gets an
# __annotations__ dict first; the value is assigned before the annotation is evaluated and stored;
# in a function nothing is evaluated; a complex target's parts are evaluated and dropped.
import sys

trace = []


def note(label, value):
    trace.append(label)
    return value


x: note("x annotation", int) = note("x value", 5)
y: note("y annotation", str)
print(__annotations__, x, trace)
print("y" in globals(), sys.getrefcount(__annotations__))


class Point:
    print("__annotations__" in locals(), __annotations__)
    a: int = 1
    b: float
    if True:
        c: "a string annotation" = "c"
    (d): int = 4
    print(sorted(k for k in locals() if not k.startswith("__") or k == "__annotations__"))


print(Point.__annotations__, Point.a, Point.c, Point.d, hasattr(Point, "b"))


class Empty:
    pass


print(Empty.__dict__.get("__annotations__"), "__annotations__" in Point.__dict__)


def f():
    local: note("never evaluated", list) = [1]
    other: note("nor this", dict)
    return local


trace.clear()
print(f(), trace)


class Box:
    pass


box = Box()
box.item: note("attribute annotation", int) = 7
holder = [0, 1]
holder[note("index", 1)]: note("subscript annotation", int)
print(box.item, trace, __annotations__)
