# int(x, base) reads base with PyNumber_AsSsize_t(base, NULL): a huge base is clamped, so it is out of range, not an overflow.
for b in [2 ** 70, -2 ** 70, 2.5, '3', True, 36, 0]:
    try:
        print(int('11', b))
    except Exception as e:
        print(type(e).__name__, e)
