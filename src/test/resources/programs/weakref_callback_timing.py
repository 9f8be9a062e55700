import weakref, sys, gc

class C:
    pass

def cb(w):
    print('callback, count of the reference:', sys.getrefcount(w))

# One reference with a callback is called as it is; several are held together until all ran.
c = C()
r = weakref.ref(c, cb)
del c
c = C()
r1 = weakref.ref(c, cb)
r2 = weakref.ref(c, cb)
del c

holder = {}
def drop_other(w):
    print('other still held:', holder.get('other') is not None, sys.getrefcount(w))
    holder.clear()
d = C()
holder['other'] = weakref.ref(d, drop_other)
w1 = weakref.ref(d, drop_other)
del d

# A collection counts the weak references its callbacks freed: a weak value dict's KeyedRef.
class Node:
    def __init__(self, name):
        self.name = name
a, b = Node('a'), Node('b')
a.peer, b.peer = b, a
cache = weakref.WeakValueDictionary()
cache['a'] = a
del a, b
print('collected', gc.collect(), len(cache))

# After a collection the callback stays on a reference that survives; after a plain death it goes.
def noted(w):
    print('noted; callback still set:', w.__callback__ is noted)
x = C()
x.me = x
rx = weakref.ref(x, noted)
del x
print('collected', gc.collect(), rx.__callback__ is noted)
y = C()
ry = weakref.ref(y, noted)
del y
print(ry.__callback__)
