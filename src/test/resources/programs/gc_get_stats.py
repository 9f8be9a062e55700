# gc.get_stats(): per generation, its collections, the objects they collected and the uncollectable
# ones. The totals include the interpreter's start-up collections (unknowable); what the program's
# own collections add is exact.
import gc

def totals():
    return [(s['collections'], s['collected'], s['uncollectable']) for s in gc.get_stats()]

before = totals()
gc.collect()
after = totals()
print([tuple(a - b for a, b in zip(x, y)) for x, y in zip(after, before)])

class Node:
    pass

def cycles(n):
    for _ in range(n):
        a = Node()
        a.me = a

gc.disable()
cycles(100)
before = totals()
print(gc.collect(0))
middle = totals()
cycles(10)
print(gc.collect(1))
after = totals()
print([tuple(a - b for a, b in zip(x, y)) for x, y in zip(middle, before)])
print([tuple(a - b for a, b in zip(x, y)) for x, y in zip(after, middle)])
gc.enable()
stats = gc.get_stats()
print(len(stats), sorted(stats[0]), type(stats[1]['collected']).__name__)
print(stats[2]['uncollectable'], gc.is_tracked(stats[0]))
