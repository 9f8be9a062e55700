import weakref, sys, gc

class Res:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return 'Res(%r)' % self.name

def cleanup(name, *, tag='-'):
    print('cleanup', name, tag)
    return 'done ' + name

a, b, c, d = Res('a'), Res('b'), Res('c'), Res('d')
fa = weakref.finalize(a, cleanup, 'a', tag='kw')
fb = weakref.finalize(b, cleanup, 'b')
fc = weakref.finalize(c, cleanup, 'c')
fd = weakref.finalize(d, cleanup, 'd')
print(sys.getrefcount(fa), sys.getrefcount(a), sys.getrefcount(cleanup), weakref.getweakrefcount(a))
print(fa.alive, fa.atexit, type(fa).__name__, isinstance(fa, weakref.finalize))
obj, func, args, kwargs = fa.peek()
print(obj, func is cleanup, args, kwargs)
del obj, func, args, kwargs
detached = fb.detach()
print(detached[0], detached[1] is cleanup, detached[2:], fb.alive, fb.detach(), fb.peek(), fb())
del detached
print(sys.getrefcount(b))
fc.atexit = False
print(fc.atexit, fc.alive)
del a
print('a deleted', fa.alive, fa.peek(), fa())
print(fd(), fd(), fd.alive)
try:
    weakref.ref(fa)
except TypeError as e:
    print('TypeError:', e)
e1, e2 = Res('e1'), Res('e2')
weakref.finalize(e1, cleanup, 'e1')
weakref.finalize(e2, cleanup, 'e2')
def late():
    print('late finalizer runs')
weakref.finalize(Res, late)
print('end of program')
