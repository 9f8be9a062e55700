# Where 3.11 puts its markers: calls, attributes, subscripts and operators, across frames.
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.history = []

    def last(self):
        return self.history[-1]

def report(accounts):
    totals = {}
    for a in accounts:
        totals[a.owner] = len(a.history) + a.last().amount
    return totals

print("report")
print(report([Account("ann")]))
