# Every parameter kind, the objects a def keeps (__defaults__, __kwdefaults__, __annotations__)
# and what *args and **kwargs receive, with the references each holds.
import sys

class Box:
    pass

shared = Box()

def f(a, b=shared, /, c=[], *args, d, e=shared, **kw) -> Box:
    return a, b, c, args, d, e, kw

print(f.__defaults__[0] is shared, f.__defaults__[1])
print(f.__kwdefaults__ == {'e': shared}, f.__kwdefaults__['e'] is shared)
print(sys.getrefcount(shared))
print(f.__annotations__ == {'return': Box})
print(sys.getrefcount(Box) > 0)

a, b, c, args, d, e, kw = f(1, d=4)
print(a, b is shared, c, args, d, e is shared, kw)
print(f(1, 2, 3, 4, 5, d=6, x=7, y=8)[3], f(1, 2, 3, d=6, x=7)[6])
print(type(f(1, d=2)[3]) is tuple, len(f(1, d=2)[3]))

def only_kw(*, k=10):
    return k

print(only_kw(), only_kw(k=11), only_kw.__defaults__, only_kw.__kwdefaults__)

def annotated(x: int, *rest: str, flag: bool = False, **opts: float) -> None:
    pass

print(annotated.__annotations__)
print(annotated.__defaults__, annotated.__kwdefaults__)

def plain(x):
    return x

print(plain.__defaults__, plain.__kwdefaults__, plain.__annotations__)
ann = plain.__annotations__
print(ann is plain.__annotations__)

# A tuple passed through *args arrives as a new tuple; a **kwargs dict is a new dict.
t = (Box(), Box())
def collect(*args, **kwargs):
    return args, kwargs

got, gotkw = collect(*t)
print(got == t, got is t)
d = {'p': 1}
got, gotkw = collect(**d)
print(gotkw == d, gotkw is d)

# While a call runs, the arguments unpacked at the call site are held by its tuple and dict too.
obj = Box()
def count(x):
    return sys.getrefcount(x)

print(count(obj))
print(count(*[obj]))
print(count(*(obj,)))
print(count(x=obj))
print(count(**{'x': obj}))

def count_rest(*xs):
    return sys.getrefcount(xs[0])

print(count_rest(obj))
print(count_rest(obj, *[1]))
print(sys.getrefcount(obj))

# Defaults are evaluated once, at the def: the list default accumulates.
def append_to(item, into=[]):
    into.append(item)
    return into

print(append_to(1), append_to(2), append_to.__defaults__)

def kwonly_list(*, into=[]):
    into.append(0)
    return into

kwonly_list()
print(kwonly_list(), kwonly_list.__kwdefaults__)

# Call-site unpacking in every position.
def show(*args, **kwargs):
    return args, sorted(kwargs.items())

print(show(1, *[2, 3], 4, *(5,), a=1, **{'b': 2}, c=3, **{'d': 4}))
print(show(*'ab', *range(2)))
print(show(**{}, **{'z': 0}))
