# __slots__ along a class hierarchy: each class's members come after its base's, sorted by name;
# a subclass without __slots__ gets a __dict__ (and a weak reference list) back.

import weakref

class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('  freed', self.name)

class Point:
    __slots__ = ('y', 'x')

class Point3(Point):
    __slots__ = ('z',)

class Tagged(Point):
    pass

class Linkable:
    __slots__ = ('value', '__weakref__')

p = Point3()
p.x, p.y, p.z = Noisy('x'), Noisy('y'), Noisy('z')
print('Point3 has no __dict__:', not hasattr(p, '__dict__'))

print('deleting a Point3 frees its own slots first, each class in name order:')
del p

t = Tagged()
t.x = 1
t.label = 'extra'
print('Tagged keeps x in a slot and label in its dict:', vars(t))
t.__dict__['x'] = 'shadow'
print('the member wins over the dict:', t.x)

node = Linkable()
node.value = 5
ref = weakref.ref(node)
print('a __weakref__ slot makes it weakly referable:', ref() is node)

try:
    class Clash:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print('ValueError:', e)
try:
    class Both(Point, Linkable):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Again(Tagged):
        __slots__ = ('__dict__',)
except TypeError as e:
    print('TypeError:', e)
try:
    class Bad:
        __slots__ = ('ok', 3)
except TypeError as e:
    print('TypeError:', e)

class One:
    __slots__ = 'only'

o = One()
o.only = 'a str __slots__ is one name'
print(o.only)
try:
    class Twice(One, One):
        pass
except TypeError as e:
    print('TypeError:', e)
