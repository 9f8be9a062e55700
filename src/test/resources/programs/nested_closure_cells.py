import sys
def outer():
    items = []
    def middle():
        def inner():
            return items
        return inner
    return middle()
g = outer()
lst = g()
print(sys.getrefcount(lst), g.__closure__[0].cell_contents is lst)
del g
print(sys.getrefcount(lst))
