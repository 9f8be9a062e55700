# dict.popitem gives back entries but not usable slots (dk_usable stays), so the table fills sooner.
import sys
d = {i: i for i in range(5)}
print(sys.getsizeof(d), d.popitem(), sys.getsizeof(d))
d[10] = 10
print(sys.getsizeof(d), d)
e = {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}
del e['e']
e.popitem()
e['x'] = 0
print(sys.getsizeof(e), e)
f = dict(a=1, b=2)
f.popitem()
g = f.copy()
g['p'] = g['q'] = g['r'] = g['s'] = 1
print(sys.getsizeof(f), sys.getsizeof(g), g)
# dict.fromkeys of a dict or a set sizes one table for all the keys (a set's never the str-only kind).
for x in [{}, {'a': 1}, {'a', 'b'}, ['a', 'b'], set(), range(10), {i: 1 for i in range(10)}, {1: 2}]:
    print(sys.getsizeof(dict.fromkeys(x)), end=' ')
d = dict.fromkeys({'a': 1})
d[5] = 1
print(sys.getsizeof(d))
