# The compiler warns, before the file runs, where a missing comma makes a call or a subscript of a literal.
def f(x):
    assert (x, "msg")
    return [1, 2] (3, 4)
def g():
    return [1, 2][1.0], (1, 2) [0, 1], None[0], {1}[0], (lambda: 1)[0], f'a{1}'[1.5], 3[0], 'ab'['x'], b'ab'[1.5], (x for x in [])[0]
def h():
    return (1)(2), {}(), {1}(), 'a'(), f'{1}'(), (1+2)[0], [x for x in []][1.0], {1: 2}[1.5]
x = [1]
print(x[0], 'ok')
assert (1, 2)
