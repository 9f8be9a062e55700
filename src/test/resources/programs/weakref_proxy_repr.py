import weakref

def shape(text):
    words = []
    for w in text.split(' '):
        if w.startswith('0x'):
            w = 'ADDR' + ''.join(c for c in w if c in ';>')
        words.append(w)
    return ' '.join(words)

class C:
    pass

def f():
    pass

c = C()
print(shape(repr(weakref.proxy(c))))
print(shape(repr(weakref.proxy(f))))
print(shape(repr(weakref.ref(c))))
print(shape(repr(weakref.ref(f))))
print(shape(repr(weakref.ref(C))))
p = weakref.proxy(c)
r = weakref.ref(c)
del c
print(shape(repr(p)))
print(shape(repr(r)))
