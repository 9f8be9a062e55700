# / calls a class's __truediv__, __rtruediv__ and __itruediv__ like every other operator its methods;
# operator's in-place functions are the augmented assignments (a list or set changed and given back).
import operator
class V:
    def __init__(self, x): self.x = x
    def __truediv__(self, n): return V(self.x / n)
    def __rtruediv__(self, n): return V(n / self.x)
    def __repr__(self): return f"V({self.x})"
class W:
    def __init__(self): self.n = 8
    def __itruediv__(self, k):
        self.n /= k
        return self
v = V(6)
print(v / 2, 12 / v, operator.truediv(v, 3))
w = W(); alias = w
w /= 2
print(w.n, w is alias)
class Only:
    def __truediv__(self, o): return NotImplemented
try: Only() / 1
except TypeError as e: print(e)
try:
    o = Only(); o /= 2
except TypeError as e: print(e)
import operator as op
l = [1]; print(op.iadd(l, [2]) is l, l, op.itruediv(9, 2), op.ifloordiv(9, 2), op.imod(9, 4), op.ipow(2, 5), op.ilshift(1, 3), op.irshift(16, 2), op.ixor(5, 3), op.iand(6, 3), op.ior(4, 1), op.isub(5, 2), op.imul([0], 2))
s = {1, 2}; print(op.ixor(s, {2, 3}) is s, s, op.isub(s, {1}) is s, s)
