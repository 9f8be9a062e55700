# Slices across versions: built at run time by BUILD_SLICE (3.11), by BINARY_SLICE for a[lo:hi]
# (3.12), a constant of the code when every bound is a literal (3.14); hashable from 3.12.
import sys


class Keys:
    def __getitem__(self, key):
        return key

    def __setitem__(self, key, value):
        self.stored = key


k = Keys()


def same():
    return k[1:2] is k[1:2]


print(same(), k[::2] is k[::2])
lo = 1
print(k[lo:2] is k[lo:2], k[-1:] is k[-1:])
s = k[1:3]
print(s, sys.getrefcount(s))
k[1:3] = 0
print(k.stored == s, k.stored is s)
del s, k.stored
t = k[lo:5]
print(t, sys.getrefcount(t))
try:
    print(hash(slice(1, 2)) == hash(slice(1, 2)), {slice(1, 2): "x"}[slice(1, 2)])
except TypeError as e:
    print(e)
