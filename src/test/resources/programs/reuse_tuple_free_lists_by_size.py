n = 7
t = (n, 1)
old = id(t)
del t
u = (n, 2, 3)
print(id(u) == old)
v = (n, 4)
print(id(v) == old)
