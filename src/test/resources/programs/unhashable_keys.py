# An unhashable dict key or set element: 3.14 says which it was meant to be (dict_unhashable_type,
# set_unhashable_type), for exactly a TypeError; Counter hashes keys itself and keeps the plain words.
for f in (lambda: {}[[1]], lambda: [1] in {}, lambda: {[1]: 2}, lambda: {[1]}, lambda: [1] in {1}, lambda: hash([1]), lambda: {1}.add([1]), lambda: {}.get([1]), lambda: dict.fromkeys([[1]]), lambda: set([[1]]), lambda: {1} - {2} - set([[1]]), lambda: {}.keys() & [[1]]):
    try: f()
    except TypeError as e: print(e)
class A:
    __hash__ = None
class B:
    def __hash__(self):
        raise TypeError("boom")
class C:
    def __hash__(self):
        raise ValueError("v")
class E(TypeError): pass
class D:
    def __hash__(self):
        raise E("sub")
import collections  # noqa
for f in (lambda: {A(): 1}, lambda: {B()}, lambda: {C()}, lambda: {D()}, lambda: collections.OrderedDict()[[1]], lambda: collections.Counter([[1]]), lambda: {1: 2}.pop([1]), lambda: [1] in {1: 2}.keys(), lambda: {(1, [2])}):
    try: f()
    except Exception as e: print(type(e).__name__, e, e.__context__ is None, e.__cause__ is None)
