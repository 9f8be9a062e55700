# globals() is the module's own dict: writing to it makes a global name.
import sys

x = [1]
g = globals()
print(g["x"] is x, g is globals())
g["made"] = "by globals()"
print(made)

def inside():
    return globals() is g

print(inside(), "inside" in g)
print(sys.getrefcount(x))
print(sorted(k for k in g if not k.startswith("__")))
