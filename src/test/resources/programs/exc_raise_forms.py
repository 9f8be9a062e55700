# raise with a class, an instance, a cause, None as the cause, and bare raise inside a handler.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        Exception.__init__(self, "missing: " + key)
        self.key = key

def lookup(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise NotFound(key) from e

try:
    lookup({}, "spam")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)
    print("cause:", repr(e.__cause__), e.__suppress_context__)
    print("context:", repr(e.__context__))
    print(e.__cause__ is e.__context__)

try:
    try:
        {}["x"]
    except KeyError:
        raise ValueError("hidden context") from None
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))

def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging and re-raising")
        raise

try:
    reraise()
except ZeroDivisionError as e:
    print("re-raised:", e)

try:
    raise RuntimeError
except RuntimeError as e:
    print(repr(e), e.args)

try:
    raise 42
except TypeError as e:
    print(e)

try:
    raise ValueError("v") from 3
except TypeError as e:
    print(e)

try:
    try:
        raise KeyError("a")
    except KeyError as first:
        try:
            raise IndexError("b")
        except IndexError as second:
            print(repr(second.__context__), second.__context__ is first)
            raise
except IndexError as e:
    print(repr(e), repr(e.__context__))

try:
    try:
        1 / 0
    finally:
        print("finally sees", "the exception pass")
except ZeroDivisionError as e:
    print("then it goes on:", e)

try:
    e = Exception("reuse")
    raise e
except Exception as caught:
    print(caught is e)
