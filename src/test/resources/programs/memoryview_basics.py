import sys
import gc

b = bytearray(b'abc')
print(sys.getrefcount(b))
m = memoryview(b)
print(sys.getrefcount(b), sys.getsizeof(m), gc.is_tracked(m), m.obj is b, m.readonly, m.nbytes, m.format, m.itemsize, m.ndim)
print(m.shape, m.strides, m.suboffsets, m.c_contiguous, m.tolist(), m.tobytes(), len(m), m[0], m[-1], bool(m))
s = m[1:]
print(sys.getrefcount(b), sys.getrefcount(m), s.obj is b, s.tolist(), type(s), s.readonly)
try:
    b.append(1)
except BufferError as e:
    print('BufferError', e)
try:
    b += b'x'
except BufferError as e:
    print('BufferError', e)
b[0] = 65
b[1:3] = b'BC'
print(m.tobytes(), s.tobytes(), b)
try:
    b[0:1] = b''
except BufferError as e:
    print('BufferError', e, b)
m.release()
print(repr(m).startswith('<released memory at 0x'))
try:
    b.append(1)
except BufferError as e:
    print('still exported:', e)
print(sys.getrefcount(b))
s.release()
b.append(100)
print(b, sys.getrefcount(b))
for label, f in [("index", lambda: m[0]), ("len", lambda: len(m)), ("tolist", lambda: m.tolist()), ("obj", lambda: m.obj),
                 ("list", lambda: list(m)), ("bytes", lambda: bytes(m)), ("eq self", lambda: m == m), ("eq other", lambda: m == s)]:
    try:
        print(label, f())
    except ValueError as e:
        print(label, 'ValueError', e)
m.release()
with memoryview(b'xyz') as v:
    print(v.tobytes(), v.readonly, v.obj)
try:
    v.tolist()
except ValueError as e:
    print(e)
print(hash(memoryview(b'abc')) == hash(b'abc'))
mv = memoryview(bytearray(b'abcdef'))
mv[0] = 65
mv[1:3] = b'BC'
mv[4:6] = bytearray(b'EF')
print(mv.obj, mv[::2].tolist(), mv[::-1].tobytes(), mv[2:0].tolist(), mv[::2].strides, mv[::2].c_contiguous)
print(mv == b'ABCdEF', mv == bytearray(b'ABCdEF'), b'ABCdEF' == mv, mv == mv, memoryview(b'a') == 'a', list(mv), 66 in mv, 7 in mv)
print(bytes(mv), bytearray(mv[:2]), b'x' + mv, mv.hex(), memoryview(b'\x00\xff').hex(), mv.toreadonly().readonly, mv.tobytes('F'))
for label, f in [("index far", lambda: mv[9]), ("index str", lambda: mv['a']), ("index float", lambda: mv[1.5]),
                 ("lt", lambda: mv < mv), ("hash writable", lambda: hash(mv)), ("of str", lambda: memoryview('a')),
                 ("of int", lambda: memoryview(5)), ("add", lambda: mv + b'x'), ("mul", lambda: mv * 2),
                 ("tolist arg", lambda: mv.tolist(1)), ("order", lambda: mv.tobytes('X'))]:
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def store(target, key, value):
    try:
        target[key] = value
    except Exception as e:
        print(type(e).__name__, e)


store(mv, 0, 256)
store(mv, 0, 'a')
store(memoryview(b'ab'), 0, 1)
store(mv, slice(0, 2) if False else 0, 300)


def delete(target):
    try:
        del target[0]
    except Exception as e:
        print(type(e).__name__, e)


delete(mv)


def short_slice():
    try:
        mv[0:2] = b'x'
    except ValueError as e:
        print(e)


short_slice()
m2 = memoryview(b'ab')
mm = memoryview(m2)
print(mm.obj is m2.obj, sys.getrefcount(m2), mm.tolist())
x = memoryview(bytearray(b'qq'))
y = x[:]
x.release()
print(y.tolist(), type(iter(y)).__name__, sys.getsizeof(iter(y)), sys.getsizeof(memoryview(b'abc')[1:]))
data = bytearray(b'hello')
view = memoryview(data)
del view
data.append(33)
print(data)
