# Keeping the exception in a local of the frame its traceback holds makes a cycle:
# exception -> traceback -> frame -> local -> exception. Only the collector frees it.
import gc
import sys

class Big:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed", self.name)

def keep_error():
    big = Big("big")
    try:
        raise RuntimeError("kept")
    except RuntimeError as err:
        saved = err
    print("  refcount of big inside:", sys.getrefcount(big))
    return "done"

gc.disable()
print(keep_error())
print("after the call: big is still in the cycle")
print("collected something:", gc.collect() > 0)
print("after gc.collect()")

def no_cycle():
    big = Big("plain")
    try:
        raise RuntimeError("dropped")
    except RuntimeError as err:
        print("  handled", err)
    return "done"

print(no_cycle())
print("no collection needed")

def frame_referents():
    marker = [1, 2, 3]
    try:
        raise ValueError
    except ValueError as e:
        tb = e.__traceback__
    frame = tb.tb_frame
    return frame, tb, marker

frame, tb, marker = frame_referents()
print("the finished frame holds its locals:", marker in gc.get_referents(frame))
print("the traceback holds the frame:", frame in gc.get_referents(tb))
del frame, tb
print(gc.collect())
