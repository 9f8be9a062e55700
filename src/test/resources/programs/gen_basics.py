# Generators: lazy bodies, send, return values carried by StopIteration, next() with a default.
def countdown(n):
    print("start", n)
    while n > 0:
        got = yield n
        if got is not None:
            print("sent", got)
        n -= 1
    return "liftoff"

g = countdown(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", repr(e.value), e.args)
print(next(g, "exhausted"))
try:
    g.send(None)
except StopIteration as e:
    print("again", e.args)

fresh = countdown(1)
try:
    fresh.send(5)
except TypeError as e:
    print(e)
print(list(countdown(2)))

def outer():
    def inner():
        yield 1
    return inner()
print(outer().__qualname__)

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(Countdown(3)))
c = Countdown(1)
print(next(c), next(c, "done"))
it = iter(Countdown(2))
print(it is iter(it), [x for x in it])
for x in countdown(2):
    print("loop", x)
print(sum(1 for _ in countdown(4)))
