# copy.copy honours a class's __copy__: what it returns is the copy, shared parts and all.
import copy
import sys

class Matrix:
    def __init__(self, rows):
        self.rows = rows
        self.copies = 0

    def __copy__(self):
        print("__copy__ called")
        m = Matrix([row[:] for row in self.rows])
        m.copies = self.copies + 1
        return m

a = Matrix([[1, 2], [3, 4]])
b = copy.copy(a)
print(b is a, b.rows == a.rows, b.rows is a.rows, b.rows[0] is a.rows[0], b.copies)

class Cached:
    def __copy__(self):
        return self

c = Cached()
before = sys.getrefcount(c)
d = copy.copy(c)
print(d is c, sys.getrefcount(c) - before)

class Plain:
    def __init__(self):
        self.items = [1]

p = Plain()
q = copy.copy(p)
print(q is p, q.items is p.items)
