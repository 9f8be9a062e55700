# At exit: a pair in a cycle, a class attribute, a weakref callback and a weakref.finalize.
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name, "other:", self.other.name if self.other else None)


x = Node("x")
y = Node("y")
x.other = y
y.other = x
z = Node("z")


class Holder:
    items = [Node("class attribute")]


w = Node("watched")
r = weakref.ref(w, lambda ref: print("callback, referent gone:", ref() is None))
f = weakref.finalize(z, print, "finalize z")
print("end of the program")
