# __sizeof__ is the object's own memory; sys.getsizeof adds the 16-byte GC header of an object the
# collector tracks by type (lists, tuples, dicts, instances), and nothing for ints or strings.
import sys


class A:
    pass


class S:
    __slots__ = ("a", "b")


for o in ([], [1, 2, 3], (), (1, 2), {}, {"a": 1}, set(), 5, 2**100, 1.5, "abc", "é", b"xy", object(), A(), S(), range(3)):
    print(type(o).__name__, o.__sizeof__(), sys.getsizeof(o), sys.getsizeof(o) - o.__sizeof__())
