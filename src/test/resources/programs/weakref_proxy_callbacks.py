import weakref, sys, gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __call__(self, x):
        return self.name + x
    def hello(self):
        return 'hello from ' + self.name

def report(tag):
    def cb(ref):
        print('callback', tag, type(ref).__name__)
    return cb

n = Node('n')
r1 = weakref.ref(n)
p1 = weakref.proxy(n)
p2 = weakref.proxy(n, report('p2'))
r2 = weakref.ref(n, report('r2'))
p3 = weakref.proxy(n, report('p3'))
print(weakref.proxy(n) is p1, weakref.ref(n) is r1)
print(weakref.getweakrefcount(n))
for w in weakref.getweakrefs(n):
    print(type(w).__name__, w is r1, w is p1, w is p2, w is r2, w is p3)
print(type(p1) is weakref.CallableProxyType, callable(p1), p1('!'), p1.hello())
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
print(sys.getrefcount(n), sys.getrefcount(p1))
m = p1.hello
print(sys.getrefcount(n))
del m
print(isinstance(p1, Node), isinstance(p1, weakref.ProxyType), isinstance(p1, (int, Node)))
try:
    hash(p1)
except TypeError as e:
    print('TypeError:', e)
try:
    weakref.ref(p1)
except TypeError as e:
    print('TypeError:', e)
del n
print('after del')
print(r1(), weakref.getweakrefcount(p1))
try:
    p1.hello()
except ReferenceError as e:
    print('ReferenceError:', e)
print(isinstance(p1, weakref.CallableProxyType))
try:
    isinstance(p1, Node)
except ReferenceError as e:
    print('ReferenceError:', e)

class Plain:
    pass
a = Plain()
b = Plain()
a.partner = b
b.partner = a
pa = weakref.proxy(a, report('cycle'))
print(type(pa).__name__, callable(pa))
del a, b
print('collected', gc.collect())
try:
    pa.partner
except ReferenceError as e:
    print('ReferenceError:', e)
