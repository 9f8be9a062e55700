d = {"a": [1]}
old = id(d)
del d
f = float("2.5")
print(id(f) == old)
e = {}
print(id(e) == old)
x = float("1.25")
xo = id(x)
del x
y = 2.5 * 3
print(id(y) == xo, y)
