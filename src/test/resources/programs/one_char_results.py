# A one-character result is the shared latin-1 singleton (the object chr() gives) when CPython
# makes it through unicode_result or PyUnicode_Substring, and a new str when it fills in a
# PyUnicode_New buffer and returns it as it is.
a = chr(97)
empty = ''
letters = 'ba'


def shared(label, result, char=a):
    print(f'{label:24}', result is char)


print('-- the singleton')
shared('index', letters[1])
shared('slice, step 1', letters[1:])
shared('iteration', list(letters)[1])
shared('split', 'b a'.split()[1])
shared('strip', ' a '.strip())
shared('partition', 'b,a'.partition(',')[2])
shared('decode', b'a'.decode())
shared('translate', 'b'.translate({98: 97}))
shared('% formatting', '%c' % 97)
shared('str.format', '{}'.format(7), chr(55))
shared('concatenation', empty + a)

print('-- a new str')
shared('lower', 'A'.lower())
shared('casefold', 'A'.casefold())
shared('swapcase', 'A'.swapcase())
shared('upper', a.upper(), chr(65))
shared('title', a.title(), chr(65))
shared('capitalize', a.capitalize(), chr(65))
shared('replace', 'b'.replace('b', 'a'))
shared('replace to delete', 'ab'.replace('b', ''))
shared('join of two', ''.join([empty, a]))
shared('f-string of two', f'{empty}{a}')
shared('center', empty.center(1, 'a'))
shared('rjust', empty.rjust(1, 'a'))
shared('zfill', empty.zfill(1), chr(48))
shared('slice with a step', letters[1::2])
shared('str(int)', str(7), chr(55))
shared('repr(int)', repr(7), chr(55))
shared('f-string of an int', f'{7}', chr(55))
