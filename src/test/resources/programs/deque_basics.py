import sys
import gc
from collections import deque

# A deque holds its items: each append adds one reference.
x = [1, 2]
d = deque()
print(sys.getrefcount(x))
d.append(x)
d.appendleft(x)
print(sys.getrefcount(x), len(d))
print(d.pop() is x, sys.getrefcount(x))
d.clear()
print(sys.getrefcount(x), d, bool(d))

# maxlen: appending to a full deque drops the item at the other end.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
    def __repr__(self):
        return "T(" + self.name + ")"

r = deque(maxlen=2)
r.append(Tracked("a"))
r.append(Tracked("b"))
print("appending c")
r.append(Tracked("c"))
print(r, r.maxlen)
print("appendleft z")
r.appendleft(Tracked("z"))
print(r)
print("extend")
r.extend([Tracked("p"), Tracked("q")])
print("rotate")
r.rotate()
print(r)
del r
print("after del")

# getsizeof counts 64-slot blocks.
d = deque()
sizes = []
for i in range(200):
    d.append(i)
    sizes.append(sys.getsizeof(d))
print(sorted(set(sizes)))
print(sys.getsizeof(deque()), sys.getsizeof(deque(range(63))), sys.getsizeof(deque(range(64))))
e = deque()
for i in range(40):
    e.appendleft(i)
print(sys.getsizeof(e))
while e:
    e.popleft()
    if len(e) in (39, 33, 32, 31, 8, 1, 0):
        print(len(e), sys.getsizeof(e))
f = deque(range(100))
for n in (1, 5, -7, 30, -63, 64, 200, -1000):
    f.rotate(n)
    print(n, f[0], f[-1], sys.getsizeof(f))
f.extendleft(range(3))
print(list(f)[:5], sys.getsizeof(f))
f.insert(50, "mid")
print(f.index("mid"), sys.getsizeof(f))
f.remove("mid")
del f[10]
print(len(f), sys.getsizeof(f), f.count(0))
g = deque(range(70))
for i in range(70):
    g.pop()
print(sys.getsizeof(g))
g.extendleft("ab")
print(g, sys.getsizeof(g))

# Indexing, search, comparison, copies.
d = deque("abcde")
print(d[0], d[-1], d[2], "c" in d, "z" in d, d.index("d"), d.count("a"))
d[1] = "B"
print(d, d == deque("aBcde"), d < deque("b"), d == list(d))
c = d.copy()
print(c == d, c is d, c[0] is d[0])
d.reverse()
print(d, list(reversed(d)))
try:
    d["x"]
except TypeError as exc:
    print(exc)
try:
    d[10]
except IndexError as exc:
    print(exc)
try:
    hash(d)
except TypeError as exc:
    print(exc)
try:
    deque().pop()
except IndexError as exc:
    print(exc)
try:
    deque(maxlen=-1)
except ValueError as exc:
    print(exc)
try:
    d.remove("q")
except ValueError as exc:
    print(exc)
try:
    deque([1], maxlen=1).insert(0, 2)
except IndexError as exc:
    print(exc)
try:
    d + [1]
except TypeError as exc:
    print(exc)
d += "xy"
print(d, d + deque("!"))

# Iterators keep the deque alive and notice changes.
it = iter(d)
print(next(it), type(it).__name__, sys.getrefcount(d))
d.append("more")
try:
    next(it)
except RuntimeError as exc:
    print(exc)
del it

# A deque in a cycle is collected.
gc.collect()
cyc = deque()
cyc.append(cyc)
print(cyc, gc.is_tracked(cyc), gc.get_referents(cyc)[0] is cyc)
del cyc
print(gc.collect())
print(repr(deque([1, 2], maxlen=5)), type(deque()), deque.__name__)
