import weakref, sys, gc

class Item:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return 'Item(%r)' % self.name

class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __repr__(self):
        return 'Key(%r)' % self.k

cache = weakref.WeakValueDictionary()
a, b, c = Item('a'), Item('b'), Item('c')
ka = Key('a')
print(sys.getrefcount(ka), sys.getrefcount(a))
cache[ka] = a
cache['b'] = b
cache['c'] = c
print(sys.getrefcount(ka), sys.getrefcount(a), len(cache))
print(sorted(k.k if isinstance(k, Key) else k for k in cache))
for k, v in cache.items():
    print(k, v, sys.getrefcount(v))
print(list(cache.values()))
print(type(cache.keys()).__name__)
print(len(cache.valuerefs()), type(cache.valuerefs()[0]).__name__)
# a removal while iterating is deferred
it = cache.items()
first = next(it)
print('first', first)
del b
print(len(cache), vars(cache).get('_pending_removals'), len(cache.data))
del first
it.close()
print(len(cache), vars(cache).get('_pending_removals'))
print('b' in cache, cache.get('b'), cache.get('c'))
del ka
del a
print(len(cache))
print(cache.pop('c'), len(cache))
try:
    cache.pop('zzz')
except KeyError as e:
    print('KeyError', e)
print(cache.setdefault('d', c), cache['d'])
print(gc.collect())
