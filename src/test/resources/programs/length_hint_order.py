# list(), tuple(), sorted() and list.extend() take the iterator first (a class's __iter__), then ask
# PyObject_LengthHint for a size (its __len__), then the items; set() and str.join() ask no length.
class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __iter__(self):
        print("  __iter__")
        return iter(self.items)

    def __len__(self):
        print("  __len__")
        return len(self.items)


class NoLength:
    def __iter__(self):
        print("  __iter__")
        return iter([3])

    def __len__(self):
        print("  __len__ raises")
        raise TypeError("no length here")


b = Bag(2, 1)
for name, make in [("list", list), ("tuple", tuple), ("sorted", sorted), ("set", set), ("join", lambda x: "".join(map(str, x)))]:
    print(name)
    print(" ", make(b))
print("extend")
items = [0]
items.extend(b)
print(" ", items)
print("a TypeError from __len__ is dropped:", list(NoLength()), tuple(NoLength()))
