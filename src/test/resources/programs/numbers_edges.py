# Arithmetic where CPython's rules are easy to guess wrong.
print('0 ** 0 =', 0 ** 0, '| pow(0, 0) =', pow(0, 0), '| 0.0 ** 0 =', 0.0 ** 0)
print('true division is correctly rounded:', 2 ** 53 / 3, 2 ** 200 / 2 ** 100, 12345678901234567890 / 10, 2 ** 64 / 10)
print('a negative base to a fractional power is complex:', (-8) ** (1 / 3), (-1) ** 0.5)
print('(-1) ** large even/odd floats:', (-1.0) ** 1e300, (-2.0) ** 3.0, 1.0 ** float('nan'), float('nan') ** 0)
try:
    2.0 ** 10000
except OverflowError as e:
    print('2.0 ** 10000 ->', type(e).__name__, 'with errno ERANGE, as the platform words it')
for text, thunk in [('float(2 ** 1024)', lambda: float(2 ** 1024)),
                    ('10 ** 400 / 1.0', lambda: 10 ** 400 / 1.0), ('10 ** 400 / 3', lambda: 10 ** 400 / 3),
                    ('0.0 ** -1', lambda: 0.0 ** -1), ('0j ** -1', lambda: 0j ** -1)]:
    try:
        print(text, '=', thunk())
    except (OverflowError, ZeroDivisionError) as e:
        print(text, '->', type(e).__name__, e.args)
r = range(0, 20, 2)
print('range slices are ranges:', r[2:5], r[::-1], r[1::3], list(r[-3:]))


class Index:
    def __index__(self):
        return 2


print('__index__ indexes:', [10, 20, 30][Index()], 'abc'[Index()], (1, 2, 3)[Index()], range(5)[Index()])
