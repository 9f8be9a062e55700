# Comparison and arithmetic rules that a hand-written evaluator tends to get wrong.
import itertools

nan, inf = float('nan'), float('inf')
key = '1'
print('NaN orders nothing:', nan > 1.0, nan >= 1.0, nan < 1.0, nan == nan, nan != nan, max(nan, 1.0), max(1.0, nan))
print('first differing items decide, with the operator asked:', [1.0, nan] > [1.0, 2.0], (1, 2) < (1, 3), [2] >= [1, 9])


class Money:
    def __init__(self, v):
        self.v = v

    def __sub__(self, other):
        return Money(self.v - other.v)

    def __repr__(self):
        return f'{type(self).__name__}({self.v})'


class Debt(Money):
    def __rsub__(self, other):
        return Debt(other.v + self.v)


class Declines:
    def __add__(self, other):
        return NotImplemented

    def __radd__(self, other):
        return 'radd'


print('a subclass that overrides the reflected method goes first:', Money(10) - Debt(3))
try:
    Declines() + Declines()
except TypeError as e:
    print('one type never tries the reflected method:', e)
print('another type does:', 1 + Declines())


class Celsius:
    def __init__(self, c):
        self.c = c

    def __float__(self):
        return float(self.c)


print('float() uses __float__:', float(Celsius(21)))
print('float % and // follow the divisor and floor:', -0.0 % 1, 7.5 % -2, -7.5 // 2, -3 // inf, divmod(-3, inf), inf // 1, divmod(inf, 1))
print('inf and nan are not grouped:', format(inf, ','), f'{nan:_}', f'{-inf:>8,}')
for thunk in (lambda: int(inf), lambda: int(nan), lambda: 'abc'[key]):
    try:
        thunk()
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
d = {'a': 1}
d |= [('b', 2)]
print('dict |= takes pairs:', d)


class NotIterable:
    __iter__ = None

    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError


try:
    list(NotIterable())
except TypeError as e:
    print('__iter__ = None:', e)
print('product with repeat=0:', list(itertools.product('ab', repeat=0)))


class Bag:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        print('  list() asked for a length hint')
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


print(list(Bag([1, 2])))
