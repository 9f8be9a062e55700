# `except E as e` ends with an implicit `del e`: the name is gone after the block.
import sys

def f():
    try:
        raise KeyError("k")
    except KeyError as e:
        print("inside:", repr(e))
    try:
        print(e)
    except UnboundLocalError as err:
        print(err)

f()

e = "a value from before"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as err:
    print(err)

def refcounts():
    x = ValueError("kept")
    print("before raising:", sys.getrefcount(x))
    try:
        raise x
    except ValueError as e:
        print("in the handler:", sys.getrefcount(x))
    print("after the handler:", sys.getrefcount(x))
    print("its traceback is still attached:", x.__traceback__ is not None)
    x.__traceback__ = None
    print(x.__traceback__)
    y = x.with_traceback(None)
    print(y is x)

refcounts()
