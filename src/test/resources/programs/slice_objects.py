# slice objects: construction, attributes, indices, repr, comparison, hashing, sizes, and the
# one-slot slice cache that makes a dead slice's memory the next slice's.
import gc
import sys


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


s = slice(1, 10, 2)
print(s, repr(s), str(s), s.start, s.stop, s.step)
print(slice(5), slice(None, 5), slice(2, 8), slice(1.5, "a", [1]))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(-100, 100, 3).indices(7))
print(slice(1).indices(2 ** 70), slice(2 ** 80, None, -1).indices(5))
attempt("no args", lambda: slice())
attempt("four args", lambda: slice(1, 2, 3, 4))
attempt("keyword", lambda: slice(stop=3))
attempt("negative length", lambda: slice(1).indices(-1))
attempt("str length", lambda: slice(1).indices("a"))
attempt("zero step", lambda: slice(0, 5, 0).indices(3))
attempt("str bound", lambda: slice("a").indices(3))
attempt("float bound", lambda: [1, 2, 3][1.0:])
attempt("order with int", lambda: slice(1) < 3)
attempt("hash", lambda: hash(slice(1)))
attempt("mixed bounds", lambda: slice(1, 2) < slice(1, "a"))
attempt("descriptor", lambda: slice.indices(1))
attempt("set start", lambda: setattr(s, "start", 3))
print(slice(3) == slice(None, 3), slice(1, 2) < slice(1, 3), slice(1, 2) != slice(1, 2), s == s, s <= s, s < s)
print(slice(1) == 1, type(s).__name__)
print([0, 1, 2, 3, 4, 5][slice(1, 4)], "abcdef"[slice(None, None, -1)], (1, 2, 3)[slice(1)])
print([0, 1, 2][2 ** 70:], [0, 1, 2][-2 ** 70:], [0, 1, 2][::-2 ** 70])

# A slice holds references to its bounds and is tracked by the collector.
bound = [7]
t = slice(bound, None)
print(sys.getrefcount(bound), sys.getrefcount(t), gc.is_tracked(t))
del t
print(sys.getrefcount(bound))
print(sys.getsizeof(s), sys.getsizeof(slice(None)))

# The cache: a dead slice is kept for the next one, so a new slice takes its address, and a
# subscript a[1:2] builds (and frees) a slice too.
class Three:
    __slots__ = ("a", "b", "c")  # 56 bytes as a slice is, so from the same size class


k = id(s)
del s
other = Three()
print(id(other) == k)
u = slice(3)
print(id(u) == k)
data = list(range(10))
del u
part = data[2:5]
v = slice(4)
print(id(v) == k, part)
w = slice(6)
print(id(w) == k, id(w) == id(v))


class Keys:
    def __getitem__(self, key):
        self.last = key
        return key


keys = Keys()
first = keys[1:2]
print(first, first is keys.last, sys.getrefcount(first))
second = keys[1:2]
print(second == first, second is first, keys[::3], keys[1:2, ::-1])
del first, second, keys.last
x = slice(0)
print(x)
