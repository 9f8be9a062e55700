# enumerate, zip and dict.items() refill their result tuple when nobody else holds it.
import sys
words = ["a", "b", "c"]
ids = []
for pair in enumerate(words):
    ids.append(id(pair))
print(len(set(ids)), "distinct tuple ids from enumerate")
ids = []
for i, w in enumerate(words, 10):
    print(i, w)
kept = []
for pair in enumerate(words):
    kept.append(pair)
print(len(set(id(p) for p in kept)), "when each tuple is kept")
print(kept)
ids = [id(t) for t in zip(words, range(3))]
print(ids[0] == ids[1])
z = zip(words, range(3))
first = next(z)
second = next(z)
print(first is second, first, second)
del first
third = next(z)
print(third is second)
ids = []
for item in {"x": 1, "y": 2, "z": 3}.items():
    ids.append(id(item))
print(len(set(ids)), "distinct ids from dict.items()")
e = enumerate(words)
print(type(e).__name__, sys.getrefcount(words))
print(next(e), list(e))
print(list(zip()), list(zip([1, 2], "ab", (True, False))))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as err:
    print(err)
try:
    list(zip([1], [3, 4], [5], strict=True))
except ValueError as err:
    print(err)
print(list(zip([1, 2], [3, 4], strict=True)))
e = enumerate(words)
print(id(next(e)) == id(next(e)))
z = zip(words, words)
print(id(next(z)) == id(next(z)))
items = iter({"p": 1, "q": 2}.items())
print(id(next(items)) == id(next(items)))
for i, w in enumerate(words):
    if i == 0:
        firstid = id(w)
print(firstid == id(words[0]))
