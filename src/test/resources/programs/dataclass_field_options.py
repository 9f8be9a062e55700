# field() options: init, repr, compare and hash per field, default_factory, and what each method
# dataclass writes makes of them (hash of the hashed fields' tuple, order over the compared ones).
from dataclasses import dataclass, field, fields
import sys

@dataclass(unsafe_hash=True, order=True)
class A:
    a: int
    b: list = field(default_factory=list, compare=False, hash=False, repr=False)
    c: int = field(default=3, init=False)
    d: list = field(default_factory=lambda: [1], init=False, repr=False, compare=False)
    e: str = field(default='e', hash=True, compare=False)
    f: int = field(default=0, repr=True, compare=True, hash=None)

x, y = A(1), A(1, [9])
print(x, y, x == y, x < A(2), hash(x) == hash(y))
print(A.__doc__, A.c, hasattr(A, 'd'), 'd' in A.__dict__, x.d, x.c)
print([(f.name, f.init, f.repr, f.compare, f.hash) for f in fields(A)])
print(hash(x) == hash((1, 3, 'e', 0)), hash(x) == hash((1, 3, 0)))
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)

@dataclass(eq=False)
class N:
    v: int = 0
print(N() == N(), '__eq__' in N.__dict__, '__hash__' in N.__dict__)

@dataclass(frozen=True)
class F:
    v: int = 0
    w: list = field(default_factory=list, hash=False)
print(hash(F(1)) == hash((1,)), F(1) == F(1, []))
