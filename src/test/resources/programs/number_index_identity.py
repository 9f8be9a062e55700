# PyNumber_Index hands back the int itself, or the very int a class's __index__ returns: what
# operator.index, range() and an item index get is that object, never a copy.
import operator
import sys

big = 10 ** 20
print(operator.index(big) is big)
n = 1000 + int("1")
print(operator.index(n) is n)
print(operator.index(True), type(operator.index(True)).__name__, operator.index(True) is int("1"))


class Position:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


p = Position(10 ** 6 + 1)
print(operator.index(p) is p.v)
r = range(p)
print(r, r.stop is p.v, len(r))
r = range(Position(2), Position(11), Position(3))
print(r, list(r))
print(sys.getrefcount(p.v))
items = ["a", "b", "c"]
print(items[Position(1)], items[Position(-1)])


class Sized:
    def __len__(self):
        return Position(4)


print(len(Sized()))


class Bad:
    def __index__(self):
        return "3"


for make in (lambda: operator.index(Bad()), lambda: range(Bad()), lambda: items[Bad()], lambda: range(1.5)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
