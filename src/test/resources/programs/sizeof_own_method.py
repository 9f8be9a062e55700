# sys.getsizeof asks a class's own __sizeof__ and adds what CPython 3.11 puts before the object: the
# GC header (16 bytes) and, for an instance with a __dict__, the managed dict's two pointers (16).
import sys


class Sized:
    def __sizeof__(self):
        return 10


class Negative:
    def __sizeof__(self):
        return -1


class Fractional:
    def __sizeof__(self):
        return 1.5


class Truth:
    def __sizeof__(self):
        return True


class Slotted:
    __slots__ = ("x",)

    def __sizeof__(self):
        return 5


class Raises:
    def __sizeof__(self):
        raise TypeError("no size")


s = Sized()
print(sys.getsizeof(s), s.__sizeof__(), object.__sizeof__(s))
print(sys.getsizeof(Truth()), sys.getsizeof(Slotted()))
print(sys.getsizeof(Fractional(), "default"), sys.getsizeof(Raises(), -1))
for obj in (Negative(), Fractional()):
    try:
        sys.getsizeof(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    sys.getsizeof(Negative(), 0)
except ValueError as e:
    print("a default does not catch a ValueError:", e)
