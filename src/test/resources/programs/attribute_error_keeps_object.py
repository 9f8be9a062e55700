# An AttributeError out of an attribute lookup holds the object it looked in (e.obj) and the name
# (e.name), so the object lives as long as the exception does.
import sys


class Noisy:
    def __init__(self, label):
        self.label = label

    def __del__(self):
        print('  freed', self.label)


try:
    Noisy('temporary').missing
except AttributeError as e:
    print('in except:', e, '| name:', e.name, '| obj:', e.obj.label)
print('after the except block')

kept = Noisy('kept')
try:
    getattr(kept, 'absent')
except AttributeError as e:
    saved = e
print('refcount while saved holds the error:', sys.getrefcount(kept))
del saved
print('refcount after:', sys.getrefcount(kept))
print('a default asks no question:', getattr(kept, 'absent', 'default'), hasattr(kept, 'absent'))
print('made by hand, it knows nothing:', AttributeError('x').name, AttributeError('x').obj)
try:
    undefined_name
except NameError as e:
    print('a NameError knows its name:', e.name)
