# Exception objects: args, str and repr, attributes, user classes with __str__.
e = Exception()
print(repr(e), str(e) == "", e.args)
e = ValueError("bad value")
print(repr(e), str(e), e.args)
e = ValueError("a", 1, None)
print(repr(e), str(e), e.args)
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError("")), str(KeyError(1, 2)))
print(repr(StopIteration(5)), StopIteration(5).value, StopIteration().value)
print(SystemExit(3).code, SystemExit().code)

class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        Exception.__init__(self, balance, amount)
        self.balance = balance
        self.amount = amount

    def __str__(self):
        return "need " + str(self.amount - self.balance) + " more"

try:
    raise InsufficientFunds(10, 25)
except InsufficientFunds as err:
    print(err)
    print(repr(err))
    print(err.args, err.balance, err.amount)
    err.note = "extra"
    print(err.note, err.__dict__)

class Quiet(Exception):
    pass

q = Quiet("hello")
print(repr(q), str(q), type(q).__name__)
q.args = ("changed",)
print(q)
print(isinstance(q, Exception), isinstance(q, BaseException), isinstance(q, ValueError))
print(OSError("x").errno, ImportError("y").msg)
