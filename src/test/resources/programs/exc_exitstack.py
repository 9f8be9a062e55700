# contextlib.ExitStack: managers entered in order, exited last first; callbacks keep their arguments.
from contextlib import ExitStack, contextmanager

class Managed:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return self.swallow
    def __del__(self):
        print("freed", self.name)

@contextmanager
def step(n):
    print("start", n)
    yield n
    print("stop", n)

def report(*args, **kw):
    print("callback", args, kw)

with ExitStack() as stack:
    print(type(stack).__name__)
    values = [stack.enter_context(Managed(n)) for n in "ab"]
    print(values)
    stack.callback(report, 1, key="v")
    stack.enter_context(step(3))
    print("body")
print("after first")

with ExitStack() as stack:
    stack.enter_context(Managed("outer", swallow=True))
    stack.enter_context(Managed("inner"))
    raise KeyError("k")
print("suppressed")

stack = ExitStack()
stack.enter_context(Managed("later"))
moved = stack.pop_all()
stack.close()
print("closed the empty one")
moved.close()
print("closed the moved one")
del moved
try:
    with ExitStack() as s:
        s.push(Managed("pushed"))
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)
print("end")
