import array

def attempt(text, fn):
    try:
        print(text, "->", fn())
    except Exception as e:
        print(text, "->", type(e).__name__, e)

for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('b', v), lambda: array.array('b', [v]))
for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('B', v), lambda: array.array('B', [v]))
for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('h', v), lambda: array.array('h', [v]))
for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('H', v), lambda: array.array('H', [v]))
for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('i', v), lambda: array.array('i', [v]))
for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('I', v), lambda: array.array('I', [v]))
for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('l', v), lambda: array.array('l', [v]))
for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('L', v), lambda: array.array('L', [v]))
for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('q', v), lambda: array.array('q', [v]))
for v in (127, 128, -128, -129, 255, 256, -1, 32768, -32769, 65536, 2147483648, -2147483649, 4294967296, 9223372036854775808, -9223372036854775809, 18446744073709551616, 1.5, 'x', None):
    attempt("array.array(%r, [%r])" % ('Q', v), lambda: array.array('Q', [v]))
for code in "fd":
    for v in (1, 2**1100, "x", None, 1.5, True):
        attempt("array.array(%r, [...])" % code, lambda: array.array(code, [v]))
attempt('array.array()', lambda: array.array())
attempt('array.array(5)', lambda: array.array(5))
attempt("array.array('ii')", lambda: array.array('ii'))
attempt("array.array('z')", lambda: array.array('z'))
attempt("array.array('i', 5)", lambda: array.array('i', 5))
attempt("array.array('i', [1], 2)", lambda: array.array('i', [1], 2))
attempt("array.array('i', 'abc')", lambda: array.array('i', 'abc'))
attempt("array.array('i', initializer=[1])", lambda: array.array('i', initializer=[1]))
a = array.array("i", [1, 2, 3])
attempt('a.append()', lambda: a.append())
attempt('a.append(1, 2)', lambda: a.append(1, 2))
attempt('a.pop(1, 2)', lambda: a.pop(1, 2))
attempt('a.pop(5)', lambda: a.pop(5))
attempt("a.pop('x')", lambda: a.pop('x'))
attempt('a.insert(1)', lambda: a.insert(1))
attempt('a.index(1, 1)', lambda: a.index(1, 1))
attempt('a.index(2, 0, 1)', lambda: a.index(2, 0, 1))
attempt('a.index(3, -1)', lambda: a.index(3, -1))
attempt('a.index(1, None)', lambda: a.index(1, None))
attempt('a.count()', lambda: a.count())
attempt('a.extend([4, 1.5])', lambda: a.extend([4, 1.5]))
attempt('a.extend(5)', lambda: a.extend(5))
attempt("a.extend(array.array('d'))", lambda: a.extend(array.array('d')))
attempt('a.tolist(1)', lambda: a.tolist(1))
attempt('a[1.5]', lambda: a[1.5])
attempt('a[10]', lambda: a[10])
attempt('a[-10]', lambda: a[-10])
attempt('a.remove(42)', lambda: a.remove(42))
attempt("array.array('i').pop()", lambda: array.array('i').pop())
attempt('hash(a)', lambda: hash(a))
attempt('a < [1]', lambda: a < [1])
attempt('a == (1, 2, 3, 4)', lambda: a == (1, 2, 3, 4))
attempt('len(a)', lambda: len(a))
def assign(i, v):
    try:
        a[i] = v
        print("a[%r] = %r ->" % (i, v), a)
    except Exception as e:
        print("a[%r] = %r ->" % (i, v), type(e).__name__, e)
assign(0, 2**40)
assign(5, 1)
assign("x", 1)
assign(-1, 7)
try:
    del a[9]
except IndexError as e:
    print(e)
print(a)
