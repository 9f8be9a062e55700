# The last line of a traceback names the class by its __module__ and __qualname__, leaving out
# __main__ and builtins.
class Outer:
    class Failure(Exception):
        pass


Outer.Failure.__module__ = "course.checks"
print(Outer.Failure.__qualname__, Outer.Failure.__module__)
raise Outer.Failure("the third check failed")
