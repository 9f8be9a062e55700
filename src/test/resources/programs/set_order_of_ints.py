s = {5, 3, 17, 1, 200, 64, 9}
print(s)
s.discard(17)
s.add(33)
print(s, len(s))
print(sorted(s))
print(frozenset([3, 1, 2]))
