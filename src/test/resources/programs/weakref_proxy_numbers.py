import weakref, operator
class N:
    def __init__(self, v): self.v = v
    def __str__(self): return 'N%d' % self.v
    def __int__(self): return self.v
    def __index__(self): return self.v
    def __float__(self): return float(self.v)
    def __abs__(self): return 'abs!'
    def __divmod__(self, o): return ('dm', o)
    def __pow__(self, o, m=None): return ('pow', o, m)
n = N(5)
p = weakref.proxy(n)
print(f"{p}", "{}|{:}".format(p, p), "%s" % "x", format(p))
try:
    format(p, '>5')
except TypeError as e:
    print('TypeError:', e)
print(abs(p), int(p), hex(p), oct(p), bin(p), operator.index(p), divmod(p, 3), pow(p, 2), p ** 3)
del n
try:
    int(p)
except ReferenceError as e:
    print('ReferenceError:', e)
