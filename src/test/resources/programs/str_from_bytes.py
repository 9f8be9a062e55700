print(str(b"hi", "ascii"), str(b"caf\xc3\xa9", encoding="utf-8"), str(bytearray(b"xy"), "latin-1"))
print(str(memoryview(b"mv"), "utf-8"), str(b"abc", errors="strict"), repr(str(encoding="utf-8")))
for bad in [lambda: str("s", "utf-8"), lambda: str(5, "utf-8"), lambda: str(b"x", 5), lambda: str(b"\xff", "ascii"), lambda: str([1], encoding="ascii")]:
    try:
        bad()
    except (TypeError, UnicodeDecodeError) as e:
        print(type(e).__name__, e)
