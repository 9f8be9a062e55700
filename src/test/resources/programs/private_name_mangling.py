class A:
    __slots_like = 1
    def __init__(self):
        self.__secret = 42
        self.__dunder__ = 1
    def get(self):
        return self.__secret
    def __private(self):
        return "p"
    def call(self):
        return self.__private()
class B(A):
    def peek(self):
        try:
            return self.__secret
        except AttributeError as e:
            return str(e)
a = A()
print(vars(a))
print(a.get(), a._A__secret, a.call())
print(B().peek())
print([hasattr(A, n) for n in ('_A__private', '_A__slots_like', '__private', '__slots_like')])
def outside():
    return a._A__secret
print(outside())
class C:
    def f(self, __x=1):
        return __x
    def g(self):
        __local = 5
        return sorted(locals())
    __cls = [1]
    print(__cls)
print(C().f(), C().g())
import sys
class D:
    def __init__(self):
        self.__big = [1, 2]
    def rc(self):
        return sys.getrefcount(self.__big)
print(D().rc())
def f(**kw): return kw
class A:
    __slots__ = ('__s', 'y')
    def g(self):
        self.__s = 5
        return f(__x=1), self.__s, self._A__s
    def h(self, *, __k=3):
        return __k
print(A().g(), A().h(), A.h.__kwdefaults__)
try:
    A().__s = 1
except AttributeError as e:
    print(e)
class __Hidden:
    def m(self):
        self.__v = 1
        return vars(self)
print(__Hidden().m())
class ___:
    def m(self):
        self.__v = 1
        return vars(self)
print(___().m())
class _B:
    x = [__y for __y in range(2)]
    def m(self):
        return [self.__z for self.__z in range(1)], vars(self)
print(_B.x, _B().m(), hasattr(_B, '_B__y'), hasattr(_B, '__y'))
class G:
    __count = 0
    @classmethod
    def inc(cls):
        cls.__count += 1
        return cls.__count
    def nested(self):
        def inner():
            return self.__count
        return inner()
    lam = lambda self: self.__count
print(G.inc(), G.inc(), G().nested(), G().lam(), G._G__count)
class H:
    def f(self):
        global __gv
        __gv = 10
        return __gv
print(H().f(), _H__gv)
