# hash() of numbers: CPython reduces them modulo the Mersenne prime 2**61 - 1,
# so equal numbers of different types hash alike (1 == 1.0 == True).

for n in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**64 + 5, -(2**70), 10**30, 2**63 - 1]:
    print(n, hash(n))

print(hash(True), hash(False))
print(hash(-1) == hash(-2))   # -1 is the C error value, so it becomes -2

for x in [0.0, -0.0, 1.0, 1.5, -2.25, 0.1, 1e100, -1e-300, 3.141592653589793, float('inf'), float('-inf')]:
    print(x, hash(x))
print(hash(1) == hash(1.0) == hash(True))

# Tuples: xxHash-style combination of the items' hashes (3.8+).
print(hash(()))
print(hash((1, 2)), hash((2, 1)))
print(hash((1, (2, 3), -1.5)))
print(hash(((), ((),))))

# Frozensets: order-free combination of members' hashes.
print(hash(frozenset()))
print(hash(frozenset([1, 2, 3])) == hash(frozenset([3, 2, 1])))
print(hash(frozenset([1, 2, 3])))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))


print(hash(Point(1, 2)) == hash((1, 2)))


class MinusOne:
    def __hash__(self):
        return -1


print(hash(MinusOne()))
