# functools.total_ordering fills in the missing comparisons with functions of the functools module
# itself (Lib/functools.py's _gt_from_lt and friends), shared by every class it decorates: each is
# renamed (__name__) to the slot it fills, keeps its own __qualname__, and calls the root method
# through type(self), then == or != where the derivation needs them.
import functools

@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("eq", self.n, other.n)
        return self.n == other.n

    def __lt__(self, other):
        print("lt", self.n, other.n)
        if not isinstance(other, Version):
            return NotImplemented
        return self.n < other.n

a, b = Version(1), Version(2)
print(a > b)
print(a <= b)
print(b <= b)
print(a >= b)
print(Version.__gt__.__name__, Version.__gt__.__qualname__, Version.__gt__.__module__)
print(Version.__lt__.__qualname__, Version.__le__.__name__, type(Version.__ge__).__name__, type(a.__gt__).__name__, a.__gt__.__func__ is Version.__gt__)

@functools.total_ordering
class Grade:
    def __init__(self, n):
        self.n = n

    def __ge__(self, other):
        return self.n >= other.n

    def __gt__(self, other):
        return self.n > other.n

print(Grade.__le__.__qualname__, Grade.__lt__.__qualname__, Grade.__ge__.__qualname__)
print(Grade(1) < Grade(2), Grade(2) <= Grade(2), Grade(3) <= Grade(2))

@functools.total_ordering
class Other:
    def __lt__(self, other):
        return True

print(Other.__gt__ is Version.__gt__, Other.__le__.__doc__)
print(sorted([Version(3), Version(1)], key=lambda v: v)[0].n)
try:
    @functools.total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(e)
print(functools.total_ordering(Version) is Version)
