# A seeded walk through set operations on ints whose hashes collide (multiples of 8, 32 and 64), printing
# the set after each step: the order a set iterates in is its table's, so every probe, every reuse of a
# deleted slot (set_add_entry takes the last one its probe passes), every rebuild of a table a quarter
# dummies (difference_update, -=) and every table copied whole (set_merge into an empty set) shows.
# In-place operators change the set itself: `alias` stays the same object.
state = 12345


def draw(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % n


def value():
    kind = draw(5)
    return [draw(64), draw(64) * 8, draw(220) - 20, draw(4) * 32 + draw(3), draw(16) * 64][kind]


def some(k):
    return [value() for _ in range(draw(k))]


s = set(some(14))
alias = s
for step in range(400):
    op = draw(14)
    if op == 0:
        s.discard(value())
    elif op == 1:
        s.add(value())
    elif op == 2:
        s.update(some(6))
    elif op == 3:
        s.difference_update(some(6))
    elif op == 4 and s:
        s.pop()
    elif op == 5:
        s -= set(some(20))
    elif op == 6:
        s &= set(some(20)) | s if draw(2) else set(some(20))
    elif op == 7:
        s ^= set(some(6))
    elif op == 8:
        s |= set(some(12))
    elif op == 9:
        s.intersection_update(some(20) + list(s))
    elif op == 10:
        s.symmetric_difference_update(some(6))
    elif op == 11:
        print(s - set(some(6)), s & set(some(20)), s | set(some(6)), s ^ set(some(6)))
    elif op == 12:
        print(s.difference(some(6)), s.intersection(some(20)), s.union(some(6)), s.symmetric_difference(some(6)))
    else:
        s.difference_update(set(some(30)))
    print(step, s, s is alias)
