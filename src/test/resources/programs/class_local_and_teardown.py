# A class made inside a function is named <locals> in its qualname; a class whose own dict holds
# an instance of it is in a cycle that the collection at exit breaks, its base class living on
# until the class itself goes (the __bases__ tuple keeps it).
def make():
    class Local:
        class Inner:
            pass

        def method(self):
            return type(self).__qualname__
    return Local


L = make()
print(L.__qualname__, L.Inner.__qualname__, L().method(), L.method.__qualname__)


class Base:
    def __del__(self):
        print("deleting a", type(self).__name__)


class Derived(Base):
    pass


Derived.instance = Derived()
print("end of program")
