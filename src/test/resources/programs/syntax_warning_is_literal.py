# Comparing identity with a literal: the compiler decides whether two equal literals are one
# object, so compiling such a comparison warns on stderr before the file runs, once per comparison.
x = 5
print(x is 5, x is not "a", x is (1, 2), x is -1, x is (), x is None, 5 is x is 3)


def f():
    return x is 2.5


print(f(), x is [], x is "a" * 2, x is (1, -1), x is b"", x is ..., x is True, x is 1j)
print(x is f"a", x is not -0.5, x == 5)
