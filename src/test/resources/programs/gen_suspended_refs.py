# A suspended generator's frame keeps its locals (and its loop's iterator) alive.
import gc
import sys
import weakref

class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

def holder(items):
    big = Tracked("big")
    for item in items:
        yield item
    print("body done")

data = [10, 20]
print(sys.getrefcount(data))
g = holder(data)
print(sys.getrefcount(data))
print(next(g))
print(sys.getrefcount(data))
frame = g.gi_frame
print(frame.f_lineno, sorted(frame.f_locals))
big = frame.f_locals["big"]
print(sys.getrefcount(big))
del frame
w = weakref.ref(big)
del big
print(w() is not None)
print([type(r).__name__ for r in gc.get_referents(g)])
print(list(g))
print(g.gi_frame, w() is None)
print(sys.getrefcount(data))

h = holder([1, 2, 3])
next(h)
print("dropping h")
del h
print("dropped h")

def selfish():
    me = yield
    yield me

s = selfish()
next(s)
s.send(s)
ws = weakref.ref(s)
del s
print("cycle alive", ws() is not None)
gc.collect()
print("cycle collected", ws() is None)
