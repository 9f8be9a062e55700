from dataclasses import dataclass, field, fields
import sys

@dataclass
class Base:
    x: int
    y: int = 0

@dataclass
class Derived(Base):
    z: int = 5
    x: int = 9

d = Derived()
print(d, Derived(1, 2, 3), Derived.__doc__, Derived.__match_args__)
print([f.name for f in fields(Derived)], fields(Derived)[1] is fields(Base)[1])
print(sys.getrefcount(fields(Base)[0]), sys.getrefcount(fields(Base)[1]))

class Plain(Base):
    pass

@dataclass
class Again(Plain):
    w: list = field(default_factory=list)

print(Again(1), Again.__init__.__qualname__, d == Derived(9, 0, 5), d == Base(9, 0))

@dataclass(frozen=True)
class F:
    a: int = 1
try:
    @dataclass
    class G(F):
        b: int = 2
except TypeError as e:
    print(e)
try:
    @dataclass(frozen=True)
    class H(Base):
        b: int = 2
except TypeError as e:
    print(e)

@dataclass(frozen=True)
class FF(F):
    b: int = 2
print(FF(), hash(FF()) == hash((1, 2)))
try:
    FF().a = 3
except Exception as e:
    print(type(e).__name__, e)

@dataclass
class Post(Base):
    def __post_init__(self):
        print('post', self.x, self.y)

Post(4)
try:
    @dataclass
    class Bad(Base):
        q: int
except TypeError as e:
    print(e)
