# array.array('u'): wchar_t items, each a one-character str.
import array
a = array.array('u', 'hi')
print(a, a[0], a.tolist(), a.tounicode(), a.itemsize, a.tobytes(), repr(array.array('u')), array.array('u', ['x', 'y']))
for x in [5, 'ab', '', None, b'x']:
    try:
        a.append(x)
    except TypeError as e:
        print('TypeError', e)
a.fromunicode('zz')
a.fromunicode('')
print(a, len(a))
try:
    a.fromunicode(5)
except TypeError as e:
    print('TypeError', e)
for init in [[1], 'x', array.array('i', [1]), (1,), ('p', 'q')]:
    try:
        print(array.array('u', init))
    except TypeError as e:
        print('TypeError', e)
print(a == array.array('u', 'hizz'), a < array.array('u', 'j'), a.count('z'), a.index('z'), 'h' in a, a.pop(), a)
a[0] = 'H'
a.insert(1, '\u00e9')
a.extend('!?')
a.extend(array.array('u', 'end'))
print(a, a.tounicode(), len(a), a.buffer_info()[1])
b = array.array('u', 'ab')
b.byteswap()
print(b.tobytes())
b.byteswap()
b.frombytes(b'c\x00\x00\x00')
print(b, array.array('u', '\U0001F600').tounicode(), len(array.array('u', '\U0001F600')), array.array('u', 'x') == array.array('i', [120]))
try:
    array.array('u', 'x') < array.array('i', [1])
except TypeError as e:
    print('TypeError', e)
c = array.array('u', 'ab')
c.frombytes(b'\xff\xff\xff\xff')
try:
    print(c)
except ValueError as e:
    print('ValueError', e)
