# itertools.tee: copies share the values read so far until every copy has passed them.
import sys
from itertools import tee

class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("freed", self.n)

def items(k):
    for i in range(k):
        yield Item(i)

a, b = tee(items(3))
print(type(a).__name__, a is not b)
x = next(a)
print(sys.getrefcount(x))
del x
print("advancing b")
print(next(b).n)
print([i.n for i in a])
print("a done")
print([i.n for i in b])
print("b done")
c, d, e = tee("xyz", 3)
print(list(c), list(d), next(e))
f, = tee(range(2), 1)
print(list(f), tee([1], 0))
g, h = tee(range(120))
print(sum(g), sum(h))
