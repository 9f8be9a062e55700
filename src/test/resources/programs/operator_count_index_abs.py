# operator.countOf and indexOf search by iteration (identity first, so a NaN counts itself); abs is abs().
import operator
print(operator.countOf([1, 2, 1, 1.0, True], 1), operator.countOf("banana", "a"), operator.countOf({1: 2, 3: 4}, 3))
print(operator.indexOf([5, 6, 7], 7), operator.indexOf(iter("abc"), "b"))
nan = float("nan")
print(operator.countOf([nan, nan], nan), operator.countOf([float("nan")], nan))
print(operator.abs(-3), operator.abs(-2.5), operator.abs(True), operator.abs(3+4j))
for f in (lambda: operator.countOf(5, 1), lambda: operator.indexOf([1], 2), lambda: operator.indexOf(5, 1), lambda: operator.abs("x")):
    try: f()
    except Exception as e: print(type(e).__name__, e)
