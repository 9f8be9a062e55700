import array
import gc
import sys

print(array.typecodes)
for code in "bBhHiIlLqQfd":
    a = array.array(code)
    print(code, a.itemsize, a.typecode, sys.getsizeof(a), sys.getsizeof(array.array(code, [1, 2, 3])),
          sys.getsizeof(array.array(code, range(3))), sys.getsizeof(array.array(code, (4, 5))))

# The buffer grows as array_resize grows it: 4, 8, 16, 25, 34, 44, ...
grow = array.array("i")
sizes = []
for n in range(60):
    grow.append(n)
    sizes.append(sys.getsizeof(grow))
print(sizes)
shrink = []
while grow:
    grow.pop()
    shrink.append(sys.getsizeof(grow))
print(shrink[:3], shrink[-3:])

# A list holds objects; an array holds C values and makes a new object per read.
nums = [1000, 2000]
packed = array.array("l", nums)
print(sys.getsizeof(nums), sys.getsizeof(packed))
print(packed[0] == nums[0], packed[0] is nums[0], packed[0] is packed[0])
print(packed[0] is packed[0] or "new int each read")
small = array.array("b", [5])
print(small[0] is array.array("B", [5])[0])
print(sys.getrefcount(nums[0]))
print(gc.is_tracked(packed), gc.get_referents(packed) == [array.array])

x = array.array("i", [5, 6, 7])
print(x.pop(), x.pop(0), x, x.index(6), x.count(6))
x.insert(0, 9)
x.insert(-1, 8)
x.insert(100, 1)
x.reverse()
print(x, len(x), 8 in x, 3 in x, bool(array.array("i")), x.tolist())
x.remove(9)
x[0] = 3
x[-1] = -4
del x[1]
print(x, x[0], x[-1])
x.extend([10, 11])
x.extend(array.array("i", [12]))
x.extend(range(13, 15))
print(x, list(x), sum(x), max(x), sorted(x))
for v in array.array("d", [0.5, 1.25]):
    print(v)
print(array.array("d", [1.5, 2]), array.array("f", [0.1]), array.array("Q", [2**64 - 1]), array.array("b", [-128]))
print(array.array("i", [1, 2]) == array.array("d", [1.0, 2.0]), array.array("i", [1]) == [1],
      array.array("i", [1, 2]) < array.array("i", [1, 3]), array.array("i", [2]) > array.array("d", [1.5, 9]),
      array.array("i", [1]) != array.array("i", [1, 0]))
it = iter(array.array("h", [1]))
print(type(it).__name__, next(it), list(it))
print(repr(array.array("i")), str(array.array("B", [255])))
