# The types module: the interpreter's own type objects under their names, MappingProxyType's
# read-only view over a dict it keeps alive, and SimpleNamespace, whose attributes are its dict.
import sys
import types

def f():
    yield 1

print(type(f) is types.FunctionType, types.LambdaType is types.FunctionType, type(len) is types.BuiltinFunctionType)
print(type(f()) is types.GeneratorType, type(None) is types.NoneType, types.NoneType() is None)
print(type(sys) is types.ModuleType, type(...) is types.EllipsisType, type(NotImplemented) is types.NotImplementedType)
print(types.FunctionType, types.MethodType, types.ModuleType, types.CellType, types.CodeType, types.MappingProxyType)
print(type(f.__code__) is types.CodeType, types.GetSetDescriptorType)

class Greeter:
    def hello(self):
        return "hi from " + self.name

g = Greeter()
g.name = "g"
m = types.MethodType(Greeter.hello, g)
print(m(), type(m) is types.MethodType, m.__self__ is g, m.__func__ is Greeter.hello)
try:
    types.MethodType(Greeter.hello, None)
except TypeError as e:
    print(e)

data = {"a": 1}
print(sys.getrefcount(data))
view = types.MappingProxyType(data)
print(sys.getrefcount(data), view, str(view), repr(view))   # the proxy holds the dict
data["b"] = [2]
print(view["b"], len(view), "b" in view, list(view), view.get("z", 0), view.get("a"))
print(view == data, data == view, view != {"a": 1}, sys.getsizeof(view))
try:
    view["c"] = 3
except TypeError as e:
    print(e)
try:
    hash(view)
except TypeError as e:
    print(e)
try:
    types.MappingProxyType([1, 2])
except TypeError as e:
    print(e)
c = view.copy()
print(c, type(c).__name__, c is data, sorted(view.keys()), list(view.values()), list(view.items()))
del view
print(sys.getrefcount(data))

ns = types.SimpleNamespace(x=1, y=[2])
print(ns, type(ns), type(ns).__name__, sys.getsizeof(ns))
ns.z = "three"
del ns.x
print(ns, ns.__dict__, ns.__dict__ is ns.__dict__)
print(ns == types.SimpleNamespace(y=[2], z="three"), ns == types.SimpleNamespace())
ns.me = ns
print(ns)
try:
    ns.missing
except AttributeError as e:
    print(e)
try:
    hash(ns)
except TypeError as e:
    print(e)
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print(e)
lst = [1, 2, 3]
print(sys.getrefcount(lst))
holder = types.SimpleNamespace(items=lst)
print(sys.getrefcount(lst))                  # the namespace's dict holds it
del holder
print(sys.getrefcount(lst))
