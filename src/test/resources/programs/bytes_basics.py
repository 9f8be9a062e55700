import sys
a = b'hello'
print(a, type(a), len(a), a[0], a[-1], a[1:3], a[::-1], a[::2])
print(b'', b"it's", b'"q"', b'both \' and "', b'\x00\x7f\x80\xff\t\n\r\\', b'\101\x42C')
print(repr(b'a\'b'), str(b'xyz'), f"{b'ab'}", '%s' % b'cd', '{}'.format(b'ef'), f"{b'q'!r}")
print(list(b'abc'), [x for x in b'\x01\x02'], tuple(b'hi'), set(b'aab') == {97, 98})
print(b'ab' + b'cd', b'ab' * 3, 2 * b'x', b'' * 5, b'ab' * 0, b'ab' * -1)
print(b'a' in b'cat', 97 in b'cat', b'at' in b'cat', b'' in b'x', 120 in b'abc')
print(b'abc' == b'abc', b'abc' < b'abd', b'ab' < b'abc', b'\xff' > b'a', b'a' == 'a', b'abc' != b'abd')
print(b'abc' == bytearray(b'abc'), bytearray(b'a') < b'b', b'z' >= bytearray(b'z'))
print(bool(b''), bool(b'\x00'), sorted([b'b', b'a', b'ab']), max(b'xyz'), sum(b'\x01\x02\x03'))
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes((65, 66)), bytes(range(97, 100)), bytes(iter([104, 105])))
print(bytes('héllo', 'utf-8'), bytes('abc', 'ascii'), bytes('é', 'latin-1'), bytes(b'copy'), bytes(bytearray(b'ba')))
print('héllo'.encode(), 'abc'.encode('ascii'), 'ü'.encode('latin-1'), 'x'.encode(encoding='UTF_8'), '€'.encode('utf8'))
print(b'h\xc3\xa9llo'.decode(), b'abc'.decode('ascii'), b'\xe9'.decode('latin-1'), b'\xe2\x82\xac'.decode('utf-8'))
for bad in [b'\xff', b'ab\xc3', b'\xe2\x28\xa1', b'\xe2\x82\x28', b'\xed\xa0\x80', b'\xf4\x90\x80\x80']:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print('decode:', e)
try:
    b'\x80'.decode('ascii')
except UnicodeDecodeError as e:
    print(e)
for s, enc in [('aé', 'ascii'), ('aéé', 'ascii'), ('€', 'latin-1')]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(e)
k = 'x'
def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '->', type(e).__name__, e)

attempt("bytes('a')", lambda: bytes('a'))
attempt('bytes(-1)', lambda: bytes(-1))
attempt('bytes(3.5)', lambda: bytes(3.5))
attempt("bytes(b'a', 'utf-8')", lambda: bytes(b'a', 'utf-8'))
attempt('bytes([300])', lambda: bytes([300]))
attempt("bytes(['a'])", lambda: bytes(['a']))
attempt("bytes(errors='strict')", lambda: bytes(errors='strict'))
attempt("b'a' + 'b'", lambda: b'a' + 'b')
attempt("'b' + b'a'", lambda: 'b' + b'a')
attempt("b'a' * 2.0", lambda: b'a' * 2.0)
attempt("b'a'[5]", lambda: b'a'[5])
attempt("b'a'[k]", lambda: b'a'[k])
attempt("'a' in b'abc'", lambda: 'a' in b'abc')
attempt("300 in b'abc'", lambda: 300 in b'abc')
attempt("b'a' < 'a'", lambda: b'a' < 'a')
attempt('bytes(None)', lambda: bytes(None))
attempt("b'a'.decode(1)", lambda: b'a'.decode(1))
attempt('hash(bytearray())', lambda: hash(bytearray()))
print(hash(b'') == 0, hash(b'abc') == hash('abc'), hash(b'\xff\x00') == hash('\xff\x00'))
print(sys.getsizeof(b''), sys.getsizeof(b'a'), sys.getsizeof(b'abcdef'), [sys.getsizeof(bytes(n)) for n in (0, 1, 2, 7, 8, 100, 1000)])
x, empty, ab, xyz = b'a', b'', b'ab', b'xyz'
print(x is bytes([97]), bytes(0) is empty, ab[0:1] is x, xyz[:] is xyz, empty + empty is empty, bytes([97, 98]) is ab)
y = b'some bytes'
print(y[:] is y, y + b'' is y, b'' + y is y, y * 1 is y, bytes(y) is y, y[0:10] is y)
d = {b'k': 1, 'k': 2}
print(d, d[b'k'], len(d))
