import sys
from collections import deque
d = deque(range(10))
d.extend(d)
print(d, sys.getsizeof(d))
d.extendleft(d)
print(len(d), sys.getsizeof(d))
print(d.index(3, 5), d.index(3, -10, -1))
d.insert(-3, "n")
d.insert(100, "end")
d.insert(-100, "start")
print(d, sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d))
for args in [(1, 2, 3), ([1], "x")]:
    try:
        deque(*args)
    except TypeError as e:
        print(e)
try:
    d.rotate("a")
except TypeError as e:
    print(e)
try:
    d.append()
except TypeError as e:
    print(e)
try:
    d.pop(1)
except TypeError as e:
    print(e)
z = deque(maxlen=0)
z.extend([1, 2])
print(z, sys.getsizeof(z))
import copy
q = deque([[1], [2]], 3)
q2 = copy.copy(q)
print(q2, q2[0] is q[0], q2.maxlen)
print(True)
