# gc.disable() stops automatic collections, not the one at exit that frees the main namespace.
import gc

gc.disable()


class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = N("a")
a.me = a
b = N("b")
pair = [N("c1"), N("c2")]
print("enabled:", gc.isenabled())
