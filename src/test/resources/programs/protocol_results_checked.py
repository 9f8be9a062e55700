# What CPython checks in the results of special methods, and a few more rules of the object model.
import functools


class Claims:
    def __init__(self, length=0, truth=None, iterator=None, hashed=0):
        self.length, self.truth, self.iterator, self.hashed = length, truth, iterator, hashed

    def __len__(self):
        return self.length

    def __iter__(self):
        return self.iterator

    def __hash__(self):
        return self.hashed


class Truthy:
    def __bool__(self):
        return 1


def attempt(label, thunk):
    try:
        print(label, '->', thunk())
    except (TypeError, ValueError, OverflowError) as e:
        print(label, '->', type(e).__name__ + ':', e)


attempt('len of -1', lambda: len(Claims(-1)))
attempt('bool of len -1', lambda: bool(Claims(-1)))
attempt('len of 2**70', lambda: len(Claims(2 ** 70)))
attempt('len of "3"', lambda: len(Claims('3')))
attempt('bool returning 1', lambda: bool(Truthy()))
attempt('iter returning a list', lambda: iter(Claims(iterator=[1, 2])))
attempt('iter returning 5', lambda: iter(Claims(iterator=5)))
attempt('hash returning "x"', lambda: hash(Claims(hashed='x')))
attempt('hash returning -1', lambda: hash(Claims(hashed=-1)))

print('bools stay bools under & | ^:', True & False, True | False, True ^ True, True & 1)
d = {'a': 1, 'b': 2}
print('keys and items views compare as sets:', d.keys() == {'a', 'b'}, d.items() == {('a', 1), ('b', 2)},
      {'a'} < d.keys(), d.keys() <= {'a', 'b', 'c'}, d.values() == {1, 2})


def power(base, exp):
    return base ** exp


square = functools.partial(power, exp=2)
print('partial repr:', repr(square).replace(hex(id(power)), '0x...'), square(7))


class Outer:
    class Inner:
        pass


def make():
    class Local:
        pass
    return Local


print('qualified names:', Outer.Inner, make(), Outer.Inner.__qualname__)
Renamed = make()
Renamed.__name__ = 'Fresh'
print('renamed:', Renamed.__name__, Renamed.__qualname__)
try:
    class Twice(Outer, Outer):
        pass
except TypeError as e:
    print('TypeError:', e)


class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass


try:
    class Z(A, B):
        pass
except TypeError as e:
    print('TypeError:', e)
