from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
from collections import namedtuple
import sys

P = namedtuple('P', 'a b')

@dataclass
class Inner:
    v: int
    tags: list = field(default_factory=list)

@dataclass
class Outer:
    name: str
    inner: Inner
    items: list
    table: dict
    pair: tuple = (1, 2)
    np: P = P(1, [2])
    hidden: int = field(default=7, init=False)

i = Inner(3, ['x'])
o = Outer('o', i, [Inner(1), 2], {'k': Inner(2)})
d = asdict(o)
print(d)
print(astuple(o))
print(d['inner']['tags'] is i.tags, d['inner']['tags'] == i.tags, type(d['np']).__name__)
print(asdict(o, dict_factory=lambda kv: dict(reversed(kv))))
print(astuple(i, tuple_factory=list))
print(is_dataclass(o), is_dataclass(Outer), is_dataclass(1), is_dataclass(int))
r = replace(i, v=10)
print(r, r.tags is i.tags, replace(o, name='p').name)
for bad in (lambda: asdict(1), lambda: astuple(Inner), lambda: replace(3), lambda: replace(o, hidden=1), lambda: replace(i, nope=1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sys.getrefcount(i.tags))
