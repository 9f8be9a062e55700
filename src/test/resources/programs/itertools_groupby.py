# itertools.groupby: one pass over the input; a group's iterator dies when the next group starts.
from itertools import groupby

words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
print([(k, len(list(g))) for k, g in groupby("aaabccdaa")])
groups = [(k, g) for k, g in groupby("aabbc")]
print([(k, list(g)) for k, g in groups])
g = groupby([1, 1, 2])
key, first = next(g)
print(key, next(first))
key2, second = next(g)
print(key2, list(first), list(second))
print(type(first).__name__, list(groupby([])))
