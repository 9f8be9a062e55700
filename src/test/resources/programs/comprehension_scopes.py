import sys

x = 'module'
squares = [x * x for x in range(4)]
print(squares, x)

def outer():
    n = [7]
    before = sys.getrefcount(n)
    got = [sys.getrefcount(n) for _ in range(2)]
    after = sys.getrefcount(n)
    return before, got, after, [n is m for m in [n]]

print(outer())

def closes(k):
    scale = k * 1000
    return {i: i * scale for i in range(3)}

print(closes(2))

def nested(m):
    return [[r * c for c in range(m)] for r in range(m)]

print(nested(3))

class Grid:
    size = 3
    cells = [[0] * 3 for _ in range(size)]
    total = len(cells)

print(Grid.total, Grid.cells[0] is Grid.cells[1])

class Hidden:
    size = 2
    try_names = [i for i in range(size)]

print(Hidden.try_names)

def in_method_scope():
    base = [1]
    class K:
        doubled = [base * 2 for _ in range(2)]
    return K.doubled

print(in_method_scope())

def loop_var_does_not_leak():
    i = 'kept'
    [i for i in range(3)]
    return i

print(loop_var_does_not_leak())

print({c for c in 'hello' if c != 'l'} == {'h', 'e', 'o'})
pairs = {(a, b) for a in range(2) for b in range(2) if a <= b}
print(sorted(pairs))
