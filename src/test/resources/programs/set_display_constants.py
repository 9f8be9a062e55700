# A set display of constants is a frozenset constant (BUILD_SET, LOAD_CONST, SET_UPDATE) that the compiler
# made anew from its own order when it merged it, and the first equal one of the file stands for the rest;
# for and comprehensions iterate a constant frozenset in its own order (fold_iter), the parse tree holding
# the original (its items each one more reference).
print({0, 8, 16}, {16, 8, 0})
def f():
    return {16, 8, 0}
print(f(), {0, 8, 16})
a = {8, 0, 1}; b = {0, 8, 1}; print(a, b)
print({1, 2, 3.0}, {1.0, 2, 3})
for x in {7, 15, 23, 31, 39}: print(x, end=" ")
print([x for x in {7, 15, 23, 31, 39}], 23 in {7, 15, 23, 31, 39})
print({0, 7, 15}, {15, 7, 0}, {7, 15, 23, 31, 39})
import sys
for x in [1000, 2000]:
    print(sys.getrefcount(x))
for x in {1000, 3000}:
    print(sys.getrefcount(x))
print([sys.getrefcount(y) for y in [5000, 6000]])
for x in {7, 15, 23, 31, 39}: print(x, end=" ")
print([x for x in {7, 15, 23, 31, 39}], {x for x in {0, 7, 15}})
a = b = 1
for x in [a, b]: print(x)
