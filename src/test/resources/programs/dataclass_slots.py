# dataclass(slots=True): _add_slots makes a new class with __slots__ the fields, so instances have no
# __dict__, are the size of their slots, and a field default lives only in __init__.
from dataclasses import dataclass, field, fields
import gc
import sys


@dataclass(slots=True)
class Pixel:
    x: int
    y: int = 0
    tag: str = field(default="p", init=False)


p = Pixel(3)
print(p, p.tag, Pixel.__slots__, sys.getsizeof(p), hasattr(p, "__dict__"), Pixel.__qualname__)
try:
    p.z = 1
except AttributeError as e:
    print(e)
print([f.name for f in fields(Pixel)], Pixel.__doc__, sys.getrefcount(p), gc.is_tracked(p))
print(Pixel(1, 2) == Pixel(1, 2), Pixel.__init__.__qualname__, Pixel.__init__.__defaults__)
try:
    @dataclass(slots=True)
    class Twice:
        __slots__ = ("a",)
        a: int
except TypeError as e:
    print(e)
k = id(p)
del p
gc.collect()
q = Pixel(5, 6)
print(q, id(q) == k)
