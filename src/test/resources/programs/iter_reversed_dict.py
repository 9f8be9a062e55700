# reversed() of a dict and of its views walks the entries from the last; items reuse their tuple.
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
d["d"] = 4
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
r = reversed(d)
print(type(r).__name__, type(reversed(d.values())).__name__, type(reversed(d.items())).__name__)
items = reversed(d.items())
print(id(next(items)) == id(next(items)))
r = reversed(d)
next(r)
d["e"] = 5
try:
    next(r)
except RuntimeError as e:
    print(e)
print(list(reversed({})))
