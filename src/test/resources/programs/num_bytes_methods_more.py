class B:
    def __bytes__(self):
        return b'\x01\x02'

tests = [
    lambda: (5).to_bytes(), lambda: (1024).to_bytes(2), lambda: (1024).to_bytes(2, 'little'),
    lambda: (256).to_bytes(), lambda: (-1).to_bytes(), lambda: (-1).to_bytes(signed=True),
    lambda: (-1).to_bytes(0, signed=True), lambda: (0).to_bytes(0), lambda: (1).to_bytes(-1),
    lambda: (1).to_bytes(-1, 'x'), lambda: (1).to_bytes(2, 'x'), lambda: (1).to_bytes(2, 1),
    lambda: (1).to_bytes(1.0), lambda: (1).to_bytes(2**70), lambda: (128).to_bytes(signed=True),
    lambda: (-128).to_bytes(1, signed=True), lambda: (-129).to_bytes(2, 'little', signed=True),
    lambda: (2**64 + 5).to_bytes(12, 'big'), lambda: (-2**64).to_bytes(12, 'little', signed=1),
    lambda: (1).to_bytes(2, 'big', signed=[]), lambda: (True).to_bytes(), lambda: (1).to_bytes(byteorder=None),
    lambda: (1).to_bytes(length=3, byteorder='little'), lambda: (1).to_bytes(2, 'big', True),
    lambda: int.from_bytes(b'\x01\x00'), lambda: int.from_bytes([1, 2], 'little'), lambda: int.from_bytes(1),
    lambda: int.from_bytes('ab'), lambda: int.from_bytes([256]), lambda: int.from_bytes([-1]),
    lambda: int.from_bytes([1.0]), lambda: int.from_bytes(iter([1, 2])), lambda: int.from_bytes(b'', 'q'),
    lambda: int.from_bytes('ab', 'q'), lambda: int.from_bytes(b'\xff', signed=True), lambda: int.from_bytes(b'\xff\x7f', 'little', signed=True),
    lambda: int.from_bytes(b''), lambda: int.from_bytes(b'', signed=True), lambda: int.from_bytes(bytearray(b'\x80\x00'), 'little'),
    lambda: int.from_bytes(memoryview(b'\x12\x34')), lambda: int.from_bytes(B()), lambda: int.from_bytes((7, 8)),
    lambda: int.from_bytes({3: 4}), lambda: bool.from_bytes(b'\x00'), lambda: bool.from_bytes(b'\x05'),
    lambda: int.from_bytes(b'\x01', byteorder=2), lambda: int.from_bytes(), lambda: (1).to_bytes(1, 'big', 'x'),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
for v in [-1,-2,-128,-129,-256,-255,-257,-2**15,-2**15-1,-2**30,-2**30-1, -2**31, -2**60, 127,128,255, 0]:
  r=[]
  for n in range(0,5):
    try: r.append((v.to_bytes(n,signed=True)).hex())
    except OverflowError: r.append('OV')
  print(v, r)
cases = ['0x1.8p3', ' -0x1.8p+3 \n', '-Infinity', 'inf', '+INF', 'nan', '-nan', '1', '.8', '8.', '.', '', ' ', '0x', 'x1', '0x.p1',
         '1p', '1p+', '1p-1', '0x1p1024', '0x1.fffffffffffffp1023', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7p1023',
         '0x1p-1074', '0x1p-1075', '0x1.1p-1075', '0x3p-1076', '0x1p-1076', '0x0.0000000000001p-1022', '0x1.00000000000008p0',
         '0x1.00000000000018p0', '0x1.000000000000081p0', '1e', 'abc', 'ABC.DEFp-10', '0x1p99999999999999999999999',
         '0x1p-99999999999999999999999', '0x0p99999999999999999999', '0X1P2', '1.0\x00', '\u00e9', '\t1\x0b', '--1', '+-1',
         'infinit', 'infinityx', 'nanx', '0x1.0p', '000000000000000000000000000001.8p1', '0.000000000000000000000000001p100',
         '1' * 300, '0x1.' + '0' * 400 + '1p0', '-0x0p0', '0x1p-1022', '0x0.fffffffffffffp-1022', '0x0.fffffffffffff8p-1022']
for c in cases:
    try:
        print(repr(c), float.fromhex(c))
    except Exception as e:
        print(repr(c), type(e).__name__, e)
for v in [0.0, -0.0, 1.5, 1e300, 5e-324, 2.2250738585072014e-308, float('inf'), float('nan'), -3.75]:
    print(v.hex(), float.fromhex(v.hex()) == v or v != v)
for bad in [1, None, b'0x1']:
    try:
        float.fromhex(bad)
    except TypeError as e:
        print(e)
print((1.0).fromhex('0x1p4'))
calls = [
    lambda: bytes.fromhex('a'), lambda: bytes.fromhex('ab c'), lambda: bytes.fromhex(' ab\t\n'), lambda: bytes.fromhex('a b'),
    lambda: bytes.fromhex('\u00e9'), lambda: bytes.fromhex('ab\u00e9'), lambda: bytes.fromhex(''), lambda: bytes.fromhex('  '),
    lambda: bytes.fromhex('ab\x0bcd\x1c'), lambda: bytearray.fromhex('zz'), lambda: bytearray.fromhex('DE ad Be eF'),
    lambda: bytes.fromhex('0a0B') , lambda: b''.fromhex('ff'), lambda: bytearray(b'x').fromhex('01 02'),
    lambda: b'ab'.center(5, 'x'), lambda: b'ab'.center(5, b'xy'), lambda: b'ab'.center(5, 1), lambda: b'ab'.center(5, None),
    lambda: b'ab'.center(5, bytearray(b'-')), lambda: b'ab'.center(1.0), lambda: b'ab'.ljust(5, memoryview(b'-')),
    lambda: [b'abc'.center(w, b'*') for w in range(-1, 8)], lambda: [b'ab'.center(w, b'*') for w in range(-1, 8)],
    lambda: [bytearray(b'ab').ljust(w, b'.') for w in range(0, 5)], lambda: [b'ab'.rjust(w) for w in range(0, 5)],
    lambda: b'ab'.rjust(2**70), lambda: b'ab'.ljust(3, b'\xff'),
    lambda: b'a\nb\r\nc\rd'.splitlines(2), lambda: b'a\nb\r\nc\rd\n\n'.splitlines(), lambda: b'a\nb'.splitlines(1.5),
    lambda: b'a\nb'.splitlines(2**40), lambda: b'a\nb'.splitlines(keepends=None), lambda: b'a\nb'.splitlines('x'),
    lambda: b'a\nb'.splitlines(keepends=True), lambda: bytearray(b'x\r\n\r').splitlines(True), lambda: b''.splitlines(), lambda: b'\n'.splitlines(),
    lambda: b'a\tb'.expandtabs(2**40), lambda: b'a\tb'.expandtabs(-1), lambda: b'a\tb'.expandtabs(1.0), lambda: b'a\tb'.expandtabs(True),
    lambda: b'01\t012\t0123\t01234\r\t1\n\tx'.expandtabs(), lambda: bytearray(b'\t\t').expandtabs(tabsize=3), lambda: b'x\ty'.expandtabs(0),
    lambda: b'abc'.translate(None, b'b'), lambda: b'abc'.translate(b'x', 1), lambda: b'abc'.translate(1, 1), lambda: b'abc'.translate(None, 'b'),
    lambda: b'abc'.translate(bytes(range(256))), lambda: b'abc'.translate(None), lambda: b'abc'.translate(bytes(range(255, -1, -1)), delete=b'a'),
    lambda: bytearray(b'hello').translate(bytes(range(1, 256)) + b'\x00', b'l'), lambda: b'abc'.translate(),
    lambda: b'-12'.zfill(5), lambda: b'+'.zfill(3), lambda: b'ab'.zfill(-3), lambda: b'ab'.zfill(1.0), lambda: bytearray(b'7').zfill(3), lambda: b''.zfill(2),
    lambda: b'hello wORLD 1a'.capitalize(), lambda: bytearray(b'\xe9X').capitalize(), lambda: b''.capitalize(),
    lambda: b"they're bill's x2y o'NEIL".title(), lambda: bytearray(b'ab cd').title(),
    lambda: [x.istitle() for x in [b'', b'A', b'a', b'1', b'Ab Cd', b'AB', b'Ab cd', b'1A', b'A1b', b"They'Re", b'\xc9a']],
]
for c in calls:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__, e)
b = b'same'
print(b.center(2) is b, b.ljust(4) is b, b.zfill(1) is b, b.translate(None) is b, b.splitlines()[0] is b, b.expandtabs() is b)
ba = bytearray(b'same')
print(ba.center(2) is ba, ba.translate(None) is ba, ba.zfill(1) is ba)
