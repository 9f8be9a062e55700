# object.__str__ calls the class's __repr__ itself: str() gives back the very str __repr__ returned,
# and PyObject_Str checks it as __str__'s result, whatever asked (str, f-strings, %s, format, print).
class Shown:
    text = "Shown!"

    def __repr__(self):
        return Shown.text


s = Shown()
print(str(s) is Shown.text, f"{s}" is Shown.text, format(s) is Shown.text, repr(s) is Shown.text)
print(str(s), [s], "%s|%r" % (s, s))


class Bad:
    def __repr__(self):
        return 42


for what, f in [("str", lambda: str(Bad())), ("f-string", lambda: f"{Bad()}"), ("%s", lambda: "%s" % Bad()),
                ("format", lambda: format(Bad())), ("str.format", lambda: "{}".format(Bad())), ("repr", lambda: repr(Bad())),
                ("str of list", lambda: str([Bad()])), ("print", lambda: print(Bad()))]:
    try:
        f()
    except TypeError as e:
        print(what, "TypeError:", e)
