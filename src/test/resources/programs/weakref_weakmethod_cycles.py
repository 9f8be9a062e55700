import weakref, sys, gc

def gone(wm):
    print('callback', type(wm).__name__, wm._alive, wm())

class D:
    def m(self):
        return 'm'

d = D()
d.me = d
d.wm = weakref.WeakMethod(d.m, gone)
del d
print('collected', gc.collect())

e = D()
e.me = e
keep = weakref.WeakMethod(e.m, gone)
del e
print('collected', gc.collect())
print(keep())

f = D()
w1 = weakref.WeakMethod(f.m)
w2 = weakref.WeakMethod(f.m, gone)
r = weakref.ref(f)
print([type(x).__name__ for x in weakref.getweakrefs(f)], weakref.getweakrefcount(w1))
del w1
print(weakref.getweakrefcount(f))
del f
print('end')
import weakref
class C: pass
c = C()
def cb(r): pass
r = weakref.ref(c, cb)
print(r.__callback__ is cb, weakref.ref(c).__callback__)
print(type(r.__callback__).__name__)
del c
print(r.__callback__)
