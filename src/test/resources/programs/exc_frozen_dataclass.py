# Assigning to a frozen dataclass's field: FrozenInstanceError, named with its module dataclasses.
from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: int
    y: int


p = Point(1, 2)
print(p, hash(p) == hash(Point(1, 2)))
p.x = 5
