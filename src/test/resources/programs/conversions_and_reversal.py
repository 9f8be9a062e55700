# float() reads Unicode digits and spaces and PEP 515 underscores; reversed(list) fixes its start.
for text in ['١.٥', '１２', '\u20031_000.5\u2003', '1_', '_1', '1__0', '1_.5', '1e_5', '1_0e1_0']:
    try:
        print(repr(text), '->', float(text))
    except ValueError as e:
        print(repr(text), '->', e)
scores = [10, 20]
key, where = '0', 1.0
try:
    scores[key] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    del scores[where]
except TypeError as e:
    print('TypeError:', e)
try:
    scores[5] = 1
except IndexError as e:
    print('IndexError:', e)
items = [1, 2, 3]
backwards = reversed(items)
items.append(9)
print('appended after reversed():', list(backwards))
items = [1, 2, 3, 4]
backwards = reversed(items)
print(next(backwards))
items.pop()
items.pop()
print('shrunk under it:', list(backwards))
print('bytes reverse as sequences:', list(reversed(b'abc')), list(reversed(bytearray(b'xy'))))
