# The references a dict or set holds while the program's __hash__ and __eq__ run: PyDict_SetItem takes
# its own to the key and value before hashing, a lookup holds one to the stored key it compares
# (Py_INCREF(startkey)), set_add_entry takes its own before probing, dict.update(dict) reuses the
# stored hashes and holds one more to each key and value while it inserts.
import sys
class K:
    def __init__(self, n): self.n = n
    def __hash__(self):
        print("hash", self.n, sys.getrefcount(self))
        return 1
    def __eq__(self, other):
        print("eq", self.n, other.n, sys.getrefcount(self), sys.getrefcount(other))
        return self.n == other.n
a, b, c = K("a"), K("b"), K("a")
v = [0]
d = {a: v}
print(sys.getrefcount(v))
d[b] = v
d[c] = "replaced"
print(len(d), d[a], sys.getrefcount(v))
e = dict([(a, 1)])
e.update({b: 2})
s = {a}
s.add(b)
print(a in d, d.get(b), sys.getrefcount(a))
