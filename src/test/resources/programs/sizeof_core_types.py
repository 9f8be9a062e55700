# sys.getsizeof on 64-bit CPython 3.11: the object's own bytes plus its GC header,
# never the objects it refers to.
import sys

print(sys.getsizeof(None), sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(1.5))

# int: a 24-byte header, then one 4-byte digit per 30 bits of magnitude.
for k in range(0, 200, 7):
    print(k, sys.getsizeof(2**k), sys.getsizeof(-(2**k)), sys.getsizeof(2**k - 1))

# str (PEP 393): the widest character picks 1, 2 or 4 bytes per character.
for n in [0, 1, 2, 7, 8, 15, 16, 100]:
    print(n, sys.getsizeof('a' * n), sys.getsizeof('\xe9' * n), sys.getsizeof('\u03a9' * n),
          sys.getsizeof('\U0001f600' * n))
print(sys.getsizeof('a\xe9'), sys.getsizeof('a\u03a9'), sys.getsizeof('a\U0001f600'))

# tuple: 8 bytes per item, whatever the items are.
for n in [0, 1, 2, 3, 10, 50]:
    print(n, sys.getsizeof((0,) * n), sys.getsizeof(('x' * 1000,) * n))

# range: three references and a length, however long the range.
print(sys.getsizeof(range(0)), sys.getsizeof(range(10**6)), sys.getsizeof(range(1, 10, 2)))
print(sys.getsizeof(1, 0), sys.getsizeof(1, default=0))
