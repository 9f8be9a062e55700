# from m import names: bindings, aliases, and the ImportError of a name a builtin module lacks.
from gc import collect, isenabled as ie
print(collect(), ie())
from sys import getrefcount
x=[]
print(getrefcount(x))
from copy import deepcopy
print(deepcopy([1]))
try:
    from gc import nope
except ImportError as e:
    print(e)
