# contextlib's plain managers: suppress swallows the exceptions it names, closing calls close().
import contextlib
import sys

with contextlib.suppress(KeyError, IndexError):
    print("looking up")
    {}["missing"]
    print("never printed")
print("after suppress")

try:
    with contextlib.suppress(KeyError):
        [][0]
except IndexError as e:
    print("not suppressed:", e)

class Connection:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)

    def __del__(self):
        print("del", self.name)

with contextlib.closing(Connection("db")) as conn:
    print("using", conn.name, sys.getrefcount(conn))
print("after closing")
del conn

with contextlib.nullcontext([1, 2]) as value:
    print("nullcontext gives", value)
with contextlib.nullcontext() as nothing:
    print(nothing)

try:
    with contextlib.closing(Connection("failing")):
        raise RuntimeError("while open")
except RuntimeError as e:
    print("caught", e)
print("end")
