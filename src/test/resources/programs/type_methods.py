# Methods and attributes of str, int, float and set: results, identity where CPython keeps the object, errors.
def attempt(thunk):
    try:
        print(repr(thunk()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


s = "hello World"
for name in ("capitalize", "swapcase", "title", "isascii", "isalpha", "isdecimal", "isspace", "isalnum", "isnumeric",
             "islower", "isupper", "istitle", "splitlines"):
    for text in ("", "abc", "ABC", "Hello World", "hello world", "a1", "12", " \t\n", "ßtraße", "Ǆ x", "dž", "x\ny\r\nz",
                 "line\n", "one"):
        if name in ("isalnum", "isnumeric") and not text.isascii():
            continue  # refused by the simulator: Java has no Unicode numeric types
        attempt(lambda: getattr(text, name)())
print("splitlines keepends", "a\nb\r\nc\rd\x0be\x1cf\u2028g".splitlines(True))
word = "unchanged" * 2
print("identity", word.splitlines()[0] is word, word.center(3) is word, word.ljust(5) is word, word.zfill(2) is word,
      word.removeprefix("x") is word, word.removesuffix("") is word, word.partition("z")[0] is word,
      word.rpartition("z")[2] is word)
for w in (0, 5, 10, 11, 12):
    attempt(lambda: "abc".center(w, "*") + "|" + "ab".center(w) + "|" + "abc".ljust(w, "-") + "|" + "abc".rjust(w))
attempt(lambda: "a".center(5, "ab"))
attempt(lambda: "a".center(5, 1))
for t in ("42", "-42", "+7", "", "abc"):
    attempt(lambda: t.zfill(5))
attempt(lambda: "a\tbc\td\n\tx".expandtabs())
attempt(lambda: "a\tbc\td".expandtabs(4))
attempt(lambda: "a\tb".expandtabs(0))
for meth in ("index", "rfind", "rindex"):
    for sub in ("l", "lo", "z", ""):
        attempt(lambda: getattr(s, meth)(sub))
for sep in ("o", "l", "zz", ""):
    attempt(lambda: s.partition(sep))
    attempt(lambda: s.rpartition(sep))
attempt(lambda: s.removeprefix("hello ") + "|" + s.removesuffix("World") + "|" + s.removeprefix("x"))
attempt(lambda: s.removeprefix(1))

for v in (0, 7, -7, 2**70, True, False):
    attempt(lambda: (v.real, v.imag, v.numerator, v.denominator, v.conjugate(), v.bit_length(), v.bit_count(),
                     v.as_integer_ratio()))
n = 10**20
print("int real is itself", n.real is n, n.numerator is n, True.real is True)
for v in (0.0, -0.0, 1.5, -2.75, 0.1, 1e300, 5e-324, float("inf"), float("nan"), 3.0):
    attempt(lambda: (v.real, v.imag, v.conjugate(), v.is_integer(), v.hex()))
    attempt(lambda: v.as_integer_ratio())
f = 2.5
print("float real is itself", f.real is f)

a, b = {1, 2, 3, 9, 17}, {3, 4, 17, 25}
print(a.union(b), a.union(), a.union([5, 5], (6,)), a.intersection(b), a.intersection(b, [3]), a.intersection(),
      a.difference(b), a.difference([1], [2]), a.symmetric_difference(b), a.symmetric_difference([1, 100]))
print(a.isdisjoint(b), a.isdisjoint([100]), {1}.issubset(a), a.issubset([1, 2]), a.issuperset([1, 2]), a.issuperset(b))
fs = frozenset(a)
print(type(fs.union(b)).__name__, fs.intersection(b), type(fs.difference()).__name__)
c = set(a)
c.intersection_update(b, [3, 17, 99])
print(c)
c = set(a)
c.difference_update([1], (2,))
print(c)
c = set(a)
c.symmetric_difference_update([1, 50])
print(c)
c = {5, 13, 21, 6, 29}
popped = []
while c:
    popped.append(c.pop())
print("pop order", popped)
attempt(lambda: set().pop())
c = set(range(20))
print("pops", [c.pop() for _ in range(5)], c)
c.update({100, 101}, [102])
print(c)
