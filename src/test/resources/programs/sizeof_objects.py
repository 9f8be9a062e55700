# sys.getsizeof of instances (with and without __dict__, with __slots__), functions, methods and other objects.
import sys
import weakref


class Plain:
    def method(self):
        return self


class Child(Plain):
    pass


class NoSlots:
    __slots__ = ()


class TwoSlots:
    __slots__ = ("a", "b")


class FiveSlots:
    __slots__ = ("a", "b", "c", "d", "e")


p = Plain()
print("instances", sys.getsizeof(p), sys.getsizeof(Child()), sys.getsizeof(NoSlots()), sys.getsizeof(TwoSlots()),
      sys.getsizeof(FiveSlots()))
p.x = 1
p.y = [1, 2]
print("attributes live elsewhere", sys.getsizeof(p))
t = TwoSlots()
t.a = "x" * 100
print("slot values live elsewhere", sys.getsizeof(t))


def f():
    return 1


def outer():
    v = 1

    def inner():
        return v
    return inner


print("functions", sys.getsizeof(f), sys.getsizeof(lambda: 0), sys.getsizeof(outer()), sys.getsizeof(outer().__closure__[0]))
print("methods", sys.getsizeof(p.method), sys.getsizeof(len), sys.getsizeof(print), sys.getsizeof([].append),
      sys.getsizeof({}.get))
d = {"a": 1}
print("others", sys.getsizeof(object()), sys.getsizeof(d.keys()), sys.getsizeof(d.items()), sys.getsizeof(property()),
      sys.getsizeof(weakref.ref(p)), sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter("ab")),
      sys.getsizeof(iter(range(3))), sys.getsizeof(reversed([1])))
print("default unused", sys.getsizeof(p, -1))
