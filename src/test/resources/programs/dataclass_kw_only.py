# Keyword-only dataclass fields: the KW_ONLY pseudo-field, dataclass(kw_only=True) and field(kw_only=),
# through inheritance; __init__ takes them after a '*', __match_args__ leaves them out.
from dataclasses import dataclass, field, fields, KW_ONLY, MISSING, replace, asdict

@dataclass
class A:
    x: int
    _: KW_ONLY
    y: int = 0
    z: int

a = A(1, z=3)
print(a, A.__doc__, A.__match_args__, [f.kw_only for f in fields(A)])
try:
    A(1, 2, 3)
except TypeError as e:
    print(e)

@dataclass(kw_only=True)
class B:
    p: int = 1
    q: int
    r: int = field(default=5, kw_only=False)

print(B(7, q=2), B.__doc__, B.__match_args__, [(f.name, f.kw_only) for f in fields(B)])

@dataclass
class C(A):
    w: int = 9
    v: list = field(default_factory=list, kw_only=True)

print(C(1, 2, z=4), C.__doc__, C.__match_args__, replace(C(1, z=2), v=[1]), asdict(C(0, z=0)))
print(field().kw_only is MISSING, field(kw_only=1).kw_only, KW_ONLY.__class__.__name__)
try:
    @dataclass
    class D:
        a: int
        _: KW_ONLY
        b: int = 0
        __: KW_ONLY
except TypeError as e:
    print(e)

@dataclass(frozen=True, kw_only=True, order=True)
class E:
    k: int
print(E(k=1) < E(k=2), E.__doc__)
