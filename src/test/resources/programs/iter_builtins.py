# map, filter, reversed, iter(callable, sentinel), sum/min/max/any/all over any iterable.
import sys

class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("freed", self.n)

def noisy(k):
    for i in range(k):
        yield Noisy(i)

print(sum(n.n for n in noisy(3)))
print(max(noisy(3), key=lambda n: n.n).n)
print(any(n.n > 0 for n in noisy(3)))
print(all(n.n < 5 for n in noisy(2)))
print(sum([1, 2, 3]), sum([0.5, 1, 2]), sum([[1], [2]], []), sum(range(5), 10), sum([True, True]))
print(min(3, 1, 2), max("abc"), min([], default="none"), max([2, 5, 1], key=lambda x: -x))
print(min((1, "b"), (1, "a")), max([1, 2], [1, 3]))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "x", None])), list(filter(lambda v: v % 2, range(6))))
print(list(filter(bool, [[], [0]])))
print(list(reversed([1, 2, 3])), list(reversed((4, 5))), "".join(reversed("abc")), list(reversed(range(1, 10, 3))))
print(type(reversed((1,))).__name__, type(reversed([1])).__name__, type(reversed(range(2))).__name__)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
try:
    reversed({1, 2})
except TypeError as err:
    print(err)

counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
it = iter(tick, 99)
print(next(it), next(it))
source = [1, 2, 3]
m = map(abs, source)
print(sys.getrefcount(source))
del m
print(sys.getrefcount(source))
print(sorted(noisy(2), key=lambda n: -n.n)[0].n)
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({"b": 1, "a": 2}))
d = {"k": 1, "j": 2}
print(list(d), list(d.keys()), list(d.values()), list(d.items()), sorted(set([3, 1])))
print(list(range(3)), list(iter([1, 2])), next(iter({}), "empty"))
