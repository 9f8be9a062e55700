# list.sort and sorted call __lt__ exactly as CPython's listsort does: natural runs found first
# (3.13 also folds runs of equal items into descending runs), binary insertion, then merges that
# gallop. While a sort runs, the list is empty to the code it calls.
calls = []


class Card:
    def __init__(self, rank):
        self.rank = rank

    def __lt__(self, other):
        calls.append((self.rank, other.rank))
        return self.rank < other.rank

    def __repr__(self):
        return f'Card({self.rank})'


for ranks in ([1, 2, 3], [3, 1, 2], [5, 4, 4, 3, 1, 2, 2, 6], [2, 2, 1, 1, 3], list(range(12, 0, -1))):
    calls.clear()
    print(ranks, '->', [c.rank for c in sorted(map(Card, ranks))], len(calls), calls[:6])
calls.clear()
print('reverse keeps equal items in order:', sorted([Card(2), Card(1), Card(2)], reverse=True), len(calls))
big = [(i * 37) % 101 for i in range(300)]
calls.clear()
sorted(map(Card, big))
print('300 items:', len(calls), calls[-3:])
calls.clear()
sorted(map(Card, big), key=lambda c: -c.rank if False else Card(c.rank // 10))
print('with a key:', len(calls))


class Fussy:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if 13 in (self.v, other.v):
            raise ValueError('no comparing 13')
        return self.v < other.v


items = [Fussy(x) for x in [5, 3, 9, 1, 7, 13, 2, 8]]
try:
    items.sort()
except ValueError as e:
    print(e, '- the list is left as:', [f.v for f in items])

watched = []


class Peeker:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print('  during the sort the list has', len(watched), 'items')
        watched.append(self)
        return self.v < other.v


watched.extend([Peeker(2), Peeker(1)])
try:
    watched.sort()
except ValueError as e:
    print(e, [p.v for p in watched])
