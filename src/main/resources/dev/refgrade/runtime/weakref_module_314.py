# Derived from CPython 3.11's Lib/weakref.py and Lib/_weakrefset.py (3.14) (Copyright (c) 2001 Python Software Foundation; all rights reserved),
# used under the PSF License Agreement for Python; see https://docs.python.org/3/license.html.
# The weak containers of CPython 3.14's Lib/weakref.py and Lib/_weakrefset.py (see weakref_module.py
# for 3.11's; finalize, the same in both, is weakref_finalize.py): since gh-89967 and gh-123089 an
# iteration goes over a copy of the container's data, so the callbacks remove entries at once and there is no iteration guard
# or list of pending removals. The collections.abc bases are left out as there: their mixins
# and the operators that need Mapping are stubs that stop the run with a refusal (_unmodelled).

import itertools


class WeakSet:
    __module__ = '_weakrefset'

    def __init__(self, data=None):
        self.data = set()

        def _remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)

        self._remove = _remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for itemref in self.data.copy():
            item = itemref()
            if item is not None:
                yield item

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return repr(self.data)

    def __eq__(self, other):
        _unmodelled('WeakSet.__eq__')

    def __reduce__(self):
        _unmodelled('WeakSet.__reduce__')

    def __class_getitem__(cls, item):
        _unmodelled('WeakSet[...] (GenericAlias)')

    def _unmodelled_operation(self, *args):
        _unmodelled("WeakSet's set operations")

    difference = __sub__ = difference_update = __isub__ = _unmodelled_operation
    intersection = __and__ = intersection_update = __iand__ = _unmodelled_operation
    issubset = __le__ = __lt__ = issuperset = __ge__ = __gt__ = isdisjoint = _unmodelled_operation
    symmetric_difference = __xor__ = symmetric_difference_update = __ixor__ = _unmodelled_operation
    union = __or__ = _unmodelled_operation


class WeakValueDictionary:
    # Each value is held by a KeyedRef, a weak reference that keeps its key (KeyedRef.key) and
    # whose callback, the one `remove` closure, removes the entry when the value dies.

    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self), _atomic_removal=_remove_dead_weakref):
            self = selfref()
            if self is not None:
                _atomic_removal(self.data, wr.key)
        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        else:
            return o

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in self.data.copy().items():
            o = wr()
            if o is not None:
                new[key] = o
        return new

    __copy__ = copy

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        else:
            o = wr()
            if o is None:
                return default
            else:
                return o

    def items(self):
        for k, wr in self.data.copy().items():
            v = wr()
            if v is not None:
                yield k, v

    def keys(self):
        for k, wr in self.data.copy().items():
            if wr() is not None:
                yield k

    __iter__ = keys

    def itervaluerefs(self):
        yield from self.data.copy().values()

    def values(self):
        for wr in self.data.copy().values():
            obj = wr()
            if obj is not None:
                yield obj

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            else:
                raise KeyError(key)
        else:
            return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        else:
            return o

    def update(self, other=None, /, **kwargs):
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = KeyedRef(o, self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)

    def valuerefs(self):
        return list(self.data.copy().values())

    def __ior__(self, other):
        self.update(other)
        return self

    __reversed__ = None

    def __eq__(self, other):
        _unmodelled("WeakValueDictionary.__eq__ (Mapping's mixin)")

    def clear(self):
        _unmodelled("WeakValueDictionary.clear (MutableMapping's mixin)")

    def __deepcopy__(self, memo):
        _unmodelled('WeakValueDictionary.__deepcopy__')

    def __or__(self, other):
        _unmodelled('WeakValueDictionary.__or__ (it asks whether the other is a Mapping)')

    __ror__ = __or__

    def __class_getitem__(cls, item):
        _unmodelled('WeakValueDictionary[...] (GenericAlias)')


class WeakKeyDictionary:
    # Each key is held by a weak reference whose callback, the one `remove` closure, removes
    # the entry when the key dies.

    def __init__(self, dict=None):
        self.data = {}
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.data.copy().items():
            o = key()
            if o is not None:
                new[o] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        for wr, value in self.data.copy().items():
            key = wr()
            if key is not None:
                yield key, value

    def keys(self):
        for wr in self.data.copy():
            obj = wr()
            if obj is not None:
                yield obj

    __iter__ = keys

    def values(self):
        for wr, value in self.data.copy().items():
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)

    def __ior__(self, other):
        self.update(other)
        return self

    __reversed__ = None

    def __eq__(self, other):
        _unmodelled("WeakKeyDictionary.__eq__ (Mapping's mixin)")

    def clear(self):
        _unmodelled("WeakKeyDictionary.clear (MutableMapping's mixin)")

    def __deepcopy__(self, memo):
        _unmodelled('WeakKeyDictionary.__deepcopy__')

    def __or__(self, other):
        _unmodelled('WeakKeyDictionary.__or__ (it asks whether the other is a Mapping)')

    __ror__ = __or__

    def __class_getitem__(cls, item):
        _unmodelled('WeakKeyDictionary[...] (GenericAlias)')
