# Members are made once, while the class is made, and kept alive by the enum class itself: its
# __dict__, _member_map_ and _value2member_map_ each hold a reference to every member.
import gc
import sys
from enum import Enum


class Level(Enum):
    LOW = 10
    MEDIUM = 20
    HIGH = 30


a = Level.LOW
b = Level(10)
c = Level["LOW"]
print(a is b is c, id(a) == id(b) == id(c))
print(sys.getrefcount(Level.MEDIUM))
print(sys.getrefcount(Level.LOW))
del a, b, c
print(sys.getrefcount(Level.LOW))

print(Level._member_names_)
print(Level._member_map_)
print(Level._value2member_map_)
print(vars(Level.HIGH))
print([k for k in Level.__dict__])

referrers = gc.get_referrers(Level.HIGH)
print(len(referrers), sorted(type(r).__name__ for r in referrers))
print(any(r is Level._member_map_ for r in referrers), any(r is Level._value2member_map_ for r in referrers))
print(gc.is_tracked(Level.HIGH), gc.is_tracked(Level._member_map_))

levels = [Level.LOW, Level.LOW, Level.HIGH]
print(sys.getrefcount(Level.LOW), levels.count(Level.LOW))
mapping = {Level.LOW: "quiet", Level.HIGH: "loud"}
print(mapping[Level(30)], Level.MEDIUM in mapping, sys.getrefcount(Level.HIGH))
print(hash(Level.LOW) == hash("LOW"), hash(Level.LOW) == hash(Level(10)))
del levels, mapping
print(sys.getrefcount(Level.LOW), sys.getrefcount(Level.HIGH))

import copy
print(copy.copy(Level.MEDIUM) is Level.MEDIUM, copy.deepcopy([Level.MEDIUM])[0] is Level.MEDIUM)
print(Level.MEDIUM.__reduce_ex__(4))

for level in Level:
    print(level.name, sys.getrefcount(level))
