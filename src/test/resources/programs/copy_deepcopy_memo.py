# copy.deepcopy as Lib/copy.py runs it: the memo dict a __deepcopy__ hook is given (id keys, the
# copies, and under id(memo) the list keeping originals alive), what copy.py's frames hold while a
# hook runs, and what a memo the program passes keeps alive afterwards.
import copy
import sys

class Leaf:
    def __deepcopy__(self, memo):
        # Our refs plus deepcopy's x, the bound copier and self; a dict or list loop adds its own.
        print("Leaf hook: refcount", sys.getrefcount(self), "memo entries", len(memo))
        return Leaf()

class Tree:
    def __init__(self):
        self.items = [Leaf(), Leaf()]

    def __deepcopy__(self, memo):
        print("Tree hook:", sys.getrefcount(self), len(memo), type(memo).__name__)
        new = Tree.__new__(Tree)
        memo[id(self)] = new
        new.items = copy.deepcopy(self.items, memo)
        print("after the items:", len(memo), id(self) in memo)
        return new

t = Tree()
u = copy.deepcopy(t)
print(u.items is t.items, u.items[0] is t.items[0], type(u.items[1]).__name__)

# The same object twice: copied once, the memo answering the second time.
m = {}
pair = copy.deepcopy([t, t], m)
print(len(m), pair[0] is pair[1], sys.getrefcount(t))
kept = m[id(m)]
print([type(o).__name__ for o in kept])
del m, kept
print(sys.getrefcount(t))

# Where a hook sits changes what copy.py holds: a dict's items, a tuple's comprehension.
copy.deepcopy({"k": Leaf()})
copy.deepcopy((Leaf(), 1))

class Plain:
    def __init__(self):
        self.v = Leaf()
        self.data = [1, 2]

# A plain instance goes through __reduce_ex__(4): the class gains __slotnames__, the memo the
# instance, a copy of its __dict__ and of each mutable value.
p = Plain()
m = {}
q = copy.deepcopy(p, m)
print(Plain.__slotnames__, len(m), sys.getrefcount(p), sys.getrefcount(p.__dict__), sys.getrefcount(q.data))
del m
print(sys.getrefcount(p), sys.getrefcount(q.data))

# Cycles: the memo entry made before the contents are copied closes the loop in the copy.
a = [1]
a.append(a)
b = copy.deepcopy(a)
print(b[1] is b, b is not a)
p.me = p
r = copy.deepcopy(p)
print(r.me is r, r.data is not p.data)

# Sets and frozensets reduce to (cls, (list(x),)): the list copy is memoized too.
s = {1, (2, 3), frozenset({4})}
m = {}
s2 = copy.deepcopy(s, m)
print(len(m), s2 == s, s2 is s, sorted(type(v).__name__ for v in m.values()))

# object() is not an atomic: it is reconstructed as object.__new__(object).
o = object()
print(copy.deepcopy(o) is o, copy.copy(o) is o)

# A user __new__ runs for the copy; __setstate__ receives the state instead of __dict__.update.
class Hooked:
    def __new__(cls, *args):
        print("__new__", args)
        return super().__new__(cls)

    def __init__(self):
        self.a = [1]

    def __setstate__(self, state):
        print("__setstate__", state)
        self.__dict__.update(state)

h = Hooked()
h1 = copy.copy(h)
h2 = copy.deepcopy(h)
print(h1.a is h.a, h2.a is h.a, h2.a == h.a)

# A bound method is rebound to a deep copy of its object.
class M:
    def meth(self):
        return self

bound = M().meth
again = copy.deepcopy(bound)
print(again is bound, again() is bound(), type(again()).__name__)
