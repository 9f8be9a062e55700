# gc.collect() counts, besides the garbage, each weak reference whose callback left it with no
# reference (handle_weakrefs' num_freed): weakref.finalize drops its own after calling back.
import gc
import weakref


class N:
    def __init__(self, n):
        self.n = n


def cycle():
    x, y = N(1), N(2)
    x.o, y.o = y, x
    return x, y


x, y = cycle()
kept = weakref.ref(x, lambda r: print("kept ref called back"))
del x, y
print("collect:", gc.collect())
x, y = cycle()
f = weakref.finalize(y, print, "finalize y")
del x, y
print("collect:", gc.collect(), f.alive)
x, y = cycle()
weakref.ref(x, print)
dropped = weakref.ref(y, lambda r: print("dropped ref called back"))
del x, y
print("collect:", gc.collect())
