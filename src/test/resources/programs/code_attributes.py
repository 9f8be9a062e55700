# A function's __code__: its constants as CPython 3.11 builds them (shared with the module's
# equal constants), names, local names, cells and free variables, and the parameter counts.
import sys

def area(r, pi=3.14159):
    "Area of a circle."
    big = 100000
    label = "area"
    return pi * r * r + big - 100000

c = area.__code__
print(c.co_name, c.co_qualname, c.co_argcount, c.co_nlocals)
print(c.co_varnames, c.co_names, c.co_cellvars, c.co_freevars)
print(c.co_consts)
big = 100000
word = "area"
print(c.co_consts[1] is big, c.co_consts[2] is word)

def outer(a, /, b, *args, k, **kw):
    total = a + b
    def inner(x):
        return x + total + k
    return inner

oc = outer.__code__
print(oc.co_argcount, oc.co_posonlyargcount, oc.co_kwonlyargcount, oc.co_varnames)
print(oc.co_cellvars, oc.co_freevars)
inner = outer(1, 2, k=3)
ic = inner.__code__
print(ic.co_name, ic.co_qualname, ic.co_freevars, ic.co_varnames, ic.co_consts)
print([cell.cell_contents for cell in inner.__closure__])
print(type(oc.co_consts[1]).__name__, oc.co_consts[1] is ic)

def no_doc():
    return 42

print(no_doc.__code__.co_consts, no_doc.__doc__)
lam = lambda y: y * 2
print(lam.__code__.co_consts, lam.__code__.co_name, lam.__code__.co_varnames)

# An equal tuple of constants is shared between code objects.
def f1():
    return 7, "seven"

def f2():
    return 7, "seven"

print(f1.__code__.co_consts == f2.__code__.co_consts, f1.__code__.co_consts is f2.__code__.co_consts)
print(f1() is f2())

class K:
    def method(self):
        return __class__

print(K.method.__code__.co_freevars, K().method() is K)

# The constant 100000 is one object: held by area's co_consts, the module's, the parse tree, and 'big'.
print(sys.getrefcount(big))
consts = area.__code__.co_consts
print(sys.getrefcount(consts))
del area
print(sys.getrefcount(consts), sys.getrefcount(big))
