# An exception with no handler at all: the traceback, then the interpreter's shutdown.
class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("releasing", self.name)

kept = Resource("global")

def step(n):
    local = Resource("local " + str(n))
    if n == 0:
        raise RuntimeError("stopped at the bottom")
    step(n - 1)

step(2)
