# A class is in a reference cycle with its own __mro__, so only the collector frees it; what it
# frees (the class, its mro and bases tuples, its dict and the getset descriptors that dict holds)
# comes out of gc.garbage in the order the collector found it.
import gc


def kinds(objs):
    return [type(o).__name__ for o in objs]


class A:
    pass


class B(A):
    pass


print(A.__mro__ is A.__mro__, A.__bases__ is A.__bases__, B.__bases__ == (A,))
print(kinds(gc.get_referents(A)), kinds(gc.get_referents(B)))
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
del B
print(gc.collect(), kinds(gc.garbage))
gc.garbage.clear()
del A
print(gc.collect(), kinds(gc.garbage))
gc.garbage.clear()


class C:
    def m(self):
        pass


del C
print(gc.collect(), kinds(gc.garbage))
gc.garbage.clear()


class E(Exception):
    pass


del E
print(gc.collect(), kinds(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
