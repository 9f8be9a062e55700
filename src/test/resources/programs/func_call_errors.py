# Every TypeError a bad call to a Python function raises, worded as CPython 3.11 words it.
def f(a, b=2, *args, c, d=4, **kw):
    return a

class A:
    def m(self, x):
        return x

def po(x, y, /, z):
    return x

def kwo(a, *, k):
    return a

def report(thunk):
    try:
        thunk()
    except TypeError as e:
        print(type(e).__name__ + ":", e)

report(lambda: f())
report(lambda: f(1))
report(lambda: f(1, 2, 3, c=1, e=5, a=3))
report(lambda: A().m())
report(lambda: A().m(1, 2))
report(lambda: A.m())
report(lambda: po(x=1, y=2, z=3))
report(lambda: po(1, y=2, z=3))
report(lambda: po(1, 2))
report(lambda: po(1, 2, 3, 4))
report(lambda: kwo(1, 2, k=3))
report(lambda: kwo(1, 2, 3))
report(lambda: kwo())
report(lambda: kwo(1, j=2))
report(lambda: (lambda a, b, c: 0)())
report(lambda: (lambda a, b, c, d: 0)(1))
report(lambda: (lambda *, a, b: 0)())
report(lambda: (lambda: 0)(1))
report(lambda: (lambda a=1: 0)(1, 2))
report(lambda: (lambda a, b=1: 0)(1, 2, 3))
report(lambda: f(*1))
report(lambda: f(**1))
report(lambda: f(1, *2))
report(lambda: f(1, c=1, **{'c': 2}))
report(lambda: f(**{1: 2}))
report(lambda: A().m(*[1, 2]))
report(lambda: A().m(**[]))
report(lambda: len(*[1, 2]))
