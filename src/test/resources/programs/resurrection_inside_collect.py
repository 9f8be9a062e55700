import gc
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalizing", self.name)
        saved.append(self)
gc.disable()
a = Phoenix("a")
b = Phoenix("b")
a.other = b
b.other = a
del a, b
print("collected", gc.collect())
print(len(saved), saved[0].other is saved[1])
saved.clear()
print("collected again", gc.collect())
