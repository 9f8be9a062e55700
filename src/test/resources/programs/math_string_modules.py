# math (the functions IEEE arithmetic fixes exactly, and the integer ones) and string's constants and capwords.
import math
import string


def attempt(thunk):
    try:
        print(repr(thunk()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for v in (0, 1, 2, 2.25, 10**20, -1, -0.0, 1e308, float("inf"), float("nan"), True, "4"):
    attempt(lambda: math.sqrt(v))
for f in (math.floor, math.ceil, math.trunc):
    for v in (2.5, -2.5, 7, True, 1e20, -0.0, float("inf"), float("nan"), "x"):
        attempt(lambda: f(v))
for v in (0.0, -3.5, 1.5, 1e-310, float("inf"), 8, -0.0):
    attempt(lambda: (math.fabs(v), math.modf(v), math.frexp(v), math.isfinite(v), math.isinf(v), math.isnan(v)))
attempt(lambda: (math.copysign(3, -0.0), math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(7, -2), math.remainder(7, 2),
                 math.remainder(5, 2)))
attempt(lambda: math.fmod(1, 0))
attempt(lambda: (math.ldexp(0.75, 3), math.ldexp(1.0, -1074), math.ldexp(1.0, 1024)))
attempt(lambda: (math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45)))
attempt(lambda: (math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2),
                 math.isclose(0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf)))
attempt(lambda: (math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([])))
attempt(lambda: math.fsum([math.inf, -math.inf]))
attempt(lambda: (math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2], start=2), math.prod(range(1, 25))))
attempt(lambda: (math.factorial(0), math.factorial(5), math.factorial(30)))
attempt(lambda: math.factorial(-1))
attempt(lambda: math.factorial(2.0))
attempt(lambda: (math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40 + 1)))
attempt(lambda: math.isqrt(-1))
attempt(lambda: (math.gcd(), math.gcd(12, 18), math.gcd(-12, 18, 8), math.gcd(0, 0), math.lcm(4, 6), math.lcm(), math.lcm(0, 5)))
attempt(lambda: math.gcd(1.5, 2))
attempt(lambda: (math.comb(10, 3), math.comb(3, 10), math.comb(100, 50), math.perm(5), math.perm(5, 2), math.perm(2, 5)))
attempt(lambda: math.comb(-1, 2))
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("  hello   big world "), string.capwords("a-b-c", "-"), string.capwords("ÉTÉ été"))
