# dict.fromkeys, a classmethod: the class it is called through makes the result.
import collections
print(dict.fromkeys('abca'), dict.fromkeys([1, 2], []), {}.fromkeys(range(3), 0))
d = dict.fromkeys(['x', 'y'], [])
d['x'].append(1)
print(d, d['x'] is d['y'])
print(dict.fromkeys({'b': 1, 'a': 2}), dict.fromkeys({3, 1, 2}), dict.fromkeys(frozenset({5})), dict.fromkeys(()))
print(collections.OrderedDict.fromkeys('ab'), collections.OrderedDict.fromkeys(iterable='xy', value=2))
print(collections.defaultdict.fromkeys('ab', 1), collections.defaultdict(list).fromkeys('c'))
print(repr(dict.fromkeys).split(' at ')[0], {}.fromkeys.__self__, collections.defaultdict.fromkeys.__qualname__, dict.fromkeys.__qualname__)
for call in [lambda: dict.fromkeys(), lambda: dict.fromkeys('a', 1, 2), lambda: dict.fromkeys('a', value=1), lambda: dict.fromkeys(5),
             lambda: collections.defaultdict.fromkeys('a', value=1), lambda: collections.OrderedDict.fromkeys(),
             lambda: collections.Counter.fromkeys('a'), lambda: collections.Counter().fromkeys()]:
    try:
        print(call())
    except Exception as ex:
        print(type(ex).__name__, ex)
try:
    dict.fromkeys([[1]])
except TypeError:
    print('TypeError')  # 3.14 words it 'cannot use ... as a dict key', which is not modelled
# OrderedDict's pop and move_to_end raise with PyErr_SetObject: a tuple key becomes the KeyError's args.
o = collections.OrderedDict(a=1)
for f in [lambda: o.pop(()), lambda: o.pop((1, 2)), lambda: o.move_to_end((1, 2)), lambda: collections.OrderedDict().move_to_end(())]:
    try:
        f()
    except KeyError as e:
        print(repr(e), e.args)
# An empty dict's pop answers before hashing the key; OrderedDict's hashes first; a None key is no argument.
for f in [lambda: {}.pop([]), lambda: {}.pop({}, 0), lambda: collections.defaultdict().pop([]), lambda: collections.OrderedDict().pop([]),
          lambda: collections.OrderedDict().move_to_end(None), lambda: collections.OrderedDict(a=1).pop(None)]:
    try:
        print(f())
    except KeyError as e:
        print('KeyError', repr(e))
    except TypeError:
        print('TypeError')
