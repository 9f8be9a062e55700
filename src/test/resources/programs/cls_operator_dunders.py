# Operator dunders of a class: arithmetic with its reflected and in-place forms, comparisons,
# __hash__ with __eq__, __bool__, __len__, __contains__, items, __call__, __repr__/__str__/__format__.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return V(-self.x, -self.y)

    def __eq__(self, other):
        return isinstance(other, V) and (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __repr__(self):
        return f"V({self.x}, {self.y})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __format__(self, spec):
        return f"V[{format(self.x, spec)}]"

    def __bool__(self):
        return bool(self.x or self.y)

a, b = V(1, 2), V(3, 4)
print(a + b, repr(a + b), 3 * a, a * 2, -a)
print(sum([a, b]))
c = a
a += b
print(a, c is a)
print(a == V(4, 6), a != b, a < b, b > a)
print(sorted([b, V(0, 0), V(1, 1)]))
print(bool(V(0, 0)), bool(a), f"{a:>3}", str(a), [a])
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
print(V.__hash__)

class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __contains__(self, x):
        return x in self.items

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __call__(self, x):
        return x * len(self)

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return self is other

bag = Bag(1, 2, 3)
print(len(bag), 2 in bag, 5 in bag, bag[0], bag[-1], bag(10), bool(Bag()))
bag[0] = 9
del bag[1]
print(bag.items, hash(bag), {bag: 1}[bag])
