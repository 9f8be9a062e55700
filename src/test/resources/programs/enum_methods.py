# An enum class can have methods, properties and class methods; tuple values are passed to
# __init__, which runs once per member while the class is made.
import sys
from enum import Enum


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        print("making", self.name, "from", self.value)
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)

    def describe(self):
        return f"{self.name.title()} has mass {self.mass:.3e} kg"

    @classmethod
    def heaviest(cls):
        return max(cls, key=lambda p: p.mass)

    @staticmethod
    def unit():
        return "kg"


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2))
print(Planet.VENUS.describe(), Planet.heaviest(), Planet.unit())
print(vars(Planet.MERCURY))
print(Planet((3.303e+23, 2.4397e6)) is Planet.MERCURY)
print(sys.getrefcount(Planet.EARTH))


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

    def __str__(self):
        return self.value.upper()

    def toggle(self):
        return Status.INACTIVE if self is Status.ACTIVE else Status.ACTIVE


print(Status.ACTIVE, repr(Status.ACTIVE), f"[{Status.INACTIVE}]", format(Status.ACTIVE, ">10"))
print(Status.ACTIVE.toggle(), Status.ACTIVE.toggle().toggle() is Status.ACTIVE)
print(len(Status), list(Status))


class Greeting(Enum):
    def greet(self):
        return "hello from " + self.name


class Language(Greeting):
    PYTHON = "py"
    C = "c"


print(Language.PYTHON.greet(), Language.__mro__, len(Greeting), list(Greeting))
print(Language._member_names_, Greeting._member_names_)


class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    SATURDAY = 6
    SUNDAY = 7

    def is_weekend(self):
        return self in (Weekday.SATURDAY, Weekday.SUNDAY)


print([d.name for d in Weekday if d.is_weekend()])
print(Weekday(2).is_weekend(), Weekday.SUNDAY.is_weekend())
