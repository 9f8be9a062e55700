# Tracebacks through generators: <genexpr> frames, yield from chains, and close() errors ignored at dealloc.
def leaf(n):
    yield 1
    yield 1 / n

def middle(n):
    total = yield from leaf(n)
    return total

def loud():
    try:
        yield 1
    finally:
        raise ValueError("in finally")

g = loud()
next(g)
del g
print("after ignored error")

for v in middle(2):
    print(v)
ratios = (10 / d for d in [5, 0])
print(next(ratios))
try:
    next(ratios)
except ZeroDivisionError as e:
    print("caught", e)
total = sum(middle(0))
