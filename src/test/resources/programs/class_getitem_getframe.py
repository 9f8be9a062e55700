# Subscripting a class: list[int] and dict[str, int] make a types.GenericAlias that holds its
# origin and its arguments as a tuple; a class's own __class_getitem__ (made a classmethod by
# type()) is called with the subscript; other classes are not subscriptable. sys._getframe gives
# the running frame's object, and staticmethod wraps builtins too.
import sys

ints = list[int]
print(ints, type(ints), ints.__origin__ is list, ints.__args__, sys.getsizeof(ints))
print(dict[str, int], tuple[()], tuple[int, ...], type[int], list[None], list["x"], list[list[int]])
print(list[int] == list[int], list[int] == list[str], list[int] is list[int], hash(list[int]) == hash(list[int]))
made = list[int]((1, 2))
print(made, type(made))

class Point:
    pass

key = Point
before = sys.getrefcount(key)
alias = set[key]
print(alias, sys.getrefcount(key) - before)     # its args tuple holds the class
del alias
print(sys.getrefcount(key) - before)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    int[3]
except TypeError as e:
    print(e)
try:
    Point[int]
except TypeError as e:
    print(e)

class Box:
    def __class_getitem__(cls, item):
        print("__class_getitem__", cls.__name__, item)
        return f"Box of {item.__name__}"

print(Box[int], type(Box.__dict__["__class_getitem__"]).__name__)

class Typed(list):
    pass

print(Typed[int], list[Typed])

def where():
    frame = sys._getframe()
    caller = sys._getframe(1)
    return frame.f_code.co_name, caller.f_code.co_name, frame.f_back is caller, frame.f_lineno

print(where())
try:
    sys._getframe(50)
except ValueError as e:
    print(e)

class Tools:
    size = staticmethod(len)
    biggest = staticmethod(max)

print(Tools.size("abcd"), Tools().biggest(3, 9, 4), Tools.__dict__["size"].__func__ is len)
print(Tools.__dict__["size"].__name__, Tools.__dict__["size"].__module__, len.__qualname__, [].append.__qualname__)
