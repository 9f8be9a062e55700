import sys

def make():
    base = [1, 2]
    class K:
        def get(self):
            return base
    return K, base

K, base = make()
print(K().get() is base, K().get())
print(sys.getrefcount(base))
