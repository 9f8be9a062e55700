import sys
import gc

add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print(add.__name__, add.__qualname__)
print(repr(add).startswith('<function <lambda> at 0x'))

default = [1]
grab = lambda d=default: d
print(grab() is default, sys.getrefcount(default))
del grab
print(sys.getrefcount(default))

def counter(start):
    box = [start]
    bump = lambda: box.append(len(box)) or box
    return bump

c = counter(5)
print(c(), c())
print(c.__qualname__)

def adders():
    return [lambda x, n=n: x + n for n in range(3)]

print([f(10) for f in adders()])

def late():
    return [lambda: n for n in range(3)]

print([f() for f in late()])

holder = []
fn = lambda: holder
print(sys.getrefcount(fn), fn() is holder)
alias = fn
print(sys.getrefcount(fn))
del alias
print(sys.getrefcount(fn))

import weakref
w = weakref.ref(fn)
del fn
print(w() is None)

pairs = [(3, 'c'), (1, 'a'), (2, 'b')]
print(sorted(pairs, key=lambda p: p[0]))
print((lambda: 42)())
square = lambda v: v * v
print([square(v) for v in range(4)])
