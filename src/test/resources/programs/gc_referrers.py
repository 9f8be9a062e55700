import gc
print(gc.is_tracked(globals()))

class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

a = Node("a")
b = Node("b")
a.next = b
holder = [b, b]
d = {"key": b}
t = (b, 1)

refs = gc.get_referrers(b)
print(len(refs))
for r in refs:
    print(type(r).__name__, r is holder, r is d, r is t, r is a.__dict__, r is globals())

def f(x):
    inner = [x]
    return [type(r).__name__ for r in gc.get_referrers(x)]

print(f(b))
s = "".join(["not ", "interned"])
print(len(gc.get_referrers(s)))
print(gc.get_referrers())
print(len(gc.get_referrers(b, holder)))

def gen(item):
    yield item
g = gen(b)
next(g)
print(sorted(type(r).__name__ for r in gc.get_referrers(b)))
cell_holder = None
def outer():
    captured = b
    def inner():
        return captured
    return inner
fn = outer()
print([type(r).__name__ for r in gc.get_referrers(b)])
print([type(r).__name__ for r in gc.get_referrers(fn.__closure__[0])])
