class C:
    pass
c = C()
c.n = 1
c.n += 2
lst = [1, 2]
lst[0] += 10
d = {"k": "a"}
d["k"] *= 3
t = (1,)
t2 = t
t += (2,)
print(c.n, lst, d, t, t2, t is t2)
