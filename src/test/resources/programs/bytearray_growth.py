import sys


def size(b):
    return sys.getsizeof(b)


print(size(bytearray()), size(bytearray(b'a')), size(bytearray(10)), size(bytearray([1] * 10)))
print(size(bytearray(iter([1] * 10))), size(bytearray(range(10))), size(bytearray(b'abc')), size(bytearray('abc', 'ascii')))
b = bytearray()
sizes = []
for i in range(70):
    b.append(i)
    sizes.append(size(b))
print(sizes)
while b:
    b.pop()
    sizes.append(size(b))
print(sizes[70:])
b = bytearray(b'abcdefghij')
b.clear()
print(b, size(b))
b = bytearray(b'abcdefghij')
del b[0]
print(b, size(b))
del b[:5]
print(b, size(b))
b = bytearray(b'abcdefghij')
b.extend(b'xy')
print(b, size(b))
b.extend([1, 2, 3])
print(b, size(b))
b += b'q'
print(b, size(b))
b.extend(range(3))
b.extend(bytearray(b'!!'))
b.extend('')
print(b, size(b))
b = bytearray(b'abcdefghij')
b.pop()
print(size(b))
b *= 3
print(b, size(b))
b *= 1
print(size(b))
print(size(bytearray(b'ab') * 3), size(bytearray(b'ab') + b'c'), size(bytearray(b'abcdef')[1:3]), size(bytearray(b'abc').copy()))
b = bytearray(b'hello world')
b[0] = 72
b[-1] = ord('D')
print(b, b[0], b[-2], b[1:4], type(b[1:4]))
b[0:5] = b'HOWDY'
print(b)
b[0:5] = b'Hi'
print(b, size(b))
b[2:2] = [33, 33, 33]
print(b, size(b))
b[::2] = bytes(len(b[::2]))
print(b)
del b[::3]
print(b, size(b))
b[len(b):] = b'end'
print(b)
b.insert(0, 62)
b.insert(100, 60)
b.insert(-1, 45)
print(b, size(b))
b.remove(0)
print(b, b.pop(0), b.pop(-1), b.pop(2), b)
b.reverse()
print(b)
c = b.copy()
print(c == b, c is b, bytearray(b'ab') + bytearray(b'cd'), bytearray(b'ab') * 2, 2 * bytearray(b'z'))
print(list(bytearray(b'\x00\xff')), 255 in bytearray(b'\xff'), b'b' in bytearray(b'abc'))
print(repr(bytearray(b"it's")), str(bytearray()), bytearray(b'x') == b'x')
def iadd_str():
    x = bytearray(b'a')
    x += 'x'


def setter(i, v):
    def f():
        b[i] = v
    return f


def set_step():
    b[::2] = b'xyz'


def set_range():
    b[0:1] = 5


for label, f in [("append str", lambda: bytearray(b'a').append('a')), ("append 300", lambda: bytearray(b'a').append(300)),
                 ("remove", lambda: bytearray(b'abc').remove(9)), ("pop empty", lambda: bytearray().pop()),
                 ("pop far", lambda: bytearray(b'a').pop(5)), ("extend int", lambda: bytearray(b'a').extend(5)),
                 ("extend str", lambda: bytearray(b'a').extend('ab')), ("bytearray(3.5)", lambda: bytearray(3.5)),
                 ("bytearray(-1)", lambda: bytearray(-1)), ("bytearray str", lambda: bytearray('a')),
                 ("bytearray([300])", lambda: bytearray([300])), ("index", lambda: bytearray(b'ab')[5]),
                 ("iadd str", iadd_str), ("hash", lambda: hash(bytearray(b'a')))]:
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
b = bytearray(b'abc')
for label, f in [("b[0] = 'x'", setter(0, 'x')), ("b[0] = 256", setter(0, 256)),
                 ("b[9] = 1", setter(9, 1)), ("b[::2] = b'xyz'", set_step),
                 ("b[0:1] = 5", set_range)]:
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
