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
