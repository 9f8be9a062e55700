# array.array slices (get, set, del, extended), +, *, += and *=: new arrays are exactly their items,
# arrays changed in place go through array_resize, whose buffer sys.getsizeof shows.
from array import array
import sys
a = array('i', [1, 2, 3, 4, 5])
print(a[1:3], a[::-1], a[::2], a[5:1], a[-2:], a[:], a[:] is a)
b = a + array('i', [9])
print(b, a * 2, 2 * a, a * 0, a * -1, array('d', [0.5]) * 3)
c = array('i', [1, 2])
c += array('i', [3])
c *= 2
print(c)
a[1:3] = array('i', [7, 8, 9])
print(a)
del a[::2]
print(a)
print(array('i', [1, 2]) < array('i', [1, 3]), array('i', [1]) == array('d', [1.0]))
print(sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(c))
x = array('q', range(20))
sizes = []
for step in range(5):
    del x[1:3]
    sizes.append(sys.getsizeof(x))
x[2:2] = array('q', range(30))
sizes.append(sys.getsizeof(x))
x[:] = x
sizes.append(sys.getsizeof(x))
x[::3] = array('q', range(len(x[::3])))
sizes.append(len(x))
del x[::-4]
sizes.append(sys.getsizeof(x))
sizes.append(len(x))
print(sizes, x.tolist())
e = array('b')
e *= 5
e += array('b', [1])
e *= 3
print(e, sys.getsizeof(e), sys.getsizeof(e * 1), sys.getsizeof(e[:2]), sys.getsizeof(e[:0]))
def setslice(t, s, v):
    t[s] = v
for bad in (lambda: a + [1], lambda: [1] + a, lambda: a + array('d'), lambda: a * 1.5, lambda: 1.5 * a,
            lambda: setslice(a, slice(0, 1), [1]),
            lambda: setslice(a, slice(0, 1), array('d', [1])), lambda: setslice(a, slice(0, 3, 2), array('i', [1])),
            lambda: a['x'], lambda: 1 + a, lambda: a - a):
    try:
        bad()
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
def iadd(t, v):
    t += v
def imul(t, v):
    t *= v
for bad in (lambda: iadd(a, [1]), lambda: imul(a, 'x'), lambda: iadd(a, array('d'))):
    try:
        bad()
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
