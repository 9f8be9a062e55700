# An __exit__ that raises: the traceback's with-frame entry is the with statement, not the body's last line.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print('open', self.name)
        return self

    def __exit__(self, kind, value, tb):
        print('close', self.name, 'after', kind.__name__ if kind else 'no error')
        raise RuntimeError('close failed for ' + self.name)


try:
    with Resource('first'):
        x = 1 / 0
except RuntimeError as e:
    print('caught:', e, '| context:', type(e.__context__).__name__)

with Resource('second') as r:
    total = 1
    total += 1
