import sys
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, type(p), Point, isinstance(p, tuple), len(p))
print(p.x, p.y, p[0], p[-1], p == (1, 2), tuple(p), list(p))
x, y = p
print(x + y, hash(p) == hash((1, 2)))
print(Point._fields, Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(Point(y=5, x=4), Point._make([7, 8]), p._asdict(), p._replace(y=20), p)
print(Point.x, Point.y, Point.__match_args__, Point._field_defaults)

# Fields are read-only; instances have no __dict__.
try:
    p.x = 10
except AttributeError as e:
    print(e)
try:
    p.z = 1
except AttributeError as e:
    print(e)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Point._make([1])
except TypeError as e:
    print(e)
try:
    p._replace(z=1)
except ValueError as e:
    print(e)

# defaults= fill the rightmost fields; rename= replaces bad names.
Emp = namedtuple("Emp", ["name", "dept", "salary"], defaults=["eng", 100])
print(Emp("ann"), Emp("bob", "ops"), Emp._field_defaults, Emp.__new__.__defaults__ if hasattr(Emp.__new__, "__defaults__") else None)
R = namedtuple("R", "a def a _b 1x", rename=True)
print(R._fields)
for bad in [("1x", "a"), ("T", "a class"), ("T", "a _b"), ("T", "a a")]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print(e)
try:
    namedtuple("T", "a b", defaults=[1, 2, 3])
except TypeError as e:
    print(e)

One = namedtuple("One", "only")
print(One(5), One.__doc__, One(5) < One(6), sorted([Point(2, 1), Point(1, 9)]))
print(Point(1, [2]) + (3,), p * 2, p.count(1), p.index(2))
print(Point.__bases__, Point.__mro__, p.__class__, type(p).__name__)
print(Point.__slots__, p._fields, Point._make(range(2)))
print(Point.__new__.__qualname__, Point._make.__name__, p._asdict.__qualname__)
try:
    p.__dict__
except AttributeError as e:
    print("AE", e)
print({p: 1}[Point(1, 2)], p == Point(1, 2), p is Point(1, 2), p != (1, 3))
for f, v in zip(p._fields, p):
    print(f, v)
print(max(Point(1, 5), Point(2, 0)), Point(*[3, 4]), Point(**{"x": 5, "y": 6}))
q = p._replace(x=p.x + 1)
print(q.x, q is p)
print(sys.getrefcount(p._fields))
import sys
print(sys.getrefcount(Point._fields))
