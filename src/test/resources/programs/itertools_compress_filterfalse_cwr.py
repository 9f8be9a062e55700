# itertools' compress, filterfalse and combinations_with_replacement as Modules/itertoolsmodule.c runs them:
# which input is read first, the truth of None and bool, and the one result tuple refilled while nobody holds it.
import itertools, sys, gc
print(list(itertools.compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(itertools.compress(range(10), itertools.cycle([True, False]))))
print(list(itertools.compress([1, 2, 3], [])), list(itertools.compress([], [1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(10))))
print(list(itertools.filterfalse(None, [0, 1, '', 'a', [], [0]])), list(itertools.filterfalse(bool, [0, 3, None])))
print(list(itertools.combinations_with_replacement('ABC', 2)))
print(list(itertools.combinations_with_replacement(range(3), 0)), list(itertools.combinations_with_replacement('', 2)), list(itertools.combinations_with_replacement('', 0)))
print(len(list(itertools.combinations_with_replacement(range(4), 3))))
it = itertools.combinations_with_replacement([1, 2], 2)
a = next(it); b = next(it)
print(a, b, a is b)
for t in itertools.combinations_with_replacement('xy', 2):
    pass
ids = set()
for t in itertools.combinations_with_replacement('xyz', 2):
    ids.add(id(t))
print(len(ids))
c = itertools.compress([object()], [1])
print(sys.getrefcount(c), type(c).__name__, gc.is_tracked(c))
data = [10, 20]
f = itertools.filterfalse(None, data)
print(next(f, 'none'))
def bad(x):
    raise ValueError(x)
try:
    list(itertools.filterfalse(bad, [7]))
except ValueError as e:
    print('raised', e)
sel = [1, 1]
print(list(itertools.compress(iter([1, 2, 3]), iter(sel))))
for f in (lambda: itertools.filterfalse(None), lambda: itertools.filterfalse(None, [1], x=1), lambda: itertools.compress([1]),
          lambda: itertools.compress(1, [1]), lambda: itertools.compress([1], 1), lambda: itertools.combinations_with_replacement('ab'),
          lambda: itertools.combinations_with_replacement('ab', -1), lambda: itertools.compress(data=[1], selectors=[1], x=2),
          lambda: itertools.combinations_with_replacement(5, 1), lambda: itertools.combinations_with_replacement('a', 1.5)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(list(itertools.compress(data=[1, 2], selectors=[0, 1])))
