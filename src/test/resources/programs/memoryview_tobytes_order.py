# memoryview.tobytes(order): any order lays out one dimension alike; the argument is converted before the view is checked.
m = memoryview(b'abc')[::2]
for o in ['C', 'F', 'A', None, 'x', '', 5, 'C\0']:
    try:
        print(repr(o), m.tobytes(o), m.tobytes(order=o))
    except Exception as e:
        print(repr(o), type(e).__name__, e)
m.release()
for o in [5, 'x', 'C']:
    try:
        m.tobytes(o)
    except Exception as e:
        print(repr(o), type(e).__name__, e)
