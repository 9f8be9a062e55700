# functools.reduce, partial and wraps, with what each holds: a partial keeps its function and
# arguments alive; wraps copies the wrapped function's names onto the wrapper and keeps it as
# __wrapped__.
import functools
import sys

print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(functools.reduce(lambda a, b: a * b, range(1, 6), 10))
print(functools.reduce(lambda a, b: a + b, [], "empty"))
try:
    functools.reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError:", e)

def seen(a, b):
    return max(a, b)

print(functools.reduce(seen, [3, 9, 2]))

def power(base, exp):
    return base ** exp

square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
print(square(5), cube(2), square.func is power, square.args, square.keywords)
two_to = functools.partial(power, 2)
print(two_to(10), two_to.args, type(two_to).__name__)
again = functools.partial(two_to, 3)
print(again(), again.func is power, again.args)

class Payload:
    pass

obj = Payload()
before = sys.getrefcount(obj)
held = functools.partial(print, obj)
print(sys.getrefcount(obj) - before)
del held
print(sys.getrefcount(obj) - before)

def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    "Add two numbers."
    return a + b

print(add(2, 3))
print(add.__name__, add.__qualname__, add.__doc__, add.__module__)
print(add.__wrapped__.__name__, add.__wrapped__(1, 1))
print(sorted(add.__dict__))
inner = add.__wrapped__
print(sys.getrefcount(inner))

def plain():
    pass

plain.tag = "kept"
def shell():
    pass

functools.update_wrapper(shell, plain)
print(shell.__name__, shell.tag, shell.__wrapped__ is plain)
print(type(functools.wraps(plain)).__name__)
