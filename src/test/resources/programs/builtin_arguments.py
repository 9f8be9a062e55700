# Arguments the builtins once ignored or let through: each now does what CPython does.
a = [1, 2, 1, 3, 1]
print(a.index(1, 1), a.index(1, 3), a.index(1, -1), a.index(3, 0, 4))
t = (1, 2, 1)
print(t.index(1, 1), t.index(2, -2))
print(int('10', base=2), int('ff', 16), int('0x1f', 0), int('0b11', 2), int(' -0o17 ', 0))
print('a,b,c'.split(',', 1), 'a b  c '.split(None, 1), 'a,b'.split(maxsplit=0, sep=','))
print('aaa'.replace('a', 'b', 2), 'ab'.replace('', '-', 2), 'ab'.replace('a', 'c', 0))
print(round(15, -1), round(25, -1), round(True), round(7, 2))
print(min([3, 1, 2], key=lambda x: -x), max([], default='none'), min(3, -4, key=abs))
print(str(object=5), sorted([3, 1, 2], reverse=True), sorted(['b', 'A'], key=str.lower))
print('x', 'y', sep='-', end='!\n', flush=True)
print('{} {name}'.format(1, name='n', unused=0))
d = {}
d.update([('a', 1)], b=2)
print(d, dict([('x', 1)], y=2))
