class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def f(a, b):
    c = T("c")
    d = T("d")
    return None
f(T("a"), T("b"))
print("done")
