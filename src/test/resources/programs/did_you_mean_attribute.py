# An uncaught AttributeError suggests the closest attribute the object has.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.colour = 'red'


p = Point(1, 2)
print(p.x, p.y)
print(p.color)
