import sys

first, *rest = [1, 2, 3, 4]
print(first, rest, type(rest).__name__)
*init, last = (10, 20, 30)
print(init, last)
a, *mid, z = "abcde"
print(a, mid, z)
head, *empty = [7]
print(head, empty, sys.getsizeof(empty))
x, *ys, w = range(10)
print(x, ys, w, sys.getsizeof(ys))
p, *q = iter([1, 2, 3])
print(p, q, sys.getsizeof(q))
[m, *n] = (5, 6)
print(m, n)
for k, *vs in [(1, 2, 3), (4,)]:
    print(k, vs)
items = [[1, 2], [3, 4, 5]]
print([tail for _, *tail in items])
big = [object() for _ in range(3)]
o1, *os_ = big
print(sys.getrefcount(big[1]), os_[0] is big[1])
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b, *c = [1]
except ValueError as e:
    print(e)
try:
    a, *b = 5
except TypeError as e:
    print(e)
s = [1, 2, 3]
h, *t = s
print(t is s, t == s[1:], id(t) != id(s))
