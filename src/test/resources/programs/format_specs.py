# format(), str.format, format_map, f-strings and % formatting: specs, conversions and errors as CPython's.
def attempt(thunk):
    try:
        print(repr(thunk()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Obj:
    x = "attr"


class Fmt:
    def __format__(self, spec):
        return "<" + spec + ">"


class P:
    def __repr__(self):
        return "P()"

    def __str__(self):
        return "p"


x, s, f, p = 42, "héllo", 3.14159, P()
attempt(lambda: "{!r} {!s} {!a}".format(s, s, s))
attempt(lambda: "{0!r:>10}|{1:^9}|{2:<6.2f}".format(s, x, f))
attempt(lambda: "{} {}".format(1))
attempt(lambda: "{0} {}".format(1, 2))
attempt(lambda: "{a} {b[0]} {c.x} {b[0]!r:>3}".format(a=1, b=[5], c=Obj()))
attempt(lambda: "{:{w}.{p}f}".format(f, w=10, p=3))
attempt(lambda: "{{}} {}".format(p))
attempt(lambda: "{!x}".format(1))
attempt(lambda: "{".format(1))
attempt(lambda: "}".format(1))
attempt(lambda: "{0[1]}".format("ab"))
attempt(lambda: "{:,}".format(1234567))
attempt(lambda: "{:_x}".format(1234567))
attempt(lambda: "{:#x} {:#o} {:#b}".format(255, 8, 5))
attempt(lambda: "{:+.3e}".format(12345.678))
attempt(lambda: "{:g} {:g} {:g}".format(1e-5, 123456789.0, 0.0001))
attempt(lambda: "{:%}".format(0.25))
attempt(lambda: "{:=+8d}".format(42))
attempt(lambda: "{:08.3f}".format(-3.14159))
attempt(lambda: "{:*^11}".format("mid"))
attempt(lambda: "{:c}".format(65))
attempt(lambda: "{:n}".format(1234))
attempt(lambda: "{:=5}".format("ab"))
attempt(lambda: "{:+}".format("ab"))
attempt(lambda: "{:.2}".format("abcdef"))
attempt(lambda: "{:d}".format(2.5))
attempt(lambda: "{:x}".format(2.5))
attempt(lambda: "{:.0f} {:.0f} {:.1f}".format(0.5, 1.5, 0.25))
attempt(lambda: f"{s!r:>12} {x:05d} {f:.3} {p!s} {p!r} {x=} {f = :.1f}")
attempt(lambda: f"{x:{'>'}{10}}")
attempt(lambda: "%s %r %d %5.2f %-5d| %x %o %e %g %c %%" % (s, s, 42, f, 7, 255, 8, 1234.5, 0.00001, 65))
attempt(lambda: "%(a)s and %(b)d" % {"a": "A", "b": 3})
attempt(lambda: "%s" % (1, 2))
attempt(lambda: "%d" % "x")
attempt(lambda: "%s %s" % (1,))
attempt(lambda: "%05.1f|%+d|% d|%#x|%#o" % (2.25, 5, 5, 255, 8))
attempt(lambda: "%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
attempt(lambda: "%i %u %X %E %G %a" % (1, 2, 255, 1.5, 1e20, "é"))
attempt(lambda: "%s" % [1, 2])
attempt(lambda: "%z" % 1)
attempt(lambda: format(1234.5, ",.2f"))
attempt(lambda: format(-0.0, ".1f"))
attempt(lambda: format(float("inf"), "08.2f"))
attempt(lambda: format(1e16, ""))
attempt(lambda: format(1.0, "e"))
attempt(lambda: format(123, "010,"))
attempt(lambda: format(True, "^5"))
attempt(lambda: format(10**20, "e"))
attempt(lambda: format(0.1, ".20f"))

for spec, v in [("07,", 123), ("06,", 123), ("05,", 123), ("04,", 123), ("09,.2f", 1234.5), ("010_x", 255), ("#010x", 255),
                ("=+10,", -1234), ("z.1f", -0.01), ("#g", 1.0), ("#.0f", 1.0), ("#.0e", 1.0), ("n", 1234.5), (".3n", 1234.5),
                ("#x", -255), ("x>+#8x", 10), ("<08d", 5), ("^08d", 5), ("0=8", "ab"), ("08", "ab"), (",d", "a"),
                ("5,s", "a"), (",c", 65), (".2d", 5), ("+c", 65), ("#s", "a"), (".f", 1.0), (",,", 1), (",_", 1), ("_,", 1),
                ("abc", 1), ("d", 1.0), ("s", 1), ("c", -1), ("#c", 65), (",x", 10), ("_n", 10), (",e", 1.5), ("z", 1),
                ("zd", 1), ("z", "a"), ("=5s", "a"), ("0=10,", -1234), ("x=10,", 1234), (".3", 1.0), (".3", 1e20),
                (".3", 123456.0), (".3", 100.0), ("#.3", 1.0), ("", 1e16), ("", 1e-5), (".0", 2.5), (".1e", 0.25),
                (".2g", 0.000012345), ("g", 1e-4), ("g", 123456.0), ("g", 1234567.0), ("#.3g", 1.0), (".0%", 0.125),
                ("E", float("inf")), ("+f", float("nan")), ("F", float("nan")), ("e", 0.0), (".3e", -0.0), ("10.3s", "abcdef"),
                ("abc", "s"), ("x<5.2%", 0.5), (",.3f", -1234567.891), ("_.3f", 1234.5), (",g", 1234567.0), (",", 1234.5),
                (".17g", 0.1), (".2f", 2.675), ("e", 1e301), ("e", 10**30), ("f", 2**2000), (">10", True), ("d", True),
                ("s", True), ("x", False), ("anything", Fmt()), ("", Fmt()), (".5", "é∂ƒ©˙∆˚"), ("^9", "é∂")]:
    attempt(lambda: format(v, spec))
attempt(lambda: "{0:{1}}|{0!r:{1}}".format("v", ">6"))
attempt(lambda: "{:{}{}}".format(3, "<", 4))
attempt(lambda: "{0[a]} {0[b]}".format({"a": 1, "b": 2}))
attempt(lambda: "{0[}".format([1]))
attempt(lambda: "{0]}".format([1]))
attempt(lambda: "{0[0]x}".format([1]))
attempt(lambda: "{.}".format(1))
attempt(lambda: "{!}".format(1))
attempt(lambda: "{!rx}".format(1))
attempt(lambda: "{0!r".format(1))
attempt(lambda: "{missing}".format(a=1))
attempt(lambda: "{:{:{}}}".format(1, 2, 3))
attempt(lambda: "{0} {}".format(1))
attempt(lambda: "{} {0}".format(1))
attempt(lambda: "{a}-{b}".format_map({"a": 1, "b": 2}))
attempt(lambda: "{a}".format_map({}))
attempt(lambda: "{x}".format(x=Fmt()) + "{x:spec}".format(x=Fmt()))
attempt(lambda: f"{Fmt():inner} {'é'!a} {3.5!s:>6}")
attempt(lambda: "%c%c" % ("é", 0x1F600))
attempt(lambda: "%c" % "ab")
attempt(lambda: "%(a)s" % 1)
attempt(lambda: "%s" % {"a": 1})
attempt(lambda: "%(a)s %%" % {"a": 1})
attempt(lambda: "%.3d|%5.1s|%-6.2f|%+.0e|%#.3g" % (7, "abc", 1.005, 12345.0, 1.0))
attempt(lambda: "%x" % 2.5)
attempt(lambda: "%f" % "x")
attempt(lambda: "%d" % 3.99)
attempt(lambda: "abc" % ())
attempt(lambda: "abc" % 5)
attempt(lambda: "%s %s" % "ab")
attempt(lambda: "%" % ())
attempt(lambda: "%5" % 1)
