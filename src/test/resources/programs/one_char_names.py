# One-character strings: chr(), indexing and decoding give the latin-1 singleton; a one-character
# name or constant is interned, and in 3.11 interning some of them gives a copy of their own.
import sys

a_const = 'a'
g_const = 'g'
plus_const = '+'
print('literal a is chr(97):', a_const is chr(97))
print('literal g is chr(103):', g_const is chr(103))
print('literal + is chr(43):', plus_const is chr(43))
print('sys.intern(chr(97)) is literal a:', sys.intern(chr(97)) is a_const)
print('sys.intern(chr(103)) is literal g:', sys.intern(chr(103)) is g_const)

text = 'abc'
print('text[0] is literal a:', text[0] is a_const, '| text[0] is chr(97):', text[0] is chr(97))
print('decoded a is literal a:', b'a'.decode() is a_const, '| is chr(97):', b'a'.decode() is chr(97))
print('str(b"a", "ascii") is literal a:', str(b'a', 'ascii') is a_const)
print("'a b'.split()[0] is literal a:", 'a b'.split()[0] is a_const)
print("'A'.lower() is literal a:", 'A'.lower() is a_const)

keys = list({'a': 1})
print('dict display key is literal a:', keys[0] is a_const)
keys = list(dict(a=1))
print('keyword name is literal a:', keys[0] is a_const, '| is chr(97):', keys[0] is chr(97))

def f(a, b):
    return a
print('parameter name is literal a:', f.__code__.co_varnames[0] is a_const)


class Box:
    pass


box = Box()
setattr(box, chr(97), 1)
name = list(vars(box))[0]
print('setattr(box, chr(97)) keys vars by literal a:', name is a_const, '| by chr(97):', name is chr(97))
box.b = 2
name = list(vars(box))[1]
print('box.b keys vars by chr(98):', name is chr(98))
setattr(box, ''.join(['ab', 'c']), 3)
abc = 'abc'
print('setattr interns a made name:', list(vars(box))[2] is abc)
box.__dict__[''.join(['de', 'f'])] = 4
dfe = 'def'
print('a __dict__ store does not:', list(vars(box))[3] is dfe)
delattr(box, ''.join(['ab', 'c']))
print('after delattr:', sorted(vars(box)))

true_text = 'True'
print('str(True) is str(True):', str(True) is str(True), '| is the constant:', str(True) is true_text)
print('sys.intern(str(True)) is the constant:', sys.intern(str(True)) is true_text)
print('f-string, format and % of True:', f'{True}' is str(True), format(False) is repr(False), '%s' % True is str(True))
