import sys

grid = [[0] * 3 for _ in range(3)]
alias = [[0] * 3] * 3
print(grid[0] is grid[1], grid[1] is grid[2], alias[0] is alias[1])
print([sys.getrefcount(row) for row in grid])
print(sys.getrefcount(alias[0]))
grid[0][0] = 'x'
alias[0][0] = 'x'
print(grid)
print(alias)

# Each row of a comprehension is a new object; the ints inside are the same small ints.
print(grid[1][0] is grid[2][0])

# The temporary function and iterator are freed at once: their addresses are free again.
a = [1, 2]
before = id([])
result = [v for v in a]
print(result == a, result is a, result[0] is a[0])

# A comprehension of identical strings shares the one constant.
words = ['spam' for _ in range(3)]
print(words[0] is words[1], sys.getrefcount(words[0]) > 3)

# Dict comprehension keys and values are the iterated objects themselves.
keys = [(1, 2), (3, 4)]
d = {k: [k] for k in keys}
print(list(d)[0] is keys[0], d[keys[1]][0] is keys[1], sys.getrefcount(keys[0]))
