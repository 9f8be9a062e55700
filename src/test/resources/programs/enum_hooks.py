# The hooks an enum class may define: _missing_ answers a value no member has, _generate_next_value_
# gives auto() its values, _order_ checks the members' order, _ignore_ keeps names out; dir() of an
# enum class is EnumType.__dir__'s list.
from enum import Enum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None
print(Color('red'), Color('Green'))
try:
    Color(7)
except ValueError as e:
    print('ValueError', e, e.__context__)
class Bad(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return 42
try:
    Bad(3)
except TypeError as e:
    print('TypeError', e, repr(e.__context__))
class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
class Name(Lower):
    NORTH = auto()
    SOUTH = auto()
print(list(Name), Name.NORTH.value)
F = Lower('F', 'X Y')
print(list(F))
class Ordered(Enum):
    _order_ = 'A B C'
    A = 1
    B = 2
    C = 3
    D_ALIAS = 1
print(list(Ordered))
try:
    class WrongOrder(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e:
    print('TypeError', e)
print(dir(Color))
print(dir(Name))
class Ig(Enum):
    _ignore_ = 'tmp i'
    tmp = 5
    X = 1
print(list(Ig), Ig.__dict__.get('tmp'))
try:
    class Late(Enum):
        A = auto()
        def _generate_next_value_(name, start, count, last_values):
            return name
except TypeError as e:
    print('TypeError', e)
print(Color.mro(), Color.__init_subclass__ is Color.__init_subclass__)
