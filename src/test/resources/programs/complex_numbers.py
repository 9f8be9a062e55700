# complex numbers: literals, complex(), arithmetic with ints and floats, abs, conjugate,
# real/imag, repr and str, hashing, ==, format specs, CPython's error wording, and the object
# effects: constants folded and shared, a lone complex returned as is, sizes and address reuse.
import gc
import math
import sys


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(repr(1j), repr(-1j), repr(0j), repr(-0j), repr(1+2j), repr(1.5-2.5j), repr(complex(-0.0, 0)), repr(complex(0.0, -0.0)), repr(1e20j), repr(1e16+1j), repr(complex(float('inf'), float('nan'))), repr(complex(1, float('-inf'))))
print(str(1+2j), 1+2j)
t("div0", lambda: 1j/0)
t("div0c", lambda: 1j/0j)
t("floordiv", lambda: 1j//2)
t("mod", lambda: 1j%2)
t("divmod", lambda: divmod(1j, 2))
t("lt", lambda: 1j < 2j)
t("lt int", lambda: 1j < 2)
t("pow0", lambda: 0j ** -1)
t("pow0c", lambda: 0j ** 1j)
t("pow3", lambda: pow(1j, 2, 3))
t("round", lambda: round(1j))
t("int", lambda: int(1j))
t("float", lambda: float(1j))
t("abs", lambda: abs(3+4j))
t("absbig", lambda: abs(complex(1e308, 1e308)))
t("powbig", lambda: (1e200+1e200j) ** 2)
t("powint", lambda: (1+1j) ** 2)
t("powneg", lambda: (1+1j) ** -2)
t("powfloat", lambda: (1+1j) ** 0.5)
t("powc", lambda: (1+1j) ** (1+1j))
t("powlarge", lambda: (1+1j) ** 101)
t("2**j", lambda: 2 ** 1j)
t("mixed", lambda: (1 + 2j) * 3 - 1.5 + True)
t("bigint", lambda: 1j + 2**2000)
t("hash", lambda: (hash(1j), hash(1+2j), hash(-1j), hash(complex(1.5, -2)), hash(3+0j)))
t("eq", lambda: (1+0j == 1, 1j == 1, 1+0j == 1.0, (2**60+0j) == 2**60, (2**60+1+0j) == 2**60+1, 1j != 1j))
t("bool", lambda: (bool(0j), bool(1j), bool(complex(0, -0.0))))
t("conj", lambda: ((1+2j).conjugate(), (1+2j).real, (1+2j).imag, (5).real, (5).imag, (5).conjugate(), (2.5).imag))
t("neg", lambda: (-(1+2j), +(1+2j), -0j))
t("sizeof", lambda: sys.getsizeof(1j))

t("math", lambda: math.sqrt(1j))
t("index", lambda: [1,2][complex(1)])
t("set real", lambda: setattr(1j, 'real', 2))
t("truediv", lambda: ((1+2j)/(3-4j), (1+2j)/2, 2/(1+1j), 1e300j/1e-300))
t("sum", lambda: sum([1j, 2, 3.5]))
t("complex()", lambda: (complex(), complex(1), complex(1.5, 2), complex(1j, 1j), complex('1+2j'), complex(' (3-4j) '), complex('j'), complex('-j'), complex('1e3'), complex('1_0j'), complex('inf-nanj'), complex(True, False)))
for s in ['', '1+', '1 + 2j', 'j1', '1jj', '(1+2j', '()', 'x', '1+2J', '+1.5e-3J', '0x10', '1__0', ' 1j ']:
    t("parse %r" % s, lambda: complex(s))
t("two str", lambda: complex('1', 2))
t("second str", lambda: complex(1, '2'))
t("first list", lambda: complex([]))
t("second list", lambda: complex(1, []))
t("kw", lambda: complex(real=1, imag=2))
t("kw bad", lambda: complex(x=1))
t("three", lambda: complex(1, 2, 3))
t("same", lambda: (lambda c: complex(c) is c)(1+2j))
t("format", lambda: (format(1+2j), format(1+2j, ''), format(1+2j, '10'), format(1+2j, '.2f'), format(1.5j, 'g'), format(1+2j, '<12'), format(1+2j, '+.1e'), format(-0j, ''), format(1j, '.3')))
t("format=", lambda: format(1j, '=10'))
t("format0", lambda: format(1j, '010'))
t("format%", lambda: format(1j, '%'))
t("formatd", lambda: format(1j, 'd'))
t("f-string", lambda: f"{1+2j!r:>10}|{3j}|{2-1j:.1f}")
t("repeat", lambda: [1] * 1j)

# Constants: 1+2j is folded by the compiler, and equal constants of one code object are one object.
a = 1 + 2j
b = 1 + 2j
print(a is b, sys.getrefcount(a))


def f():
    return 3j


print(f() is f(), f() == 3j)
# complex() of an exact complex and +c are the very object; -c and c.conjugate() are new.
c = complex(5, 6)
print(complex(c) is c, +c is c, -(-c) is c, c.conjugate() is c, sys.getrefcount(c))
print(gc.is_tracked(c), sys.getsizeof(c), sys.getsizeof(0j))
# No free list: a dead complex's 32-byte block is the next 32-byte object's.
k = id(c)
del c
d = complex(7, 8)
print(id(d) == k)
k = id(d)
del d
e = [1.5][0] * 2
print(id(e) == k)
