import sys
class A:
    def __del__(self):
        print("del A", sys.getrefcount(self))
a = A()
del a
print("after")
