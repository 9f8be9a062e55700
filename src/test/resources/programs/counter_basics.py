from collections import Counter

c = Counter("abracadabra")
print(c, type(c), isinstance(c, dict), len(c))
print(c["a"], c["zz"], "zz" in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(0))
print(sorted(c.elements()), list(Counter(x=2, y=0, z=-1).elements()))
print(c.total(), Counter().total())
print(Counter(), repr(Counter()), Counter({"k": 3, "j": 5}), Counter(a=1, b=2))

# update adds, subtract takes away (below zero too).
c.update("aab")
c.update({"z": 2})
c.update(a=10)
print(c)
c.subtract("zz")
c.subtract({"a": 100}, r=1)
print(c)

# del of a missing element is no error.
del c["nothing"]
del c["z"]
print(c, len(c))

# Arithmetic keeps only positive counts.
p = Counter(a=3, b=1, c=0)
q = Counter(a=1, b=2, d=4)
print(p + q, p - q, q - p, p | q, p & q)
print(+Counter(a=1, b=-2, c=0), -Counter(a=1, b=-2, c=0))
p += q
print(p)
p -= Counter(a=10)
print(p)
p |= Counter(x=5)
p &= Counter(b=1, d=2, x=9)
print(p)

# Missing counts are zero when Counters compare.
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1}, Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1, b=0), Counter(a=2) > Counter())
try:
    Counter() < {}
except TypeError as e:
    print(e)
try:
    hash(Counter())
except TypeError as e:
    print(e)
try:
    Counter(1)
except TypeError as e:
    print(e)

d = c.copy()
print(d == c, d is c, type(d).__name__)
print(Counter([1, 1, 2]) + Counter([2, 3]))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(1)[0])
print(Counter({"x": 1.5, "y": 2}), Counter({"u": "s", "v": "t"}).most_common())
