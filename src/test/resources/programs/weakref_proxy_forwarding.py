import weakref, sys

class Box:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __add__(self, other):
        print('add', type(other).__name__)
        return NotImplemented
    def __radd__(self, other):
        print('radd', type(other).__name__)
        return len(self.items) + other
    def __neg__(self):
        return -len(self.items)
    def __bool__(self):
        return bool(self.items)
    def __str__(self):
        return 'Box of %d' % len(self.items)
    def __eq__(self, other):
        print('eq', type(other).__name__)
        return NotImplemented
    def __hash__(self):
        return 7

b = Box([1, 2, 3])
p = weakref.proxy(b)
print(len(p), p[0], 2 in p, list(p), str(p), bool(p), -p)
p[0] = 9
del p[1]
print(b.items, sorted(p), max(p), sum(p))
for x in p:
    print(x, end=' ')
print()
print(1 + p)
try:
    print(p + 1)
except TypeError as e:
    print('TypeError:', e)
print(p == b, b == p, 1 == p)
other = Box([])
print(other == p)
print(sys.getrefcount(b))
q = p
try:
    q += 1
except TypeError as e:
    print('TypeError:', e)
p.extra = 'x'
print(b.extra, hasattr(p, 'extra'), getattr(p, 'missing', 'default'))
del p.extra
print(hasattr(b, 'extra'))
it = iter(p)
print(type(it).__name__)
try:
    next(p)
except TypeError as e:
    print('TypeError:', e)
del b
for op in (len, str, bool, list, lambda x: x.items, lambda x: x[0], lambda x: 1 in x, lambda x: -x):
    try:
        op(p)
    except ReferenceError as e:
        print('ReferenceError:', e)
