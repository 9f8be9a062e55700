# Decorators on functions and classes: evaluated top to bottom, applied bottom up, and what the
# wrapper's closure keeps alive.
import sys

order = []

def tag(label):
    order.append("made " + label)
    def apply(fn):
        order.append("applied " + label)
        fn.labels = getattr(fn, "labels", ()) + (label,)
        return fn
    return apply

@tag("outer")
@tag("inner")
def work():
    return 1

print(order)
print(work.labels)

def counted(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

def add(a, b=10):
    return a + b

before = sys.getrefcount(add)
wrapped = counted(add)
print(sys.getrefcount(add) - before)
print(wrapped.__closure__[0].cell_contents is add)
print(wrapped(1), wrapped(1, b=2), wrapped.calls)
print(wrapped.__name__, wrapped.__qualname__)

@counted
def square(x):
    return x * x

print(square(3), square.calls, square.__name__)
inner = square.__closure__[0].cell_contents
print(inner.__name__, sys.getrefcount(inner))
del square
print(sys.getrefcount(inner))

registry = []

def register(cls):
    registry.append(cls)
    return cls

@register
class Plugin:
    pass

print(registry[0] is Plugin, Plugin.__name__)

def replace(obj):
    return 42

@replace
def gone():
    pass

print(gone)
