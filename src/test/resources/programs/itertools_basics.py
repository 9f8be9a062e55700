# itertools: lazy iterators holding their sources; product, permutations, combinations and
# zip_longest refill one result tuple while nobody else holds it.
import itertools
import sys
from itertools import count, cycle, repeat, chain, islice

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(0.5), 2)))
c = count(3)
print(next(c), next(c), c)
print(list(islice(cycle("ab"), 5)), list(repeat("x", 3)), repeat(1), repeat(2, 4))
print(list(chain([1, 2], "ab", ())), list(chain.from_iterable([[1], [2, 3]])))
print(list(islice(range(10), 2, 8, 3)), list(islice("abcdef", None)), list(islice(range(5), 1, None)))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)), list(itertools.pairwise("abcd")))
print(list(itertools.zip_longest("ab", [1, 2, 3], fillvalue="-")))
print(list(itertools.product("ab", repeat=2)), list(itertools.product([1, 2], "xy")))
print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.permutations("ab")))
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations("ab", 3)))
ids = [id(t) for t in itertools.product("ab", "cd")]
print(len(set(ids)))
p = itertools.permutations([1, 2, 3])
print(id(next(p)) == id(next(p)))
kept = list(itertools.combinations([1, 2, 3], 2))
print(len(set(id(t) for t in kept)))
z = itertools.zip_longest([1], [2, 3])
print(id(next(z)) == id(next(z)))
data = [1, 2, 3]
it = cycle(data)
print(sys.getrefcount(data))
next(it)
del it
print(sys.getrefcount(data))
print(type(count()).__name__, type(chain()).__name__)
try:
    list(islice([1], -1))
except ValueError as e:
    print(e)
try:
    itertools.combinations([1], -1)
except ValueError as e:
    print(e)
