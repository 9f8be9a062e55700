# dict.popitem, the views' isdisjoint and mapping, and range's members and methods.
d = {'a': 1, 'b': 2, 'c': 3}
print(d.popitem(), d)
d['z'] = 26
print(d.popitem(), d.popitem(), d.popitem(), d)
try:
    d.popitem()
except KeyError as e:
    print('KeyError', e)

k, it, v = {'a': 1, 'b': 2}.keys(), {'a': 1, 'b': 2}.items(), {'a': 1}.values()
print(k.isdisjoint(['x', 'y']), k.isdisjoint('abc'), k.isdisjoint({'b'}), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(it.isdisjoint([('a', 1)]), it.isdisjoint([('a', 2), 'junk', ()]), it.isdisjoint({('b', 2), ('c', 3)}))
# Unhashable keys are TypeErrors (3.14 words them 'cannot use ... as a dict key', which is not modelled).
try:
    k.isdisjoint([[1]])
except TypeError as e:
    print('TypeError')
try:
    k.isdisjoint(5)
except TypeError as e:
    print('TypeError', e)
try:
    ([], 1) in it
except TypeError as e:
    print('TypeError')
print(('a', 1) in it, ('a', 2) in it, 'a' in it, (1,) in it)
m = k.mapping
print(m, type(m).__name__, m['a'], m is k.mapping, v.mapping == {'a': 1}, it.mapping.get('b'))

big = 10 ** 6
r = range(big, big * 2, 7)
print(r.start is big, r.stop, r.step, range(5).start, range(5).step, range(True).stop, type(range(True).stop).__name__)
print(r.count(big + 7), r.count(big + 8), r.count(float(big)), r.index(big + 14), r.count('x'))
for x in [big + 8, 'x', 2 ** 70]:
    try:
        r.index(x)
    except ValueError as e:
        print('ValueError', e if type(x) is str else '')  # 3.14 words an int's 'range.index(x): x not in range'

print(range(10, 0, -3).index(4), range(0, 10, 2).index(True - 1), 3.0 in range(5), range(5).index(3.0))
try:
    r.start = 1
except AttributeError as e:
    print('AttributeError', e)
