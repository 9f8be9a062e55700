import sys
class P:
    pass
p = P()
p.x = []
print(sys.getrefcount(p.x))
d = p.__dict__
print(sys.getrefcount(d), d is p.__dict__)
q = P()
q.__dict__["y"] = 5
print(q.y, vars(q))
