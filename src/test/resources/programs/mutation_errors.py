# Errors a program meets when it changes what it is reading, or assigns what cannot be assigned.
d = {1: 'one', 2: 'two'}
try:
    for k in d:
        print('visit', k)
        d.pop(k)
        d[k + 100] = 'moved'
except RuntimeError as e:
    print('RuntimeError:', e)
print(d)
try:
    for k in d:
        d[k * 7] = 'grown'
except RuntimeError as e:
    print('RuntimeError:', e)

nums = [1, 2, 3]
for value, what in ((5, 'an int'), (None, 'None')):
    try:
        nums[1:2] = value
    except TypeError as e:
        print(what, 'into a slice:', e)
    try:
        nums[::2] = value
    except TypeError as e:
        print(what, 'into an extended slice:', e)
try:
    print(3 in 5)
except TypeError as e:
    print('in:', e)
print(repr('\xa0price\u2028 '.strip()), '\xa0a\xa0b'.split())
point = (1, 2)
point[0] = 5
