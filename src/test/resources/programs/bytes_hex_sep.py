# bytes.hex, bytearray.hex and memoryview.hex with a separator every bytes_per_sep bytes.
data = b'\x01\x23\x45\x67\x89'
for args in [(), (':',), ('-', 2), ('-', -2), (b' ', 3), (':', 5), (':', 9), (':', 0), ('_', -1), ('_', -5)]:
    print(args, data.hex(*args), bytearray(data).hex(*args), memoryview(data).hex(*args))
print(b''.hex(':'), bytearray().hex(':', 2), data.hex(sep='.', bytes_per_sep=4))
for args in [('::',), ('',), ('\u00e9',), (b'\xff',), (5,), ([1],), (None,), (':', 2 ** 31), (':', 2 ** 70), (':', '2'), (1.5, 'x')]:
    try:
        print(data.hex(*args))
    except Exception as e:
        print(args, type(e).__name__, e)
