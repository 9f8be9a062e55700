# gc.garbage and gc.set_debug: DEBUG_SAVEALL keeps collected cycles in gc.garbage; the flags and constants.
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __repr__(self):
        return "Node(%s)" % self.name
gc.disable()
print(gc.garbage, gc.get_debug(), gc.DEBUG_SAVEALL, gc.DEBUG_LEAK, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_STATS)
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
print(gc.collect())
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
print(sorted(repr(o) for o in gc.garbage if isinstance(o, Node)))
print(gc.collect())
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect(), gc.garbage)
l = []
l.append(l)
del l
gc.set_debug(gc.DEBUG_COLLECTABLE)
print(gc.collect())
gc.set_debug(0)
print(gc.garbage is gc.garbage)
