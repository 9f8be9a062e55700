# Generator expressions: their own code object; only the first iterable is evaluated at once.
import sys

def source(name, n):
    print("evaluating", name)
    return range(n)

gen = (x * y for x in source("outer", 2) for y in source("inner", 2))
print("made")
print(list(gen))
print(list(gen))

items = [1, 2, 3]
print(sys.getrefcount(items))
g = (i for i in items)
print(sys.getrefcount(items))
print(type(g).__name__, g.__name__, g.__qualname__, g.gi_code.co_name)
print(next(g), sorted(g.gi_frame.f_locals))
del g
print(sys.getrefcount(items))

def scale(k):
    return (k * v for v in range(3))
print(list(scale(10)))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
print(tuple(c for c in "hey" if c != "e"))
print(list(x for x in [0]), [y for y in (z + 1 for z in range(2))])
