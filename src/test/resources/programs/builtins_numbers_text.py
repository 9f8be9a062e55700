# bin, oct, hex, divmod, pow, round, format, ascii, isinstance/issubclass: values and errors as CPython's.
def attempt(thunk):
    try:
        print(repr(thunk()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Idx:
    def __index__(self):
        return 10


class Pair:
    def __divmod__(self, other):
        return ("divmod", other)

    def __rdivmod__(self, other):
        return ("rdivmod", other)


for f in (bin, oct, hex):
    for v in (0, 5, -5, 255, 2**70, -(2**70), True, Idx()):
        attempt(lambda: f(v))
    attempt(lambda: f(1.5))
    attempt(lambda: f("3"))

for x, y in ((7, 2), (-7, 2), (7, -2), (-7, -2), (2**70, 3), (7.5, 2), (-7.5, 2), (7, 0.5), (1, 0), (1.0, 0), (1, 0.0)):
    attempt(lambda: divmod(x, y))
attempt(lambda: divmod(Pair(), 3))
attempt(lambda: divmod(3, Pair()))
attempt(lambda: divmod("a", 3))

for args in ((2, 10), (2, -1), (2, 10, 7), (3, -1, 7), (2, 10, -7), (4, -1, 6), (2, 3, 0), (2, 3, 1), (2.0, 3, 5),
             (10**30, 10**20 + 1, 97), (0, 0, 5), ("a", 2, 3)):
    attempt(lambda: pow(args[0], args[1]) if len(args) == 2 else pow(args[0], args[1], args[2]))
print(pow(base=2, exp=5, mod=3))

for v, nd in ((2.675, 2), (2.5, None), (3.5, None), (-2.5, None), (0.125, 2), (1234.5678, -2), (-0.4, None),
              (1e300, 2), (0.5, 0), (15, -1), (25, -1), (-35, -1), (True, None), (123456789, -20), (1.5, -400)):
    attempt(lambda: round(v) if nd is None else round(v, nd))
attempt(lambda: round(float("inf")))
attempt(lambda: round(float("nan")))
attempt(lambda: round("x"))

for v, spec in ((42, ""), (42, "5d"), (42, "<5"), (42, "^7x"), (3.14159, ".2f"), (True, ""), (True, ">5"),
                ("ab", ">4"), ("ab", ""), (None, ""), ([1], ""), (None, ">3"), ("ab", "d"), (12345678, ",")):
    attempt(lambda: format(v, spec))
attempt(lambda: format(1, 2))
print(format(7))

print(ascii("é\u1234\U0001f600x"), ascii([1, "ü"]), ascii("plain"))

attempt(lambda: isinstance(1, (str, (float, int))))
attempt(lambda: isinstance(1, (int, 1)))
attempt(lambda: isinstance(1, (str, 1)))
attempt(lambda: isinstance(True, int))
attempt(lambda: issubclass(bool, int))
attempt(lambda: issubclass(bool, (str, (float, int))))
attempt(lambda: issubclass(1, int))
attempt(lambda: issubclass(int, 1))
attempt(lambda: issubclass(Idx, object))
print(__debug__)
