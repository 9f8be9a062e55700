import sys
data = [1, 2, 3, 4, 5]
if (n := len(data)) > 3:
    print("long", n)
print(n)
values = [y for x in data if (y := x * 2) > 4]
print(values, y)
def f():
    total = 0
    out = [total := total + v for v in range(4)]
    return out, total
print(f())
obj = [1, 2]
print(sys.getrefcount(obj))
print((alias := obj) is obj, sys.getrefcount(obj))
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)
def g():
    return [(last := i) for i in range(3)], last
print(g())
print(any((hit := v) > 2 for v in [1, 5, 3]), hit)
def h():
    xs = [1, 2, 3]
    gen = ((m := v) for v in xs)
    return list(gen), m
print(h())
x = (z := 10) + z
print(x, z)
print(f"{(w := 5)} {w}")
lst = [w := 1, w + 1]
print(lst)
class C:
    q = (p := 3)
print(C.q, C.p)
def k():
    def inner():
        return [(s := j) for j in "ab"]
    r = inner()
    return r
print(k())
print(sys.getrefcount(alias))
def counts():
    items = [[i] for i in range(2)]
    picked = [(keep := o) for o in items]
    return sys.getrefcount(keep), sys.getrefcount(items[0]), len(picked)
print(counts())
def gen_counts():
    items = [[i] for i in range(2)]
    g = ((held := o) for o in items)
    first = next(g)
    return sys.getrefcount(first), first is items[0]
print(gen_counts())
