# Resuming a generator enters a frame: deep yield-from chains meet the recursion limit, and the
# generator that could not start is finished.
def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)

def wrapper():
    yield count_down(900)

print(next(wrapper()))

def nest(level):
    if level:
        yield from nest(level - 1)
    yield level

print(sum(nest(300)))

def endless():
    yield from endless()

g = endless()
try:
    next(g)
except RecursionError as e:
    print("RecursionError:", e)
print(next(g, "finished"))
