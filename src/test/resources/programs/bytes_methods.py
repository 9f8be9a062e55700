x = b'abc'
print(x.split(b',')[0] is x, x.split()[0] is x, x.partition(b',')[0] is x, b''.join([x]) is x, x.strip() is x)
print(x.replace(b'q', b'r') is x, x.replace(b'a', b'a') is x, x.lstrip(b'q') is x, x.removeprefix(b'') is x, x.upper() is x)
print(x.rsplit(b',')[0] is x, x.rsplit()[0] is x, x.rpartition(b',')[2] is x, x.removesuffix(b'z') is x, x.replace(b'b', b'B', 0) is x)
s = b','
print(b'a,b'.partition(s)[1] is s, b'a,b'.partition(bytearray(b',')), bytearray(b'a,b').partition(b','), bytearray(b'ab').partition(b','))
ba = bytearray(b'x')
print(bytearray(b'-').join([ba]) is ba, bytearray(b'-').join([b'a', bytearray(b'b')]), b'-'.join([bytearray(b'q')]), b', '.join([b'a', b'b', b'c']))
print(b'  a b  c  '.split(), b'  a b  c  '.split(None, 1), b'  a b  c  '.rsplit(None, 1), b'a,b,,c'.split(b','), b'a,b,,c'.rsplit(b',', 2))
print(b'\t\n a\x0b\x0cb\r '.split(), b'a\x1cb\x85c'.split(), b''.split(), b''.split(b','), b'   '.split(None, 0), b' a '.split(None, 0))
print(b'  hi  '.strip(), b'  hi  '.lstrip(), b'  hi  '.rstrip(), b'xxhixx'.strip(b'x'), b'abcba'.strip(b'ab'), bytearray(b' z ').strip())
print(b'hello'.replace(b'l', b'L'), b'hello'.replace(b'l', b'', 1), b'abc'.replace(b'', b'-'), b'abc'.replace(b'', b'-', 2), b''.replace(b'', b'A'))
print(b'hello'.replace(b'll', b'LL'), b'aaaa'.replace(b'aa', b'b'), bytearray(b'hello').replace(b'x', b'y'))
print(b'Hello World'.upper(), b'Hello World'.lower(), b'Hello World'.swapcase(), b'\xe9A'.lower(), b'\xc9a'.upper())
print(b'123'.isdigit(), b''.isdigit(), b'abc'.isalpha(), b'a1'.isalnum(), b' \t'.isspace(), b'abc'.islower(), b'ABC'.isupper(), b'1'.islower())
print(b'\x80'.isascii(), b'abc'.isascii(), b''.isascii(), b'\xe9'.isalpha(), b'aB'.islower(), b'A1'.isupper())
print(b'hello'.find(b'l'), b'hello'.rfind(b'l'), b'hello'.find(108), b'hello'.find(b'z'), b'hello'.index(b'e'), b'hello'.rindex(b'l'))
print(b'hello'.find(b'l', 3), b'hello'.find(b'l', -2), b'hello'.find(b'l', 0, 2), b'hello'.find(b'', 10), b'hello'.find(b'', 5), b'hello'.rfind(b'', 2))
print(b'hello'.count(b'l'), b'hello'.count(108), b'hello'.count(b''), b'aaaa'.count(b'aa'), b'hello'.count(b'l', 3), b'hello'.count(b'', 2, 4))
print(b'hello'.startswith(b'he'), b'hello'.startswith((b'x', b'h')), b'hello'.endswith(b'lo'), b'hello'.startswith(b'l', 2), b'hello'.endswith(b'l', 0, 4))
print(b'hello'.startswith(bytearray(b'h')), b'abc'.removeprefix(b'ab'), b'abc'.removesuffix(b'bc'), bytearray(b'abc').removeprefix(b'a'))
print(b'\x00\xffab'.hex(), bytearray(b'\x10').hex(), b''.hex())
for label, f in [("find str", lambda: b'abc'.find('a')), ("find 300", lambda: b'abc'.find(300)),
                 ("startswith str", lambda: b'abc'.startswith('a')), ("split str", lambda: b'abc'.split('a')),
                 ("strip str", lambda: b'abc'.strip('a')), ("replace str", lambda: b'abc'.replace('a', b'')),
                 ("join str", lambda: b'abc'.join(['a'])), ("join int", lambda: b'abc'.join(5)),
                 ("index missing", lambda: b'abc'.index(b'z')), ("split empty", lambda: b'abc'.split(b'')),
                 ("partition empty", lambda: b'abc'.partition(b'')), ("find float start", lambda: b'abc'.find(b'a', 1.5))]:
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
