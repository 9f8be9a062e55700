# A call that packs its arguments into a tuple holds one more reference to each while it runs:
# str(x), int(x) and bytes(x) through type_call (until 3.13, str and int get vectorcall), and
# print(x), whose arguments 3.11-3.13 take as a tuple. float() and bool() never pack them.
import sys


class P:
    def __str__(self):
        print("  __str__", sys.getrefcount(self))
        return "p"

    def __int__(self):
        print("  __int__", sys.getrefcount(self))
        return 1

    def __float__(self):
        print("  __float__", sys.getrefcount(self))
        return 1.0

    def __bytes__(self):
        print("  __bytes__", sys.getrefcount(self))
        return b"p"

    def __bool__(self):
        print("  __bool__", sys.getrefcount(self))
        return True


p = P()
print("str", str(p))
print("int", int(p))
print("float", float(p))
print("bytes", bytes(p))
print("bool", bool(p))
print(p)
print(p, p, sep="|")
