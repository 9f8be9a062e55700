a = [1, 2, 3]
b = a
c = [a, a]
del a
c = None
x = 1000
def f(o):
    y = o
    return 0
f(b)
