# A second name for a value already taken is an alias: the same member object, listed in
# __members__ but skipped by iteration and len(). auto() numbers members; @unique refuses aliases.
import sys
from enum import Enum, auto, unique


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(Shape.ALIAS_FOR_SQUARE, Shape.ALIAS_FOR_SQUARE is Shape.SQUARE, Shape(2).name)
print(list(Shape), len(Shape))
print(list(Shape.__members__))
print([(name, m.name) for name, m in Shape.__members__.items() if name != m.name])
print(list(reversed(Shape)))
print(Shape._member_names_, list(Shape._member_map_), Shape._value2member_map_)
print(sys.getrefcount(Shape.SQUARE), sys.getrefcount(Shape.DIAMOND))
print([k for k in Shape.__dict__ if not k.startswith("__")])

it = iter(Shape)
print(type(it).__name__, next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(sorted(Shape, key=lambda s: s.value), [s.value for s in Shape])
print(max(Shape, key=lambda s: s.value), dict((s.name, s.value) for s in Shape))


class Ordinal(Enum):
    FIRST = auto()
    SECOND = auto()
    TENTH = 10
    ELEVENTH = auto()


print(list(Ordinal), [o.value for o in Ordinal])
print(auto, repr(auto()))


@unique
class Mistake(Enum):
    ONE = 1
    TWO = 2


print(Mistake.ONE, list(Mistake))
try:
    @unique
    class Duplicated(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
        E = 3
except ValueError as e:
    print("ValueError:", e)
try:
    class Reused(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError:", e)
try:
    class Grown(Shape):
        EXTRA = 9
except TypeError as e:
    print("TypeError:", e)
try:
    class Reserved(Enum):
        _private_thing_ = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class BadName(Enum):
        mro = 1
except ValueError as e:
    print("ValueError:", e)

Animal = Enum("Animal", "ANT BEE CAT")
print(Animal, list(Animal), Animal.BEE.value, Animal.__module__, Animal.__qualname__)
Direction = Enum("Direction", [("UP", "u"), ("DOWN", "d")])
print(list(Direction), Direction("u"))
Number = Enum("Number", {"ONE": 1, "TWO": 2})
print(Number.__members__)
Sequence = Enum("Sequence", ["P", "Q"], start=10)
print(list(Sequence), [k for k in Sequence.__dict__ if not k.startswith("__")])
Comma = Enum("Comma", "X, Y,Z")
print(list(Comma))
