# The set operators of dict.keys() and dict.items() (dictviews_and/or/sub/xor): a new set whichever side the
# view is on, the keys of a dict read from the dict itself, and the shorter side iterated for &.
import collections
d = {1: 10, 2: 20, 3: 30, 8: 80, 16: 160}
e = {2: 20, 3: 31, 4: 40}
print(d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.items() & e.items(), sorted(d.items() - e.items()), sorted(d.items() | e.items()))  # tuples: 32-bit builds hash them otherwise
print(d.keys() & {1, 2, 99}, {1, 2, 99} & d.keys(), d.keys() & [16, 8, 1], [16, 8, 1] & d.keys())
print(d.keys() | [5, 6], [5, 6] | d.keys(), [1, 9] - d.keys(), d.keys() - [1, 9], {1, 9} ^ d.keys())
print(d.keys() & set(range(100)), d.keys() & {8}, d.values() & d.keys(), d.keys() & d.values())
od = collections.OrderedDict([(16, 0), (8, 0), (0, 0)])
print(od.keys() | {1}, od.keys() & {8, 16}, od.keys() - {0})
s = {1, 2, 3}; alias = s
s -= d.keys()
print(s, s is alias)
s = {1, 2}; s |= d.keys(); print(s)
k = d.keys()
r = k | {100}
d[200] = 0
print(r, 200 in k, type(r).__name__)
print(d.keys() & e.items(), d.items() & {(1, 10), (2, 99)})
for f in (lambda: 5 | d.keys(), lambda: d.keys() | 5, lambda: d.values() | {1}, lambda: d.keys() & [[1]], lambda: d.keys() - [[1]]):
    try: print(f())
    except Exception as ex: print(type(ex).__name__, ex)
