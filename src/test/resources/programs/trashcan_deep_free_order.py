class N:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        print(self.i, end=' ')
x = None
i = 0
while i < 60:
    x = [N(i), x]
    i += 1
del x
print()
y = None
i = 0
while i < 120:
    y = (N(i), y)
    i += 1
del y
print()
z = None
i = 0
while i < 80:
    z = {'n': N(i), 'z': z}
    i += 1
del z
print()
