import gc

class Node:
    def __init__(self):
        self.me = self

gc.collect()
a = Node()
print(gc.is_tracked(a))
gc.freeze()
print(gc.is_tracked(a))
del a
print(gc.collect())
gc.unfreeze()
print(gc.collect())

b = Node()
gc.freeze()
gc.unfreeze()
del b
print(gc.collect(0), gc.collect())

print(gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(5, 3, 2)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)

class Lazarus:
    def __del__(self):
        global saved
        saved = self

x = Lazarus()
print(gc.is_finalized(x))
del x
print(gc.is_finalized(saved))
print(gc.is_finalized(5), gc.is_finalized([]))
