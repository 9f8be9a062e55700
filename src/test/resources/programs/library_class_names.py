# Where a type says it lives: a builtin type's tp_name carries its module (itertools.count), a class
# that a Lib/ module defines keeps that module as __module__, and errors name each as CPython does.
import collections, contextlib, dataclasses, functools, itertools

print(type(itertools.count()), itertools.count.__module__, itertools.count.__name__, itertools.count.__qualname__)
print(type(itertools.groupby([1])), type(itertools.tee([1])[0]))
print(type(contextlib.ExitStack()), contextlib.ExitStack.__module__, contextlib.ExitStack.__qualname__)


@contextlib.contextmanager
def managed():
    yield 1


print(type(managed()), type(managed()).__module__)
for cls in (collections.Counter, collections.ChainMap, collections.deque, collections.OrderedDict,
            collections.defaultdict, dataclasses.Field, dataclasses.FrozenInstanceError, functools.partial):
    print(cls.__name__, cls.__module__)

for make in (lambda: itertools.count()[0], lambda: len(itertools.count()), lambda: itertools.chain().missing,
             lambda: itertools.count(1, 2, 3), lambda: itertools.islice(), lambda: collections.deque(1, 2, 3),
             lambda: functools.partial(), lambda: functools.partial(func=len)):
    try:
        make()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

print(functools.partial(len, func=1).keywords)

# ChainMap raises its own KeyError while it handles the first mapping's: that one is its __context__.
for act in (lambda m: m.pop('b'), lambda m: m.popitem(), lambda m: m.__delitem__('b')):
    try:
        act(collections.ChainMap({}, {'b': 1}))
    except KeyError as e:
        print(repr(e), repr(e.__context__), e.__suppress_context__)
