import weakref, sys, gc

class Obj:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'Obj(%d)' % self.n

objs = [Obj(i) for i in range(5)]
wkd = weakref.WeakKeyDictionary()
for o in objs:
    wkd[o] = o.n * 10
print(len(wkd), wkd[objs[1]], wkd.get(objs[2]), objs[3] in wkd, 5 in wkd)
print(sys.getrefcount(objs[0]), weakref.getweakrefcount(objs[0]))
print(sorted(wkd.values()), [k.n for k in wkd.keys()])
# removals that callbacks ask for while an iteration runs wait in _pending_removals
seen = []
for key in wkd:
    seen.append(key.n)
    if key.n == 0:
        del objs[1:3]
        print('during', len(wkd), len(wkd.data), len(vars(wkd).get('_pending_removals', ())))
    del key
print('after', seen, len(wkd), len(wkd.data), len(vars(wkd).get('_pending_removals', ())))
print(len(wkd.keyrefs()), type(wkd.keyrefs()[0]).__name__)
for k, v in wkd.items():
    print(k, v)
del wkd[objs[0]]
print(len(wkd), wkd.pop(objs[-1]), len(wkd))
print(wkd.setdefault(objs[1], 'd'), wkd[objs[1]])

class HObj(Obj):
    # Its hash, and so its weak reference's, is its number: the set's order does not hang on addresses.
    def __hash__(self):
        return self.n

ws = weakref.WeakSet()
items = [HObj(i) for i in range(4)]
for it in items:
    ws.add(it)
print(len(ws), items[0] in ws, HObj(9) in ws, 3 in ws)
total = 0
for x in ws:
    total += x.n
    if x is items[0]:
        items.pop()
        print('during', len(ws), len(ws.data))
    del x
print('after', total, len(ws), len(ws.data))
ws.discard(items[0])
ws.remove(items[1])
print(len(ws))
try:
    ws.remove(HObj(7))
except KeyError:
    print('KeyError')
print(ws.pop() is items[2], len(ws))
ws2 = weakref.WeakSet(items)
print(len(ws2), len(ws2.copy()))
try:
    hash(ws2)
except TypeError as e:
    print('TypeError:', e)
print(type(ws2).__module__, type(wkd).__module__)
del items
print(len(ws2), gc.collect())
