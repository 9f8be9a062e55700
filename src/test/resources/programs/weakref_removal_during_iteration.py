import weakref

class Obj:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n

objs = [Obj(i) for i in range(4)]
wkd = weakref.WeakKeyDictionary({o: o.n for o in objs})
ws = weakref.WeakSet(objs)
wvd = weakref.WeakValueDictionary({o.n: o for o in objs})
print(len(wkd), len(ws), len(wvd))
visited = []
for o in ws:
    visited.append(o.n)
    if o.n == 0:
        del objs[2:]
        print('while iterating', len(wkd), len(ws))
    del o
print(visited, len(wkd), len(ws), len(wvd))
try:
    for k in wvd:
        if k == 0:
            objs.pop()
            print('popped', len(wvd))
except RuntimeError as e:
    print('RuntimeError:', e)
print(len(wvd), sorted(wvd.keys()))
