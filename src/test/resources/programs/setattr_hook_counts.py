# slot_tp_setattro calls a class's __setattr__ and __delattr__ as vectorcall_method does: the function
# gets the instance as its first argument, and no bound method holds another reference to it.
import sys
class P:
    def __setattr__(self, name, value):
        print("set", name, sys.getrefcount(self), sys.getrefcount(value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name, sys.getrefcount(self))
        object.__delattr__(self, name)
p = P()
v = [1]
p.x = v
setattr(p, "y", v)
del p.x
delattr(p, "y")
print(sorted(vars(p)), sys.getrefcount(v))
