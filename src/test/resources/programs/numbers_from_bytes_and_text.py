# int() and float() read a str through _PyUnicode_TransformDecimalAndSpaceToASCII (non-ASCII digits and
# spaces only) and a bytes or bytearray as it is: ASCII text, any other byte no number at all.
for x in (b"12", b" -7_0 ", bytearray(b"0x1f"), b"1x", bytearray(b"1x"), b"\xa012", b"1\x002", b""):
    for base in (10, 0, 16):
        try:
            print(repr(x), base, int(x, base))
        except ValueError as e:
            print(repr(x), base, "ValueError:", e)
print(int(b"7"), int(bytearray(b" 8 ")))

for x in (b"1.5", b" -2.5e3 ", bytearray(b"inf"), b"1_0.5", b"1x", bytearray(b"1x"), b"\xa01", b"", b"nan",
          "\x1c2.5\x1f", "\u20031.25\u2003", "\xa0 7 ", "1.5\x00", "\u0661.5"):
    try:
        print(repr(x), float(x))
    except ValueError as e:
        print(repr(x), "ValueError:", e)

for s in ("12\x00", "\x1c12\x1f", " 3\t\n", "\x0b4\x0c", "\u20035\u2003", "\xa06"):
    for convert in (int, float):
        try:
            print(repr(s), convert.__name__, convert(s))
        except ValueError as e:
            print(repr(s), convert.__name__, "ValueError:", e)
