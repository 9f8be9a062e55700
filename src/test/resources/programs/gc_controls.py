import gc
print(gc.isenabled(), gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.is_tracked({}), gc.is_tracked({"a": []}), gc.is_tracked(()), gc.is_tracked((1, [])))
