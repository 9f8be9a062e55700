# functools.lru_cache and cache: what the cache keeps alive. The key is a lone int or str argument
# itself, else the call's own argument tuple, else (keywords, typed) a tuple with a marker between
# arguments and keywords; a bounded cache holds its key twice (dict and link), its result once.
import functools
import gc
import sys

class Value:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("free", self.n)

    def __repr__(self):
        return f"Value({self.n})"

@functools.lru_cache(maxsize=2)
def make(n):
    print("compute", n)
    return Value(n)

a = make(1000)
print(sys.getrefcount(a))          # a, the cache's link, getrefcount's argument
b = make(1000)
print(a is b, make.cache_info())
k = int("1000000")
r = make(k)
print(sys.getrefcount(k), sys.getrefcount(r))  # k: the dict's key and the link's key too
make(1000)                         # a hit moves 1000 to the most recent end
make(3)                            # so 10**6 is the one evicted
print(make.cache_info())
del r
print("cleared:")
make.cache_clear()
print(make.cache_info(), make.cache_info().hits, type(make.cache_info()).__name__)
del a, b

@functools.cache
def wrap(x):
    return [x]

key = (1, 2)
res = wrap(key)
print(sys.getrefcount(key), sys.getrefcount(res), wrap.cache_info())
t = int("12345678")
v = wrap(t)
print(sys.getrefcount(t), sys.getrefcount(v))
w = wrap(x=t)                      # a keyword call is another key: (kwd_mark, 'x', t)
print(sys.getrefcount(t), sys.getrefcount(w), w is v, wrap.cache_info())
print(gc.is_tracked(wrap), gc.is_tracked(wrap.cache_info()))
print(wrap.__name__, wrap.__wrapped__.__name__, wrap.__qualname__, wrap.__doc__, wrap.__module__)
print(type(wrap), sys.getrefcount(wrap.__wrapped__), sys.getsizeof(wrap))

# A cached method: self is part of every key, so the cache keeps each instance alive.
class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("free node", self.name)

    @functools.lru_cache(maxsize=None)
    def depth(self, n):
        return n + 1

nd = Node("x")
print(nd.depth(1), nd.depth(1), sys.getrefcount(nd), Node.depth.cache_info())
del nd
print("after del nd")
Node.depth.cache_clear()
print("after cache_clear")

@functools.lru_cache(maxsize=0)
def passthrough(x):
    return x

passthrough(1)
passthrough(1)
print(passthrough.cache_info())

@functools.lru_cache(typed=True)
def typed(x):
    return x

typed(1)
typed(1.0)
typed(True)
typed(1)
print(typed.cache_info())
print(functools.lru_cache(maxsize=-5)(lambda: 1).cache_info())
try:
    functools.lru_cache("x")
except TypeError as e:
    print(e)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

fib = functools.lru_cache(fib)
print(fib(30), fib.cache_info())

# Deleting the wrapper frees the cache: its results go with it.
@functools.lru_cache
def temp(n):
    return Value(n)

temp(7)
temp(8)
del temp
gc.collect()
print("end")
