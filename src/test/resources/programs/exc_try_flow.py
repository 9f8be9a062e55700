# try/except/else/finally: which blocks run, in which order, and what a finally does to a return.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("  division by zero!")
        return None
    except (TypeError, ValueError) as e:
        print("  bad operand:", e)
        return None
    else:
        print("  result is", result)
        return result
    finally:
        print("  executing finally clause")

print(divide(2, 1))
print(divide(2, 0))
print(divide("2", "1"))

def finally_wins():
    try:
        return "try"
    finally:
        return "finally"

print(finally_wins())

def swallowed():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return i

print(swallowed())

def nested():
    try:
        try:
            [][0]
        except KeyError:
            print("not here")
        finally:
            print("inner finally")
    except LookupError as e:
        print("outer caught", type(e).__name__, e)

nested()

for n in range(4):
    try:
        if n % 2:
            continue
        print("body", n)
    finally:
        print("finally", n)

try:
    pass
except Exception:
    print("never")
else:
    print("else runs when nothing was raised")

try:
    int("x")
except:
    print("bare except catches", "everything")
