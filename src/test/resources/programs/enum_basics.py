# An Enum class: its members, how they print, and looking them up by value and by name.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED)
print(repr(Color.RED))
print(f"{Color.GREEN} / {Color.GREEN!r} / {Color.GREEN:>14}|")
print("{} and {}".format(Color.BLUE, format(Color.BLUE, "<12") + "|"))
print(Color.RED.name, Color.RED.value, type(Color.RED.name), type(Color.RED.value))
print(Color, repr(Color), type(Color), type(Color.RED))
print(Color(2), Color["BLUE"], Color(Color.RED))
print(isinstance(Color.RED, Color), Color.RED.__class__ is Color)
print(list(Color))
print(len(Color), Color.RED in Color, bool(Color))
print(Color.__members__)
print(type(Color.__members__).__name__, list(Color.__members__.keys()))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, Color.RED is Color.RED)
print(Color.__name__, Color.__qualname__, Color.__module__, Color.__doc__)
print(Color.__mro__)
print(Color.RED.__objclass__, Color.RED._sort_order_, Color.BLUE._sort_order_)

for value in (3, 7, "RED"):
    try:
        print(Color(value))
    except ValueError as e:
        print("ValueError:", e)
for key in ("GREEN", "green"):
    try:
        print(Color[key])
    except KeyError as e:
        print("KeyError:", e)
try:
    Color.PURPLE
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Color.GREEN
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED.name = "ROUGE"
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.name
except AttributeError as e:
    print("AttributeError:", e)
try:
    Enum(1)
except TypeError as e:
    print("TypeError:", e)
Color.extra = "a plain class attribute"
print(Color.extra, "extra" in Color.__members__)
