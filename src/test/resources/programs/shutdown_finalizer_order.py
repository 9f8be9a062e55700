# The finalizers of what the program still holds at exit run in the collector's order (creation
# order within a generation), not in the order the names were bound.
class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make():
    return N("made in a function")


a = None
b = N("b, bound second")
a = N("a, bound first")
me = N("in a cycle with itself")
me.self = me
keep = make()
items = [N("item 0"), N("item 1")]
table = {"k": N("dict value")}


def gen():
    try:
        yield 1
    finally:
        print("generator closed")


g = gen()
next(g)
print("end of the program")
