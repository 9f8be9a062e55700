import sys


class Bag:
    """Iterable only through __getitem__: the sequence protocol iter() falls back to."""

    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        print("getitem", i)
        return self.items[i]


class Countdown:
    def __getitem__(self, i):
        if i >= 3:
            raise StopIteration
        return 3 - i


b = Bag(["a", "b"])
print(list(b))
for x in b:
    print("loop", x)
print("b" in b, "z" in b)
it = iter(b)
print(type(it).__name__)
print(sys.getrefcount(b))
print(next(it))
print(next(it))
print(next(it, "done"))
print(sys.getrefcount(b))
print(list(Countdown()))
a, c, d = Countdown()
print(a, c, d)
print(sorted(Countdown()), sum(Countdown()), max(Countdown()))


class NotIterable:
    pass


try:
    iter(NotIterable())
except TypeError as e:
    print(e)
