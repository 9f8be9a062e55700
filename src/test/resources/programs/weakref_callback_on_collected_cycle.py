import gc, weakref
class Node:
    pass
def gone(r):
    print("gone", r() is None)
gc.disable()
n = Node()
n.self = n
w = weakref.ref(n, gone)
print(weakref.getweakrefcount(n))
del n
print("before collect")
print(gc.collect())
print(w() is None)
