import sys

# The first iterable is held by the '.0' iterator while the comprehension runs.
items = [1000, 2000, 3000]
inside = [sys.getrefcount(items) for _ in items]
print(inside, sys.getrefcount(items))

# Each element: the list holds it, the loop variable holds it, and the argument.
big = [10 ** 6, 10 ** 7]
print([sys.getrefcount(x) for x in big])
print([sys.getrefcount(big[0]) for x in big])
print(sys.getrefcount(big[0]), sys.getrefcount(big[1]))

# A nested clause's iterable is held by its own iterator inside the frame.
rows = [[1, 2], [3, 4]]
print([sys.getrefcount(r) for r in rows for c in r])
print(sys.getrefcount(rows[0]))

# The result holds new references to the elements it collected.
objs = [object(), object()]
kept = [o for o in objs]
print(sys.getrefcount(objs[0]), kept[0] is objs[0])
del kept
print(sys.getrefcount(objs[0]))

# A comprehension over a temporary: the temporary lives exactly as long as the loop.
print([sys.getrefcount(t) for t in [[5], [6]]])
