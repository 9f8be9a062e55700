# The builtin iterators are small fixed structs, whatever they walk over: a generator of a million
# items is not a list of a million items, and neither is an enumerate, zip or map over one.
import sys

big = list(range(1000))
for name, it in [("list_iterator", iter(big)), ("enumerate", enumerate(big)), ("zip", zip(big, big)),
                 ("map", map(str, big)), ("filter", filter(None, big)), ("reversed", reversed(big)),
                 ("dict_keyiterator", iter(dict.fromkeys(big))), ("dict_itemiterator", iter({1: 2}.items())),
                 ("set_iterator", iter(set(big))), ("callable_iterator", iter(int, 1)), ("range_iterator", iter(range(10**6)))]:
    print(name, type(it).__name__ == name, sys.getsizeof(it))
print(sys.getsizeof(big) > 8000)
# cmp_to_key's KeyWrapper holds two pointers, the function and the object, however large the object.
import functools
print(sys.getsizeof(functools.cmp_to_key(len)), sys.getsizeof(functools.cmp_to_key(len)(big)))
