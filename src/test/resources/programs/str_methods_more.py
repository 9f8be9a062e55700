# str's searches over a range, rsplit, casefold, isprintable, maketrans and translate.
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = 'abcabc\U0001f600abc'
for start, end in [(None, None), (1, None), (-4, None), (2, 7), (0, -3), (5, 2), (20, None), (-100, 100), (True, 2**70)]:
    print(start, end, s.find('bc', start, end), s.rfind('bc', start, end), s.count('bc', start, end),
          s.find('', start, end), s.rfind('', start, end), s.count('', start, end),
          s.startswith(('x', 'ab'), start, end), s.endswith('bc', start, end), s.startswith('', start, end))
attempt(lambda: s.index('bc', 5))
attempt(lambda: s.rindex('bc', 0, 2))
attempt(lambda: s.index('bc', 0, 3))
attempt(lambda: s.find('a', 1.5))
attempt(lambda: s.count(1, 'x'))
attempt(lambda: s.startswith(1, None, 2.0))
attempt(lambda: s.endswith((1,), 0))
attempt(lambda: s.find(1, 0))

for text in [' a  b c ', 'abc', '', '   ', 'a\tb\nc\u2003d']:
    for m in [-1, 0, 1, 2]:
        print(repr(text), m, text.rsplit(None, m), text.rsplit(maxsplit=m))
for text in ['a,b,,c', ',', 'abc', '', 'aaaa']:
    print(repr(text), text.rsplit(','), text.rsplit(',', 1), text.rsplit('aa'), text.rsplit(sep='b', maxsplit=0))
attempt(lambda: 'abc'.rsplit(''))
attempt(lambda: 'abc'.rsplit(1))
attempt(lambda: 'abc'.rsplit(None, 1.5))
w = 'word'
print(w.rsplit()[0] is w, w.rsplit('x')[0] is w, w.rsplit(None, 0)[0] is w)

for text in ['Straße', 'ﬁnal ΣΑΣ', 'İı', 'ǅ ᾳ ſ µ', 'Ꭰꭰ', 'ABC', '']:
    print(repr(text.casefold()), text.casefold() == text.lower())
for text in ['', 'abc', 'a b', 'a\tb', 'a\nb', '\x7f', '\xa0', 'é\u200b', '\u2028', '\U0001f600', '\ud800']:
    print(repr(text), text.isprintable())
# Assigned in Unicode 15.0, 15.1 and 16.0: each CPython's database knows those of its version.
print([chr(c).isprintable() for c in (0xcf3, 0x2ebf0, 0x897)], [chr(c).casefold() == chr(c) for c in (0xa7cb, 0x1c89)])

t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()))
print(str.maketrans({'a': 'b', 98: None, True: 'T'}))
print('abcd'.maketrans('a', 'b'))
attempt(lambda: str.maketrans())
attempt(lambda: str.maketrans(1, 2, 3, 4))
attempt(lambda: str.maketrans({}, 'a'))
attempt(lambda: str.maketrans('a', 2))
attempt(lambda: str.maketrans(1, 'a', 3))
attempt(lambda: str.maketrans('ab', 'c'))
attempt(lambda: str.maketrans([]))
attempt(lambda: str.maketrans({'ab': 1}))
attempt(lambda: str.maketrans({1.5: 1}))
attempt(lambda: str.maketrans(x={}))
print('abcdd'.translate(t), 'hello'.translate({104: 'J', 108: None, 111: 0x1f600}))
print('abc'.translate([None] * 98), 'abc'.translate('XYZ' * 40), 'abc'.translate({}))
attempt(lambda: 'abc'.translate({97: 1.5}))
attempt(lambda: 'abc'.translate({97: -1}))
attempt(lambda: 'abc'.translate({97: 0x110000}))
attempt(lambda: 'abc'.translate(5))
attempt(lambda: 'abc'.translate())
class Table:
    def __getitem__(self, key):
        print('lookup', key)
        if key == 98:
            return 'B'
        if key == 99:
            return 'ç'
        if key == 100:
            return None
        raise LookupError(key)
print('abacab'.translate(Table()))
print('addab'.translate(Table()))
