class B:
    pass
b = B()
try:
    b **= 1
except TypeError as e:
    print(e)
try:
    b //= 1
except TypeError as e:
    print(e)
try:
    b |= 1
except TypeError as e:
    print(e)
try:
    b <<= 1
except TypeError as e:
    print(e)
x = 1
try:
    x += "a"
except TypeError as e:
    print(e)
y = "s"
try:
    y += 1
except TypeError as e:
    print(e)
