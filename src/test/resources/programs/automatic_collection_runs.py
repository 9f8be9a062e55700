import gc
freed = []
class Pair:
    def __del__(self):
        freed.append(1)
for i in range(5000):
    p = Pair()
    p.me = p
del p
print(len(freed) > 0, len(freed) < 5000)
gc.collect()
print(len(freed))
