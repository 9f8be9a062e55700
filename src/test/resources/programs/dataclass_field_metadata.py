# field(metadata=...): a read-only mappingproxy (the module's shared empty one when none is given),
# and Field's repr with every slot (the MISSING sentinel's address replaced: CPython's differs).
from dataclasses import dataclass, field, fields
import sys

@dataclass
class P:
    x: int
    y: float = field(default=0.0, metadata={'unit': 'cm'})
    z: list = field(default_factory=list, repr=False, kw_only=True)

fx, fy, fz = fields(P)
print(fy.metadata, fy.metadata['unit'], type(fy.metadata).__name__, fx.metadata is fz.metadata, len(fx.metadata))
print(repr(fy).replace(repr(fy.default_factory), 'MISSING'))
print(str(field(default=1)).replace(repr(field().default), 'MISSING'))
try:
    field(metadata=[1])
except TypeError as e:
    print(e)
try:
    fy.metadata['unit'] = 'm'
except TypeError as e:
    print(e)
