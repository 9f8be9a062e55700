# Derived from CPython 3.11's Lib/enum.py (Copyright (c) 2001 Python Software Foundation; all rights reserved),
# used under the PSF License Agreement for Python; see https://docs.python.org/3/license.html.
# The part of CPython 3.11's Lib/enum.py that is written as plain Python, run by the simulator
# itself at `import enum` (each run gets its own classes, as each CPython process does). The
# metaclass EnumType is the simulator's (EnumBuild makes the classes, the members and their maps as
# EnumType.__new__ and _proto_member.__set_name__ do); its methods that run as Python are on the
# holder class below, named EnumType so that their names and qualnames are CPython's. Flag, IntEnum,
# StrEnum and the rest are left out, so that using one is refused by name. _unmodelled(what) stops
# the run with a refusal. Where 3.12's Lib/enum.py differs, its code stands under
# `if sys.version_info >= (3, 12)` (3.13 and later are refused).
import sys

def _is_dunder(name):
    """
    Returns True if a __dunder__ name, False otherwise.
    """
    return (
            len(name) > 4 and
            name[:2] == name[-2:] == '__' and
            name[2] != '_' and
            name[-3] != '_'
            )


if sys.version_info >= (3, 12):
    class _not_given:
        def __repr__(self):
            return('<not given>')
    _not_given = _not_given()

class _auto_null:
    def __repr__(self):
        return '_auto_null'
_auto_null = _auto_null()

class auto:
    """
    Instances are replaced with an appropriate value in Enum class suites.
    """
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value

