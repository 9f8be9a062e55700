import sys
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder)
v = sys.version_info
print(v)
print(v[:2], v.major, v.minor, v.releaselevel, v.serial, len(v), v >= (3, 8), v < (3, 99), v[0] == 3)
print(type(v).__name__, isinstance(v, tuple), tuple(v)[3], "%d.%d" % v[:2])
major, minor, micro, level, serial = v
print(major, micro, level)
print(sys.version_info is v)
