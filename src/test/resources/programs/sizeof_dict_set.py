# sys.getsizeof of dicts and sets: the keys table's growth, its str-only and general kinds, copies.
import copy
import sys

x = 7
print("literals", [sys.getsizeof(d) for d in ({}, {"a": 1}, {1: 1}, {"a": 1, 2: 2}, {"a": x, "b": x, "c": x, "d": x, "e": x},
                                              {"a": x, "b": x, "c": x, "d": x, "e": x, "f": x},
                                              {1: x, 2: x, 3: x, 4: x, 5: x, 6: x, 7: x, 8: x, 9: x, 10: x, 11: x})])
d = {}
sizes = []
for i in range(200):
    d["k" + str(i)] = i
    sizes.append(sys.getsizeof(d))
print("str keys", sorted(set(sizes)), [sizes.index(s) for s in sorted(set(sizes))])
d = {}
sizes = []
for i in range(200):
    d[i] = i
    sizes.append(sys.getsizeof(d))
print("int keys", sorted(set(sizes)), [sizes.index(s) for s in sorted(set(sizes))])
d = {"a": 1, "b": 2}
print("str table", sys.getsizeof(d))
d[3] = 3
print("turned general", sys.getsizeof(d))
for k in list(d):
    del d[k]
print("emptied by del", sys.getsizeof(d))
d.clear()
print("cleared", sys.getsizeof(d))
d = {}
for i in range(20):
    d[i] = i
    del d[i]
print("insert and delete", sys.getsizeof(d))
print("comprehensions", [sys.getsizeof({i: i for i in range(n)}) for n in (0, 1, 5, 6, 10, 11, 21, 22, 50)])
print("dict()", sys.getsizeof(dict()), sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict([(1, 2), (3, 4)])),
      sys.getsizeof(dict({"a": 1})), sys.getsizeof(dict({i: i for i in range(30)})))
big = {i: i for i in range(30)}
print("copies", sys.getsizeof(big.copy()), sys.getsizeof(copy.copy(big)), sys.getsizeof(copy.deepcopy(big)),
      sys.getsizeof({}.copy()), sys.getsizeof({"a": 1}.copy()))
for k in range(25):
    del big[k]
print("copy of a sparse dict", sys.getsizeof(big), sys.getsizeof(big.copy()))
d = {"a": 1}
d.update({"b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7})
print("update", sys.getsizeof(d))
d = {}
d.update(a=1, b=2, c=3, d=4, e=5, f=6)
print("update keywords", sys.getsizeof(d))
d = {"z": 0}
d.update(a=1, b=2, c=3, d=4, e=5, f=6)
print("update keywords into one", sys.getsizeof(d))
d = {1: 1}
d.update({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5})
print("update str into general", sys.getsizeof(d))

print("set literals", [sys.getsizeof(s) for s in (set(), {1}, {1, 2, 3}, {1, 2, 3, 4, 5}, {x}, {1, 2, 3, 4, 5, 6, 7, 8})])
s = set()
sizes = []
for i in range(300):
    s.add(i)
    sizes.append(sys.getsizeof(s))
print("set add", sorted(set(sizes)), [sizes.index(v) for v in sorted(set(sizes))])
print("set()", [sys.getsizeof(set(range(n))) for n in (0, 4, 5, 10, 20, 40)], sys.getsizeof(frozenset(range(10))),
      sys.getsizeof(set({i: i for i in range(10)})), sys.getsizeof(set(set(range(10)))))
print("set comprehension", [sys.getsizeof({i for i in range(n)}) for n in (0, 4, 5, 19, 20)])
s = set(range(100))
for i in range(95):
    s.discard(i)
print("set after discards", sys.getsizeof(s))
s.clear()
print("set cleared", sys.getsizeof(s))
a, b = set(range(10)), set(range(5, 30))
print("set ops", sys.getsizeof(a | b), sys.getsizeof(a & b), sys.getsizeof(a - b), sys.getsizeof(a ^ b), sys.getsizeof(a.copy()))
a, b = {1, 9, 17, 25, 33, 2, 10}, {33, 25, 3, 11, 19, 1, 40, 48, 56, 64}
print("set op orders", list(a | b), list(a & b), list(b & a), list(a - b), list(b - a), list(a ^ b), list(b ^ a))
print("small minus", list(set(range(0, 64, 8)) - {8}))
