import sys
rc = sys.getrefcount
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return False
def if_assigned(c):
    if c:
        x = []
    return rc(x)
def for_assigned():
    for i in range(2):
        x = []
    return rc(x)
def straight():
    x = []
    return rc(x)
def deleted_then_assigned():
    x = []
    del x
    x = []
    return rc(x)
def try_except_pass():
    try:
        x = []
    except Exception:
        pass
    return rc(x)
def try_except_both():
    try:
        x = []
    except Exception:
        x = []
    return rc(x)
def with_body():
    with CM():
        x = []
    return rc(x)
def while_true_break():
    while True:
        x = []
        break
    return rc(x)
def loop_body_later():
    out = []
    for i in range(2):
        if i:
            out.append(rc(y))
        y = []
    return out
def twice(c):
    if c:
        x = []
    return rc(x), rc(x)
def comprehension_shadow():
    x = []
    [x for x in range(2)]
    return rc(x)
def parameter(p):
    return rc(p)
def walrus_comp():
    [(x := []) for i in range(1)]
    return rc(x)
def constant_if():
    if True:
        x = []
    return rc(x)
def conditional_expr(c):
    x = [] if c else None
    return rc(x)
def try_finally():
    try:
        x = []
    finally:
        pass
    return rc(x)
def in_finally():
    x = None
    try:
        x = []
    finally:
        r = rc(x)
    return r
def for_else():
    for i in []:
        pass
    else:
        y = []
    return rc(y)
def short_circuit(c):
    if c and (x := []) is not None:
        pass
    return rc(x)
def try_else():
    try:
        pass
    except Exception:
        pass
    else:
        x = []
    return rc(x)
def while_cond():
    n = 0
    while n < 1:
        x = []
        n += 1
    return rc(x)
def nested_if(c, d):
    if c:
        x = []
    else:
        if d:
            x = []
        else:
            x = []
    return rc(x)
def if_return(c):
    if not c:
        return None
    else:
        x = []
    return rc(x)
def if_raise(c):
    if c:
        x = []
    else:
        raise ValueError
    return rc(x)
def in_loop_assigned_before():
    x = []
    out = []
    for i in range(2):
        out.append(rc(x))
    return out
def load_in_handler():
    x = []
    try:
        y = 1 / 0
    except ZeroDivisionError:
        return rc(x)
def augassign(c):
    if c:
        n = 5
    n += 1
    x = []
    return rc(x), n
def import_name():
    import gc as x
    return rc(x) > 0
def while_else():
    n = 0
    while n < 1:
        n += 1
    else:
        x = []
    return rc(x)
def with_as():
    with CM() as x:
        pass
    return rc(x) > 0
def dict_comp_shadow():
    k = []
    {k: 1 for k in range(2)}
    return rc(k)
def genexp_shadow():
    k = []
    list(k for k in range(2))
    return rc(k)
def lambda_default():
    x = []
    f = lambda: 1
    return rc(x)
for f in [lambda: if_assigned(True), for_assigned, straight, deleted_then_assigned, try_except_pass, try_except_both,
          with_body, while_true_break, loop_body_later, lambda: twice(True), comprehension_shadow,
          lambda: parameter([]), walrus_comp, constant_if, lambda: conditional_expr(True), try_finally, in_finally,
          for_else, lambda: short_circuit(True), try_else, while_cond, lambda: nested_if(False, True), lambda: if_return(True),
          lambda: if_raise(True), in_loop_assigned_before, load_in_handler, lambda: augassign(True), import_name, while_else,
          with_as, dict_comp_shadow, genexp_shadow, lambda_default]:
    print(f())
def a():
    x = []
    while True:
        break
    return rc(x)
def b(c):
    while True:
        x = []
        if c:
            break
    return rc(x)
def c1():
    x = []
    while 1:
        break
    y = []
    return rc(x), rc(y)
def d():
    x = []
    for i in range(1):
        break
    return rc(x)
def e():
    x = []
    while x is not None:
        break
    return rc(x)
def f():
    x = []
    if x:
        pass
    return rc(x)
print(a(), b(True), c1(), d(), e(), f())
