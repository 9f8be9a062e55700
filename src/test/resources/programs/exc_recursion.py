# Runaway recursion: CPython cuts the repeated lines of the traceback.
def countdown(n):
    return countdown(n - 1)

countdown(10)
