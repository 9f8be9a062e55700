# Where a builtin wants an int or a float, an object of a class takes part through __index__, __int__
# and __float__, as CPython's PyNumber_Index, PyNumber_Long and PyFloat_AsDouble ask them.
import operator


class Count:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Whole:
    def __int__(self):
        return 9


class Half:
    def __float__(self):
        return 2.5


class BadInt:
    def __int__(self):
        return 2.5


class BadIndex:
    def __index__(self):
        return "3"


def attempt(what, f):
    try:
        print(what, repr(f()))
    except (TypeError, ValueError, OverflowError, IndexError) as e:
        print(what, type(e).__name__ + ":", e)


two = Count(2)
attempt("int(Count)", lambda: int(Count(7)))
attempt("int(Whole)", lambda: int(Whole()))
attempt("int(BadInt)", lambda: int(BadInt()))
attempt("int(BadIndex)", lambda: int(BadIndex()))
attempt("int(base)", lambda: int("17", Count(8)))
attempt("float(Count)", lambda: float(Count(3)))
attempt("float(Half)", lambda: float(Half()))
attempt("round", lambda: round(3.14159, two))
attempt("chr", lambda: chr(Count(65)))
attempt("pop", lambda: [1, 2, 3].pop(two))
attempt("insert", lambda: [1, 2, 3].insert(Count(1), "x"))
attempt("center", lambda: "a".center(two))
attempt("zfill", lambda: "7".zfill(Count(3)))
attempt("to_bytes", lambda: (7).to_bytes(two, "big"))
attempt("bytes", lambda: bytes(two))
attempt("bytearray", lambda: bytearray(two))
attempt("bytes[]", lambda: b"xyz"[Count(0)])
attempt("bytearray[]", lambda: bytearray(b"xyz")[Count(-1)])
attempt("str * Count", lambda: "ab" * Count(3))
attempt("Count * list", lambda: Count(2) * [0])
attempt("tuple * Count", lambda: (1,) * two)
attempt("operator.mul", lambda: operator.mul([1], two))
attempt("str * BadIndex", lambda: "ab" * BadIndex())
lst = [1, 2]
alias = lst
lst *= Count(2)
print("list *= Count", lst, lst is alias)
attempt("%d %x %o %c", lambda: "%d %x %o %c" % (Count(65), Count(65), Count(65), Count(65)))
attempt("%d Whole", lambda: "%d" % Whole())
attempt("%x Whole", lambda: "%x" % Whole())
attempt("%d BadInt", lambda: "%d" % BadInt())
attempt("%f Half", lambda: "%f" % Half())
attempt("%.1f Count", lambda: "%.1f" % Count(4))
attempt("%c BadIndex", lambda: "%c" % BadIndex())
attempt("%c big", lambda: "%c" % (2 ** 70))
attempt("% list", lambda: "x" % [])
attempt("% bytes", lambda: "x" % b"ab")
attempt("% int", lambda: "x" % 5)
attempt("%(k)s list", lambda: "%(k)s" % [1])
attempt("sum bytes", lambda: sum([b"a"], b""))
attempt("sum bytearray", lambda: sum([b"a"], bytearray()))
attempt("bytes(2**70)", lambda: bytes(2 ** 70))
attempt("list * 2**70", lambda: [1] * (2 ** 70))
attempt("str * 2**70", lambda: "a" * (2 ** 70))
attempt("index 2**70", lambda: [1, 2][2 ** 70])
attempt("index Count(2**70)", lambda: [1, 2][Count(2 ** 70)])
attempt("repeat Count(2**70)", lambda: "a" * Count(2 ** 70))


class Counted:
    calls = 0

    def __index__(self):
        Counted.calls += 1
        return 2


c = Counted()
print("ab" * c, [0] * c, b"x" * c, [1, 2, 3][c], "%x" % c, Counted.calls)
attempt("center Count(2**70)", lambda: "a".center(Count(2 ** 70)))
attempt("pop Count(2**70)", lambda: [1].pop(Count(2 ** 70)))
from collections import deque

dq = deque([10, 20, 30])
dq[Count(1)] = 5
del dq[Count(-1)]
print(dq, dq[Count(0)])
