# An exception the @contextmanager generator lets out keeps the traceback it had in the with-block.
from contextlib import contextmanager

@contextmanager
def tagged(tag):
    print("enter", tag)
    try:
        yield tag
    finally:
        print("leave", tag)

def work(n):
    with tagged("outer"):
        with tagged("inner") as t:
            return n / 0

work(1)
