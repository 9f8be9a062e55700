x = None
ids = []
i = 0
while i < 100:
    x = [x]
    ids.append(id(x))
    i += 1
del x
a = []
b = []
c = []
print(id(a) in ids, id(b) in ids, id(c) in ids)
print(ids.index(id(a)), ids.index(id(b)), ids.index(id(c)))
