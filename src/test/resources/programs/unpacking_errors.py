# What * and ** say about a value they cannot unpack, in displays and in calls, and how a call's
# ** reads a mapping that is not a dict (keys(), then [] for each key).
def show(thunk):
    try:
        print(thunk())
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)

show(lambda: [*1])
show(lambda: (*None,))
show(lambda: {*1})
show(lambda: {**1})
show(lambda: {**[1]})
show(lambda: {'a': 1, **{'a': 2}})


class Mapping:
    def keys(self):
        return ['q', 'r']

    def __getitem__(self, k):
        return k * 2


def f(*args, **kw):
    return args, kw


print({**Mapping(), 'z': 1})
show(lambda: f(**Mapping(), z=1))
show(lambda: f(q=1, **Mapping()))
show(lambda: f(**{'x': 1}, **{'x': 2}))
show(lambda: f(*[1], *'ab', **{'y': 2}))
show(lambda: f(*1))
show(lambda: f(**1))


class Missing:
    def __init__(self):
        self.d = {}

    def keys(self):
        return ['a']

    def __getitem__(self, k):
        return self.d[k]


class Raises:
    def keys(self):
        return ['q']

    def __getitem__(self, k):
        raise KeyError('zz')


# A KeyError a dict lookup sets is reworded as a repeated keyword; one the program raises is left
# alone in 3.11 (reworded from 3.12, which reads any raised KeyError's args).
show(lambda: f(**Missing()))
show(lambda: f(**Raises()))
show(lambda: {**Raises()})
