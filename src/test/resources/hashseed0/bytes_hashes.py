# bytes hash with the same _Py_HashBytes as str: their values, and the order of sets of bytes.
words = [b'', b'a', b'ab', b'abc', b'hello world', b'\x00\xff\x80', b'x' * 7, b'y' * 8, b'z' * 9, bytes(range(256))]
for w in words:
    print(w[:12], hash(w))
print({b'apple', b'banana', b'cherry', b'date', b'elderberry', b'fig'})
print(sorted({b'one', b'two'}))
print(set(words[:6]))
print(hash(b'abc') == hash('abc'), hash(b'\xe9') == hash('\xe9'))
