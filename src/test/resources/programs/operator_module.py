# operator: each function runs the same operation as its symbol, errors included.
import operator


def attempt(thunk):
    try:
        print(repr(thunk()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and_", "or_", "xor",
             "eq", "ne", "lt", "le", "gt", "ge", "is_", "is_not"):
    f = getattr(operator, name)
    for a, b in ((7, 2), (2.5, 2), ([1], [2]), ("ab", 3), ({1, 2}, {2, 3}), (1, "x"), (True, 0)):
        attempt(lambda: f(a, b))
for name in ("neg", "pos", "invert", "inv", "not_", "truth", "index"):
    for a in (5, -2.5, True, [], "x"):
        attempt(lambda: getattr(operator, name)(a))
l = [1, 2]
print(operator.iadd(l, [3]) is l, l, operator.imul(l, 2), operator.ior({1}, {2}), operator.iand({1, 2}, {2}),
      operator.isub(5, 3))
d = {"k": 1}
operator.setitem(d, "j", 2)
operator.delitem(d, "k")
print(d, operator.getitem(d, "j"), operator.contains(d, "j"), operator.contains([1, 2], 3))
attempt(lambda: operator.getitem(d, "missing"))
for thunk in (lambda: "a" + 1, lambda: [1] + (2,), lambda: (1,) + [2], lambda: 2.5 * "ab", lambda: [1] * 2.0,
              lambda: 1 + "a", lambda: [] ** 2, lambda: {} + {}, lambda: None * 3, lambda: pow([], 2)):
    attempt(thunk)
