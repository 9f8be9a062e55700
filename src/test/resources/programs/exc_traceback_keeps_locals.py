# A caught exception's traceback holds the frame it went through, and the frame holds its locals.
import sys

class Big:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed", self.name)

def work():
    big = Big("big")
    print("  in work, refcount of big:", sys.getrefcount(big))
    raise ValueError("boom")

try:
    work()
except ValueError as e:
    print("handler: refcount of e:", sys.getrefcount(e))
    tb = e.__traceback__
    print("entries:", tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)
    print("last entry:", tb.tb_next.tb_next)
    frame = tb.tb_next.tb_frame
    print("big is still alive:", frame.f_locals["big"].name)
    print("refcount of big while the frame holds it:", sys.getrefcount(frame.f_locals["big"]))
    print("f_lineno:", frame.f_lineno, "f_back is the module frame:", frame.f_back is tb.tb_frame)
    t, v, tb2 = sys.exc_info()
    print("exc_info:", t is ValueError, v is e, tb2 is tb)
    print("sys.exception():", sys.exception() is e)
    saved = e
print("after the except block")
print("exc_info is empty again:", sys.exc_info(), sys.exception())
del tb, frame, tb2, v
print("only saved holds the exception now")
del saved
print("end")
