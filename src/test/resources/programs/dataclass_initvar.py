# InitVar pseudo-fields: __init__ parameters handed to __post_init__, kept in __dataclass_fields__ but
# not in fields(), repr, eq or hash; replace() must be given one without a default.
from dataclasses import dataclass, field, fields, InitVar, replace, asdict

@dataclass
class C:
    i: int
    j: int = None
    database: InitVar[list] = None
    scale: InitVar[int] = 2

    def __post_init__(self, database, scale):
        if self.j is None and database is not None:
            self.j = len(database) * scale

c = C(10, database=[1, 2, 3])
print(c, C.__doc__, C.__match_args__, [f.name for f in fields(C)], list(C.__dataclass_fields__))
print(C.__dataclass_fields__['scale']._field_type, fields(C)[0]._field_type, InitVar[int], C.scale, C.database)
print(replace(c, j=None, database=[1]), asdict(c), c == C(10, 6))
print(hasattr(c, 'database'), 'scale' in c.__dict__)

@dataclass
class D:
    x: int
    v: InitVar[int]

    def __post_init__(self, v):
        self.x += v

d = D(1, 2)
print(d)
try:
    replace(d, x=5)
except ValueError as e:
    print(e)
print(replace(d, v=10))
try:
    @dataclass
    class E:
        v: InitVar[list] = field(default_factory=list)
except TypeError as e:
    print(e)

@dataclass(frozen=True)
class F:
    a: int
    b: InitVar[int] = 0
    def __post_init__(self, b):
        object.__setattr__(self, 'a', self.a + b)
print(F(1, 5), hash(F(1)) == hash((1,)))
