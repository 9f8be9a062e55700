class S:
    __slots__ = ('a',)
for o in [S(), object(), 5, [], "s", (1,), {}, 1.5, len, iter([])]:
    try:
        o.zz = 1
    except AttributeError as e:
        print(e)
try:
    del S().zz
except AttributeError as e:
    print(e)
