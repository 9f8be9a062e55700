# s &= t takes the intersection's table and drops its own: the members only the old table held go at once.
import sys
class A:
    def __del__(self): print("del")
a = A()
s = {a}
s &= {a}
print(sys.getrefcount(a))
s.intersection_update([])
print(sys.getrefcount(a))
del a
s &= set()
print("end")
