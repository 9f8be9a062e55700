import weakref, sys, gc

class Counter:
    def __init__(self, name):
        self.name = name
        self.hits = 0
    def bump(self):
        self.hits += 1
        return self.hits
    def __del__(self):
        print('del', self.name)

def dead(wm):
    print('method gone', type(wm).__name__, wm())

c = Counter('c')
print(sys.getrefcount(c), weakref.getweakrefcount(c))
wm = weakref.WeakMethod(c.bump, dead)
print(sys.getrefcount(c), weakref.getweakrefcount(c), weakref.getweakrefcount(wm))
print(type(wm).__name__, isinstance(wm, weakref.ref), isinstance(wm, weakref.WeakMethod))
m = wm()
print(type(m).__name__, m(), wm()(), m == wm(), m is wm())
print(sys.getrefcount(c))
del m
print(sys.getrefcount(c))
wm2 = weakref.WeakMethod(c.bump)
print(wm == wm2, wm != wm2, hash(wm) == hash(wm2), wm2 is wm)
plain = weakref.ref(c.bump)
print(plain())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print('TypeError:', e)
try:
    weakref.WeakMethod(Counter.bump)
except TypeError as e:
    print('TypeError:', e)
del c
print('after del', wm(), wm2())
print(wm == wm2, wm == wm)
k = Counter('k')
wk = weakref.WeakMethod(k.bump, dead)
del wk
del k
print('end')
