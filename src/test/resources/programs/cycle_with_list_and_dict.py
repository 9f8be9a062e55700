import gc
gc.disable()
a = []
b = {"a": a}
a.append(b)
del a, b
print(gc.collect())
c = [1]
c.append(c)
d = [c]
del c
print(gc.collect(), len(d[0]))
del d
print(gc.collect())
