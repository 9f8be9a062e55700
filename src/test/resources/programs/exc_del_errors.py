# An exception in __del__ or in a weakref callback cannot propagate: CPython prints it and goes on.
import weakref

class Faulty:
    def __del__(self):
        print("in __del__")
        raise ValueError("cleanup failed")

f = Faulty()
del f
print("the program goes on")

class Target:
    pass

def callback(ref):
    print("callback runs")
    return 1 / 0

t = Target()
r = weakref.ref(t, callback)
del t
print("still running")
