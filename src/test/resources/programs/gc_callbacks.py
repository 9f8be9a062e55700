import gc
import sys

events = []

def watch(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))

print(gc.callbacks)
gc.callbacks.append(watch)

class Node:
    def __init__(self):
        self.me = self

a = Node()
del a
print(gc.collect())
print(events)

seen = []
def keep(phase, info):
    seen.append(info)
    seen.append(phase)

gc.callbacks.append(keep)
events.clear()
gc.collect(0)
print(events)
print(seen)
print(sys.getrefcount(seen[0]), sorted(seen[0]), seen[1] is seen[3])

def nested(phase, info):
    print("nested collect returns", gc.collect(), phase)

gc.callbacks.append(nested)
gc.collect()
gc.callbacks.remove(nested)

def broken(phase, info):
    raise ValueError("bad " + phase)

gc.callbacks.insert(0, broken)
b = Node()
del b
print(gc.collect())
gc.callbacks.clear()
print(events[-2:])
