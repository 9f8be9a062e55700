# CPython 3.11 bounds decimal int<->str conversions at 4300 digits (CVE-2020-10735); bases that are
# powers of two are exempt, and sys.set_int_max_str_digits changes the limit for the interpreter.
import sys

print(sys.get_int_max_str_digits())
n = int("9" * 4300)
print(len(str(n)), str(n)[:10])
print(len(str(-n)))
print(int("1_" * 4000 + "1") % 1000)
print(int("f" * 5000, 16) % 1000)
print(int("0b" + "1" * 20000, 0) % 1000)
big = 10 ** 4300
print(len(hex(big)), len(f"{big:x}"), len(f"{big:b}"), len(f"{big:o}"))
print(int("0x_1f", 0), int("000", 0), int(" 12 "), int("-0x1f", 16))
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(maxdigits=0)
print(sys.get_int_max_str_digits())
print(len(str(int("9" * 5000))), len(str(big)))
