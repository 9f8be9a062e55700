# Formatting that has nothing to add gives back the very str it was handed: PyObject_Format,
# FORMAT_VALUE and a _PyUnicodeWriter that holds one whole str and is not over-allocating.
S = 'stored text'


class Loud:
    def __str__(self):
        return S

    def __repr__(self):
        return S

    def __format__(self, spec):
        return S


class Quiet:
    def __str__(self):
        return S


loud, quiet = Loud(), Quiet()
print('str/repr/format give what the method returned:', str(loud) is S, repr(loud) is S, format(loud) is S,
      format(loud, 'x') is S, format(quiet) is S)
print('f-strings:', f'{loud}' is S, f'{quiet}' is S, f'{quiet!s}' is S, f'{loud!r}' is S)
print('% formatting:', '%s' % quiet is S, '%r' % loud is S, '%s' % (S,) is S, '%(k)s' % {'k': S} is S)
print('str.format:', '{}'.format(quiet) is S, '{0}'.format(S) is S, '{x}'.format(x=S) is S, '{!s}'.format(quiet) is S)

x = 'hello world'
print('format() with a spec that keeps it whole:', format(x) is x, format(x, '') is x, format(x, '5') is x,
      format(x, '<11') is x, format(x, '.20') is x, format(x, 's') is x)
print('... and one that pads or cuts:', format(x, '20') is x, format(x, '.3') is x)
print('f-string specs:', f'{x}' is x, f'{x:}' is x, f'{x:5}' is x, f'{x:>20}' is x, f'{x!s:}' is x)
print('two pieces make a new str:', f'{x}{""}' is x, f'{x}!' is x, f'{x}' f'' is x)
print('% widths:', '%5s' % x is x, '%-30s' % x is x, '%.2s' % x is x, '%+s' % x is x)
print('% with more to write:', '%s%s' % (x, '') is x, '%s%%' % x is x, '%s!' % x is x, '!%s' % x is x)
print('a format without fields:', x % () is x, x.format() is x, x.format(1, 2) is x, x.format_map({}) is x)
print('str.format with more to write:', '{}{}'.format(x, '') is x, '{}!'.format(x) is x, '!{}'.format(x) is x)
print('str.format widths:', '{:5}'.format(x) is x, '{:^30}'.format(x) is x)

n = 12345
print('numbers are written out:', f'{n}', '%d' % n, '{:,}'.format(n), format(n, '>8'))
print('expandtabs without a tab:', x.expandtabs() is x, 'a\tb'.expandtabs(2))


class Shout:
    def __repr__(self):
        print('  (repr runs)')
        return 'Shout'


def width():
    print('  (width evaluated)')
    return 7


print('conversion and spec:', f'{Shout()!r:>{width()}}|')
