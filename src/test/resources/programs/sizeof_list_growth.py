# sys.getsizeof of lists: the over-allocation each way of building and changing a list leaves.
import copy
import sys

x = 7
print("literals", [sys.getsizeof(l) for l in ([], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4, 5], [x], [x, x], [x, x, x],
                                             [x, 1, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])])
print("big literal", sys.getsizeof([x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x,
                                    x, x, x, x, x, x]))
print("constant tuple items", sys.getsizeof([(1, 2), "a", None]), sys.getsizeof([-1, 2.5, "b" * 2]))

grow = []
sizes = []
for i in range(130):
    grow.append(i)
    sizes.append(sys.getsizeof(grow))
print("append", sizes)
sizes = []
while grow:
    grow.pop()
    sizes.append(sys.getsizeof(grow))
print("pop", sizes)
print("after pop, extend", sys.getsizeof(grow), grow.extend((1, 2, 3)), sys.getsizeof(grow))

print("comprehensions", [sys.getsizeof([i for i in range(n)]) for n in range(0, 40, 3)])
print("list()", [sys.getsizeof(list(range(n))) for n in range(0, 30, 3)])
print("list() of tuple, str, dict, set", sys.getsizeof(list((1, 2, 3))), sys.getsizeof(list("abcde")),
      sys.getsizeof(list({1: 2, 3: 4, 5: 6})), sys.getsizeof(list({1, 2, 3, 4, 5, 6, 7})))
print("list() of iterators", [sys.getsizeof(list(iter(range(n)))) for n in (0, 1, 5, 9, 20)],
      [sys.getsizeof(list(iter([x] * n))) for n in (0, 1, 5, 9, 20)])
print("sorted", [sys.getsizeof(sorted(range(n))) for n in (0, 1, 3, 8, 17)], sys.getsizeof(sorted([3, 1, 2])))

for start in ([], [1], [1, 2, 3, 4, 5]):
    for more in ([], [1], (1, 2, 3), range(4), iter([1, 2]), "abcdefghij"):
        l = list(start)
        l.extend(more)
        m = list(start)
        m += more if not isinstance(more, type(iter([]))) else []
        print("extend", len(start), type(more).__name__, sys.getsizeof(l), sys.getsizeof(m))

l = [x, x]
print("slices", sys.getsizeof(l[:]), sys.getsizeof(l[:1]), sys.getsizeof(l[::2]), sys.getsizeof(l[5:]))
print("concat repeat", sys.getsizeof(l + l), sys.getsizeof(l + []), sys.getsizeof([] + []), sys.getsizeof(l * 3),
      sys.getsizeof(l * 0), sys.getsizeof([x] * 100))
l = [1, 2, 3]
l *= 5
print("inplace repeat", sys.getsizeof(l))
l *= 0
print("inplace repeat 0", sys.getsizeof(l))

l = list(range(20))
sizes = []
for i in range(19):
    del l[0]
    sizes.append(sys.getsizeof(l))
del l[0]
print("del front", sizes, sys.getsizeof(l))
l = list(range(20))
sizes = []
while l:
    l.remove(l[-1])
    sizes.append(sys.getsizeof(l))
print("remove", sizes)
l = list(range(20))
sizes = []
for i in range(10):
    l.insert(0, i)
    sizes.append(sys.getsizeof(l))
print("insert", sizes)
l = list(range(40))
del l[5:30]
print("del slice", sys.getsizeof(l))
del l[::2]
print("del extended slice", sys.getsizeof(l))
l[1:2] = range(30)
print("grow slice", sys.getsizeof(l))
l[:] = []
print("empty slice", sys.getsizeof(l))
l = list(range(30))
l.clear()
print("clear", sys.getsizeof(l))
l.extend([1, 2, 3])
print("clear then extend", sys.getsizeof(l))
l = list(range(10))
print("pop middle", [sys.getsizeof(l) for _ in range(9) if l.pop(0) is not None])

print("split", [sys.getsizeof(("a " * n).split()) for n in range(0, 30, 4)],
      [sys.getsizeof(",".join(["a"] * n).split(",")) for n in range(1, 30, 4)],
      sys.getsizeof("a b c".split(maxsplit=1)), sys.getsizeof("a,b,c".split(",", 0)))
s = "a b".split()
s.append(1)
print("split then append", sys.getsizeof(s))
s = "a b".split()
s.insert(0, 1)
print("split then insert", sys.getsizeof(s))
word = "unsplit" * 2
print("split nowhere", word.split()[0] is word, word.split(",")[0] is word, word.split(maxsplit=0)[0] is word)

l = [x, x, x]
print("copies", sys.getsizeof(l.copy()), sys.getsizeof(copy.copy(l)), sys.getsizeof(copy.deepcopy(l)),
      sys.getsizeof(copy.deepcopy([1] * 9)))
l = [3, 1, 2]
l.sort()
l.reverse()
print("sort keeps", sys.getsizeof(l))
