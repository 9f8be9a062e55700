# complex arithmetic with an int or float operand: converted to complex first until 3.13,
# part by part from 3.14 (gh-69639), which shows with infinities, NaNs and signed zeros.
import sys

inf = float("inf")
z = complex(1, inf)
print(2.0 * z, z * 2, z + 1, 1 - complex(2, 0.0), complex(-0.0, -0.0) + 0.0, z / 2)
print((1 + 2j) * 3 - 1.5 + True, 2 ** 1j == 2 ** 1j, abs(3 + 4j), (1 + 1j) ** 2, (1 + 2j).conjugate())
a = 1 + 2j
b = 1 + 2j
print(sys.getrefcount(a), a is b, complex(a) is a, +a is a, complex("1+2j") == a)
print(format(1 + 2j, ".2f"), f"{3j}", repr(complex(0.0, -0.0)), str(-1j))
