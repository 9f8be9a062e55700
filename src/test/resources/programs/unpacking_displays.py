# * and ** inside list, tuple, set and dict displays (BUILD_LIST + LIST_EXTEND + LIST_TO_TUPLE,
# SET_UPDATE, DICT_UPDATE): the values, and the sizes list_extend, set_update_internal and
# dict_merge leave, which follow how the display was built, not only what it holds.
import sys

a = [1, 2, 3]
b = (4, 5)
s = {6}
d = {'x': 1, 'y': 2}
print([*a, *b], (*a,), {*a}, {**d, 'k': 1}, {'k': 0, **d}, (0, *b, 9))
print([0, *a, 7, *s, *'ab', *range(3), *d])
print({*a, *b, 1, *s}, {**d}, {**{}, **d, **{'x': 5}})

print("n  [*x] [0,*x] [*x,0] [*it] [*x,*x] [*range] [*tuple] (*x,)")
for n in range(10):
    x = list(range(n))
    print(n, sys.getsizeof([*x]), sys.getsizeof([0, *x]), sys.getsizeof([*x, 0]), sys.getsizeof([*iter(x)]),
          sys.getsizeof([*x, *x]), sys.getsizeof([*range(n)]), sys.getsizeof([*tuple(x)]), sys.getsizeof((*x,)))

print("n  {**x} {**x,'q'} {'q',**x} {*x} {0,*x} set(x)")
for n in range(0, 12, 3):
    x = {str(i): i for i in range(n)}
    print(n, sys.getsizeof({**x}), sys.getsizeof({**x, 'q': 1}), sys.getsizeof({'q': 1, **x}),
          sys.getsizeof({*x}), sys.getsizeof({0, *x}), sys.getsizeof(set(x)))

# More pairs than the compiler keeps on its stack: built 17 at a time and merged.
d15 = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4, 'k5': 5, 'k6': 6, 'k7': 7, 'k8': 8, 'k9': 9, 'k10': 10, 'k11': 11, 'k12': 12, 'k13': 13, 'k14': 14}
d16 = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4, 'k5': 5, 'k6': 6, 'k7': 7, 'k8': 8, 'k9': 9, 'k10': 10, 'k11': 11, 'k12': 12, 'k13': 13, 'k14': 14, 'k15': 15}
d20 = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4, 'k5': 5, 'k6': 6, 'k7': 7, 'k8': 8, 'k9': 9, 'k10': 10, 'k11': 11, 'k12': 12, 'k13': 13, 'k14': 14, 'k15': 15, 'k16': 16, 'k17': 17, 'k18': 18, 'k19': 19}
d40 = {'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4': 4, 'k5': 5, 'k6': 6, 'k7': 7, 'k8': 8, 'k9': 9, 'k10': 10, 'k11': 11, 'k12': 12, 'k13': 13, 'k14': 14, 'k15': 15, 'k16': 16, 'k17': 17, 'k18': 18, 'k19': 19,
       'k20': 0, 'k21': 1, 'k22': 2, 'k23': 3, 'k24': 4, 'k25': 5, 'k26': 6, 'k27': 7, 'k28': 8, 'k29': 9, 'k30': 10, 'k31': 11, 'k32': 12, 'k33': 13, 'k34': 14, 'k35': 15, 'k36': 16, 'k37': 17, 'k38': 18, 'k39': 19}
mixed = {1: 0, 2: 1, 3: 2, 4: 3, 5: 4, 6: 5, 7: 6, 8: 7, 9: 8, 10: 9, 11: 10, 12: 11, 13: 12, 14: 13, 15: 14, 16: 15, 17: 16, 'a': 1, 'b': 2}
for big in (d15, d16, d20, d40, mixed):
    print(len(big), sys.getsizeof(big), list(big)[-3:])

l34 = [1, 2, a, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, *b, 9]
print(len(l34), sys.getsizeof(l34))
t34 = (1, 2, a, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, *b, 9)
print(len(t34), sys.getsizeof(t34), t34[-3:])

# The items keep one reference each from the new container; the list LIST_TO_TUPLE read is gone.
t = (1, 2)
u = (*t,)
print(u is t, u == t)
print(sys.getrefcount(a))
many = (a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a)
print(len(many), sys.getrefcount(a))