class property:
    """
    This is a descriptor, used to define attributes that act differently
    when accessed through an enum member and through an enum class.
    Instance access is the same as property(), but access to an attribute
    through the enum class will instead look in the class' _member_map_ for
    a corresponding enum member.
    """

    # types.DynamicClassAttribute's __init__, which enum.property inherits there.
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        # next two lines make DynamicClassAttribute act the same as property
        self.__doc__ = doc or fget.__doc__
        self.overwrite_doc = doc is None
        # support for abstract methods
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    if sys.version_info >= (3, 12):
        member = None
        _attr_type = None
        _cls_type = None

        def __get__(self, instance, ownerclass=None):
            if instance is None:
                if self.member is not None:
                    return self.member
                else:
                    raise AttributeError(
                            '%r has no attribute %r' % (ownerclass, self.name)
                            )
            if self.fget is not None:
                # use previous enum.property
                return self.fget(instance)
            elif self._attr_type == 'attr':
                # look up previous attibute
                return getattr(self._cls_type, self.name)
            elif self._attr_type == 'desc':
                # use previous descriptor
                return getattr(instance._value_, self.name)
            # look for a member by this name.
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError(
                        '%r has no attribute %r' % (ownerclass, self.name)
                        ) from None

        def __set__(self, instance, value):
            if self.fset is not None:
                return self.fset(instance, value)
            raise AttributeError(
                    "<enum %r> cannot set attribute %r" % (self.clsname, self.name)
                    )

        def __delete__(self, instance):
            if self.fdel is not None:
                return self.fdel(instance)
            raise AttributeError(
                    "<enum %r> cannot delete attribute %r" % (self.clsname, self.name)
                    )
    else:
        def __get__(self, instance, ownerclass=None):
            if instance is None:
                try:
                    return ownerclass._member_map_[self.name]
                except KeyError:
                    raise AttributeError(
                            '%r has no attribute %r' % (ownerclass, self.name)
                            )
            else:
                if self.fget is None:
                    # look for a member by this name.
                    try:
                        return ownerclass._member_map_[self.name]
                    except KeyError:
                        raise AttributeError(
                                '%r has no attribute %r' % (ownerclass, self.name)
                                ) from None
                else:
                    return self.fget(instance)

        def __set__(self, instance, value):
            if self.fset is None:
                raise AttributeError(
                        "<enum %r> cannot set attribute %r" % (self.clsname, self.name)
                        )
            else:
                return self.fset(instance, value)

        def __delete__(self, instance):
            if self.fdel is None:
                raise AttributeError(
                        "<enum %r> cannot delete attribute %r" % (self.clsname, self.name)
                        )
            else:
                return self.fdel(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


class EnumType:
    """
    Metaclass for Enum
    """

    if sys.version_info >= (3, 12):
        def __call__(cls, value, names=_not_given, *values, module=None, qualname=None, type=None, start=1, boundary=None):
            """
            Either returns an existing member, or creates a new enum class.
            """
            if cls._member_map_:
                # simple value lookup if members exist
                if names is not _not_given:
                    value = (value, names) + values
                return cls.__new__(cls, value)
            # otherwise, functional API: we're creating a new Enum type
            if names is _not_given and type is None:
                # no body? no data-type? possibly wrong usage
                raise TypeError(
                        f"{cls} has no members; specify `names=()` if you meant to create a new, empty, enum"
                        )
            return _create_(
                    cls,
                    class_name=value,
                    names=None if names is _not_given else names,
                    module=module,
                    qualname=qualname,
                    type=type,
                    start=start,
                    boundary=boundary,
                    )
    else:
        def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
            """
            Either returns an existing member, or creates a new enum class.
            """
            if names is None:  # simple value lookup
                return cls.__new__(cls, value)
            # otherwise, functional API: we're creating a new Enum type
            return _create_(
                    cls,
                    value,
                    names,
                    module=module,
                    qualname=qualname,
                    type=type,
                    start=start,
                    boundary=boundary,
                    )

    if sys.version_info >= (3, 12):
        def __contains__(cls, value):
            """Return True if `value` is in `cls`.

            `value` is in `cls` if:
            1) `value` is a member of `cls`, or
            2) `value` is the value of one of the `cls`'s members.
            """
            if isinstance(value, cls):
                return True
            return value in cls._value2member_map_ or value in cls._unhashable_values_
    else:
        def __contains__(cls, member):
            """
            Return True if member is a member of this enum
            raises TypeError if member is not an enum member
            """
            if not isinstance(member, Enum):
                _unmodelled("'in' of a value that is not an enum member on Python 3.11"
                            " (it prints a DeprecationWarning through the warnings module)")
            return isinstance(member, cls) and member._name_ in cls._member_map_

        def __getattr__(cls, name):
            """
            Return the enum member matching `name`
            """
            if _is_dunder(name):
                raise AttributeError(name)
            try:
                return cls._member_map_[name]
            except KeyError:
                raise AttributeError(name) from None

    def __dir__(cls):
        interesting = set([
                '__class__', '__contains__', '__doc__', '__getitem__',
                '__iter__', '__len__', '__members__', '__module__',
                '__name__', '__qualname__',
                ]
                + cls._member_names_
                )
        if cls._new_member_ is not object.__new__:
            interesting.add('__new__')
        if cls.__init_subclass__ is not object.__init_subclass__:
            interesting.add('__init_subclass__')
        if cls._member_type_ is object:
            return sorted(interesting)
        else:
            # return whatever mixed-in data type has
            return sorted(set(dir(cls._member_type_)) | interesting)

    def __getitem__(cls, name):
        """
        Return the member matching `name`.
        """
        return cls._member_map_[name]

    def __iter__(cls):
        """
        Return members in definition order.
        """
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        """
        Return the number of members (no aliases)
        """
        return len(cls._member_names_)

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    def __reversed__(cls):
        """
        Return members in reverse definition order.
        """
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

_EnumType_methods = EnumType
EnumType = EnumMeta


class Enum(metaclass=EnumType):
    """
    Create a collection of name/value pairs.

    Example enumeration:

    >>> class Color(Enum):
    ...     RED = 1
    ...     BLUE = 2
    ...     GREEN = 3

    Access them by:

    - attribute access::

    >>> Color.RED
    <Color.RED: 1>

    - value lookup:

    >>> Color(1)
    <Color.RED: 1>

    - name lookup:

    >>> Color['RED']
    <Color.RED: 1>

    Enumerations can be iterated over, and know how many members they have:

    >>> len(Color)
    3

    >>> list(Color)
    [<Color.RED: 1>, <Color.BLUE: 2>, <Color.GREEN: 3>]

    Methods can be added to enumerations, and members can have their own
    attributes -- see the documentation for details.
    """

    if sys.version_info >= (3, 12):
        __doc__ = """
    Create a collection of name/value pairs.

    Example enumeration:

    >>> class Color(Enum):
    ...     RED = 1
    ...     BLUE = 2
    ...     GREEN = 3

    Access them by:

    - attribute access:

      >>> Color.RED
      <Color.RED: 1>

    - value lookup:

      >>> Color(1)
      <Color.RED: 1>

    - name lookup:

      >>> Color['RED']
      <Color.RED: 1>

    Enumerations can be iterated over, and know how many members they have:

    >>> len(Color)
    3

    >>> list(Color)
    [<Color.RED: 1>, <Color.BLUE: 2>, <Color.GREEN: 3>]

    Methods can be added to enumerations, and members can have their own
    attributes -- see the documentation for details.
    """

        @classmethod
        def __signature__(cls):
            if cls._member_names_:
                return '(*values)'
            else:
                return '(new_class_name, /, names, *, module=None, qualname=None, type=None, start=1, boundary=None)'

    def __new__(cls, value):
        # all enum instances are actually created during class construction
        # without calling this method; this method is called by the metaclass'
        # __call__ (i.e. Color(3) ), and by pickle
        if type(value) is cls:
            # For lookups like Color(Color.RED)
            return value
        # by-value search for a matching enum member
        # see if it's in the reverse mapping (for hashable values)
        try:
            return cls._value2member_map_[value]
        except KeyError:
            # Not found, no need to do long O(n) search
            pass
        except TypeError:
            # not there, now do long search -- O(n) behavior
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        # still not found -- verify that members exist, in-case somebody got here mistakenly
        # (such as via super when trying to override __new__)
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % cls)
        #
        # still not found -- try _missing_ hook
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        try:
            if isinstance(result, cls):
                return result
            else:
                ve_exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
                if result is None and exc is None:
                    raise ve_exc
                elif exc is None:
                    exc = TypeError(
                            'error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result)
                            )
                if not isinstance(exc, ValueError):
                    exc.__context__ = ve_exc
                raise exc
        finally:
            # ensure all variables that could hold an exception are destroyed
            exc = None
            ve_exc = None

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        """
        Generate the next value when not given.

        name: the name of the member
        start: the initial start value or None
        count: the number of existing members
        last_values: the list of values assigned
        """
        if not last_values:
            return start
        try:
            last = last_values[-1]
            last_values.sort()
            if last == last_values[-1]:
                # no difference between old and new methods
                return last + 1
            else:
                # trigger old method (with warning)
                raise TypeError
        except TypeError:
            _unmodelled("auto() after values that are not ascending numbers"
                        " (3.11 prints a DeprecationWarning through the warnings module)")

    if sys.version_info >= (3, 12):
        _generate_next_value_ = staticmethod(_generate_next_value_)

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_, )

    def __dir__(self):
        """
        Returns public methods and other interesting attributes.
        """
        interesting = set()
        if self.__class__._member_type_ is not object:
            interesting = set(object.__dir__(self))
        for name in getattr(self, '__dict__', []):
            if name[0] != '_' and name not in self._member_map_:
                interesting.add(name)
        for cls in self.__class__.mro():
            for name, obj in cls.__dict__.items():
                if name[0] == '_':
                    continue
                if isinstance(obj, property):
                    # that's an enum.property
                    if obj.fget is not None or name not in self._member_map_:
                        interesting.add(name)
                    else:
                        # in case it was added by `dir(self)`
                        interesting.discard(name)
                elif name not in self._member_map_:
                    interesting.add(name)
        names = sorted(
                set(['__class__', '__doc__', '__eq__', '__hash__', '__module__'])
                | interesting
                )
        return names

    def __format__(self, format_spec):
        # str.__format__(str(self), format_spec): format() of the exact str is that same call.
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_, )

    def __deepcopy__(self,memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


def unique(enumeration):
    """
    Class decorator for enumerations ensuring unique member values.
    """
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(
                ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' %
                (enumeration, alias_details))
    return enumeration
