# ChainMap's MutableMapping methods: update and setdefault write to the first mapping; fromkeys builds one.
import collections
c = collections.ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(c.setdefault('b', 9), c.setdefault('z', 26), c.setdefault('y'), c)
c.update({'b': 4}, q=5)
c.update([('r', 1), ['s', 2]])
c.update(collections.ChainMap({'t': 0}, {'u': 1}))
c.update(collections.OrderedDict(v=7))
c.update()
print(c, c.maps[0])
for other in [5, 'ab', [iter((1, 2, 3))], [1], [()], None]:
    try:
        c.update(other)
    except Exception as e:
        print(type(e).__name__, e)
print(c.maps[0])
print(collections.ChainMap.fromkeys('ab'), collections.ChainMap.fromkeys([1, 2], 0), c.fromkeys(range(2), []))
for call in [lambda: collections.ChainMap.fromkeys(), lambda: c.setdefault(),
             lambda: c.update({}, {})]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
try:
    c.setdefault([], 1)
except TypeError:
    print('TypeError')  # 3.14 words it 'cannot use ... as a dict key', which is not modelled
