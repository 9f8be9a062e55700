class T:
    def __init__(self, name, kids):
        self.name = name
        self.kids = kids
    def __del__(self):
        print("del", self.name)
root = T("root", [T("a", []), T("b", [T("b1", []), T("b2", [])]), T("c", ())])
d = {"x": T("dx", []), "y": (T("t1", []), T("t2", []))}
del root
print("---")
del d
