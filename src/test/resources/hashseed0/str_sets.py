# Sets of strs iterate in the order their hashes give: under PYTHONHASHSEED=0, the simulator's.
words = "the quick brown fox jumps over the lazy dog and then some more words appear here".split()
print(set(words))
print({"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"})
print({"é", "ü", "a", "z", "€", "😀"}, set("mississippi"), frozenset(["x", "yy", "zzz"]))
s = set()
for w in words:
    s.add(w)
    if len(s) % 4 == 0:
        s.discard(w)
print(s, s | {"extra", "more"}, s & set(words[:6]), s - {"the"}, s ^ {"fox", "new"})
print(sorted(set(words)) == sorted(words and set(words)), {w: len(w) for w in set(words)})
