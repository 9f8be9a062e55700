# tp_traverse's order is what gc.get_referents() returns: a list's items last to first, a tuple's
# too, a dict's values in insertion order; a property visits its getter and its doc (None from a
# getter without one), a partial object its type first.
import functools
import gc

print(gc.get_referents([1, "a", None]))
print(gc.get_referents((1, "a", None)))
print(gc.get_referents({"k": "v", "w": None}))
print([type(o).__name__ for o in gc.get_referents(property(lambda self: 1))])
print([type(o).__name__ for o in gc.get_referents(functools.partial(max, [1]))])
x = [[1], [2]]
print(gc.get_referents(x) == [[2], [1]])
