# array.array's machine-level methods: tobytes, frombytes, byteswap, fromlist, buffer_info, and the unicode ones.
import array
for code, items in [('b', [1, -2]), ('B', [1, 255]), ('h', [-3, 300]), ('H', [1, 256]), ('i', [1, -2]), ('I', [7, 2**32 - 1]),
                    ('l', [-1, 2**40]), ('L', [2**64 - 1]), ('q', [-5]), ('Q', [2**63]), ('f', [0.1, -2.5]), ('d', [1.5, -0.0])]:
    a = array.array(code, items)
    b = a.tobytes()
    a.byteswap()
    c = array.array(code)
    c.frombytes(b)
    print(code, b, a, c, c == array.array(code, items))
a = array.array('i', [1, -2])
for f, x in [('frombytes', array.array('i', [1])), ('frombytes', array.array('b', [1, 2, 3, 4])), ('frombytes', 'ab'),
             ('frombytes', b'abc'), ('frombytes', memoryview(b'abcd')), ('frombytes', bytearray(b'')), ('fromlist', (1,)),
             ('fromlist', [3, 'x']), ('fromlist', [5, 6]), ('fromlist', [2**31]), ('fromunicode', 1), ('fromunicode', None),
             ('fromunicode', 'x')]:
    try:
        getattr(a, f)(x)
        print(f, a)
    except Exception as e:
        print(f, type(e).__name__, e, a)
try:
    a.tounicode()
except ValueError as e:
    print('ValueError', e)
e = array.array('d')
print(e.buffer_info(), array.array('B', [1, 2]).buffer_info()[1])
e.append(1.0)
e.pop()
print(e.buffer_info()[0] != 0, e.buffer_info()[1])
print(array.array('q').count(1), array.array('q').count('x'))  # an empty array still reads its argument
