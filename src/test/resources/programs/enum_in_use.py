# Enums as programs use them: ordering through __lt__ and total_ordering, methods, properties and
# staticmethods on the class, members as dict keys, __members__ as a read-only view, weak references.
import sys, gc, copy
from enum import Enum, unique, auto
from functools import total_ordering

@total_ordering
class Size(Enum):
    S = 1
    M = 2
    L = 3
    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented
print(sorted([Size.L, Size.S, Size.M]), Size.S < Size.L, Size.L >= Size.M, max(Size))

class Op(Enum):
    ADD = '+'
    SUB = '-'
    def apply(self, a, b):
        return a + b if self is Op.ADD else a - b
    @property
    def symbol(self):
        return self.value
    counter = staticmethod(lambda: 5)
print(Op.ADD.apply(2, 3), Op.SUB.symbol, Op.counter(), list(Op))


class Perm(Enum):
    R = 4
    W = 2
    X = 1
print([p.name for p in Perm if p.value & 6])
names = {m.name: m for m in Perm}
print(names, Perm.__members__ == names)
print(Perm.R.__class__.__name__, type(Perm.R).__mro__)
print(hash(Perm.R) == hash(Perm.R))
print(isinstance(Perm, type), issubclass(Perm, Enum), type(Perm).__name__, type(Perm).__mro__)
print(Perm.__len__ if False else len(Perm))
x = Perm.W
print(x.name, x.value, x._name_ is x.name)
mp = Perm.__members__
print(mp['R'], len(mp), 'W' in mp, list(mp.items())[0])
try:
    mp['Z'] = 1
except TypeError as e:
    print('TypeError', e)
print([m for m in reversed(Perm)])
print(Perm(4) == Perm.R, Perm(4) is Perm['R'])
print(str(Perm.R), repr(Perm), f"{Perm.W!s:>6}|{Perm.X!r}")
print(copy.deepcopy({Perm.R: [1]}), gc.is_tracked(Perm.R.__dict__))
del x
import weakref
r = weakref.ref(Perm.X)
print(r() is Perm.X)
