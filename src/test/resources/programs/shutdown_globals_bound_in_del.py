# At exit the main module's namespace is collected as cyclic garbage (its functions and classes
# hold it), and every finalizer runs before any global is cleared: __del__ still sees them all.
class Resource:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, Resource.__name__, "r1" in globals(), type(r2).__name__)


r1 = Resource(1)
r2 = Resource(2)
r3 = Resource(3)
del r1
print("end of the program")
