# functools.cmp_to_key as the Sorting HOWTO uses it: a KeyWrapper per item, whose comparisons call the
# old-style cmp function and compare its result with 0; what it refuses to compare with; its obj member.
import functools, sys, gc
def cmp(a, b):
    print('cmp', a, b)
    return (a > b) - (a < b)
K = functools.cmp_to_key(cmp)
print(type(K).__name__, type(K).__module__, type(K).__qualname__, K.obj)
print(sorted([3, 1, 2], key=K))
print(sorted(['b', 'a'], key=functools.cmp_to_key(lambda x, y: (x > y) - (x < y)), reverse=True))
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == k2, k1 != k2, k1 <= k1, k1 >= k2, k1.obj, k2.obj)
print(gc.is_tracked(k1), gc.is_tracked(K))
print(sys.getrefcount(K), sys.getrefcount(cmp))
k1.obj = 5
print(k1.obj, k1 > k2)
del k1.obj
print(k1.obj)
print(max([4, 9, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(min(['aa', 'b', 'ccc'], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))
print(K(x := [1]).obj is x, K(obj=3).obj)
def half(a, b):
    return 0.5 if a > b else -0.5
print(sorted([2, 3, 1], key=functools.cmp_to_key(half)))
for f in (lambda: k1 < k2, lambda: K(1) < 5, lambda: 5 < K(1), lambda: hash(K(1)), lambda: K(), lambda: K(1, 2), lambda: functools.cmp_to_key(),
          lambda: K(1) < functools.cmp_to_key(cmp)(2), lambda: K(1) < K(None), lambda: functools.cmp_to_key(lambda a, b: 'x')(1) < K(2)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(functools.cmp_to_key(5)(1).obj)
try:
    functools.cmp_to_key(5)(1) < functools.cmp_to_key(5)(2)
except Exception as e: print(type(e).__name__, e)
