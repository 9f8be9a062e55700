from dataclasses import dataclass, field, fields
import gc
import sys


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
q = Point(1, 2)
print(p, p == q, p is q, Point(3))
print(Point.__doc__, Point.__match_args__, Point.__hash__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__qualname__)
print([f.name for f in fields(Point)], [f.type for f in fields(p)], fields(Point)[1].default)
print(sys.getrefcount(p), Point.y)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: list = field(default_factory=list, compare=False)


a = Version(1, 2)
b = Version(1, 3)
print(a < b, a <= b, a > b, sorted([b, a]), hash(a) == hash(Version(1, 2)))
try:
    a.major = 5
except Exception as e:
    print(type(e).__name__, e)
print(a.tags is Version(1).tags, a.tags)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Order:
        x: int = 1
        y: int
except TypeError as e:
    print(e)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)

    def __post_init__(self):
        self.total = self.value * 2


n = Node(3)
n.children.append(n)
print(n, n.total)
print(Point.__dataclass_params__)
print(Point(1) != Point(2), Point(1) == (1, 0))

# What the generated methods hold, and the objects' sizes and tracking.
label = "origin-label"
before = sys.getrefcount(label)


@dataclass
class Labelled:
    name: str = label
    size: float = 1.5


print(sys.getrefcount(label) - before, Labelled.__init__.__defaults__, Labelled.name is label)
print(Labelled.__init__.__annotations__, Labelled.__eq__(Labelled(), 5))
m = Labelled()
print(sys.getsizeof(m), gc.is_tracked(m), m.__dict__, sys.getrefcount(m))
print(Labelled.__repr__.__wrapped__.__qualname__, Labelled.__repr__.__name__)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    del a.minor
except Exception as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
print(hash(Point) == hash(Point), Version.__hash__ is not None, Point(1, 2).__eq__(Point(1, 2)))


@dataclass(eq=False)
class Plain:
    v: int


print(Plain(1) == Plain(1), "__hash__" in Plain.__dict__, "__eq__" in Plain.__dict__)


@dataclass(unsafe_hash=True)
class Hashed:
    k: int
    note: str = field(default="", hash=False, compare=False, repr=False)


print(hash(Hashed(7)) == hash((7,)), Hashed(7, "a") == Hashed(7, "b"), Hashed(7, "x"))


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), Empty.__doc__, fields(Empty))
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)
try:
    fields(5)
except TypeError as e:
    print(e)
