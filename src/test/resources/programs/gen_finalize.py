# close(), throw() and finalisation: GeneratorExit inside, at refcount zero and at exit.
def guarded(name):
    try:
        print(name, "started")
        yield 1
        yield 2
    except GeneratorExit:
        print(name, "got GeneratorExit")
        raise
    finally:
        print(name, "finally")

g = guarded("a")
next(g)
g.close()
print(g.gi_frame, g.gi_running, g.gi_suspended)
g.close()

unstarted = guarded("never")
unstarted.close()
print("closed unstarted")

t = guarded("t")
next(t)
try:
    t.throw(ValueError("bad"))
except ValueError as e:
    print("propagated", e)

def catcher():
    while True:
        try:
            yield
        except KeyError as e:
            print("caught", repr(e))

c = catcher()
next(c)
print(c.throw(KeyError, "k"))
print(c.throw(KeyError("m")))
try:
    c.throw(ValueError(), 1)
except TypeError as e:
    print(e)

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)

def bad():
    yield 1
    raise StopIteration("x")

try:
    for v in bad():
        print(v)
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

def me():
    print(gen.gi_running)
    yield
gen = me()
next(gen)

first = guarded("first at exit")
next(first)
second = guarded("second at exit")
next(second)
print("end of module")
