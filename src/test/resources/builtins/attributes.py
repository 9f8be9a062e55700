#!/usr/bin/env python3
"""Writes the attribute names of CPython 3.11's builtin types, which the simulator refuses by name
when it lacks one (never an AttributeError CPython would not raise). Run from the repository root:
    python3 src/test/resources/builtins/attributes.py
"""
import array
import collections
import sys
import types
import weakref

assert sys.version_info[:2] == (3, 11), "the names are CPython 3.11's"


def f():
    pass


TYPES = [object, int, bool, float, complex, str, bytes, bytearray, memoryview, list, tuple, dict, set, frozenset,
         range, slice, type(None), type(NotImplemented), type(Ellipsis), type, types.FunctionType,
         types.BuiltinFunctionType, types.MethodType, type({}.keys()), type({}.values()), type({}.items()), property,
         types.ModuleType, types.CellType, types.CodeType, BaseException, type(iter([])), type(iter(())),
         type(iter("")), type(iter(range(0))), type(iter({})), type(iter(set())), types.TracebackType, types.FrameType,
         type(reversed([])), type(reversed(range(0))), type(reversed(())), type(iter({}.values())), type(iter({}.items())),
         enumerate, zip, map, filter, reversed, types.GeneratorType, staticmethod, classmethod, super,
         collections.deque, collections.defaultdict, collections.OrderedDict, array.array]
# Classes written in Python (Lib/*.py) that the simulator models in Java: every attribute, inherited ones too.
LIBRARY_CLASSES = [weakref.WeakValueDictionary, weakref.WeakKeyDictionary, weakref.WeakSet, weakref.finalize,
                   collections.Counter, collections.ChainMap]
MODULES = ["sys", "gc", "copy", "weakref", "contextlib", "ctypes", "math", "operator", "string", "pprint",
           "collections", "types", "functools", "itertools", "dataclasses", "enum", "array", "cmath", "heapq",
           "bisect", "statistics", "fractions", "decimal", "textwrap", "keyword", "abc", "numbers", "typing"]
with open("src/main/resources/dev/refgrade/runtime/cpython-3.11-attributes.txt", "w") as out:
    out.write("# python3 src/test/resources/builtins/attributes.py: each builtin type's name then its own attributes;\n")
    out.write("# module:NAME then dir(module)\n")
    for t in TYPES:
        out.write(t.__name__ + " " + " ".join(sorted(t.__dict__)) + "\n")
    for t in LIBRARY_CLASSES:
        out.write(t.__name__ + " " + " ".join(sorted(dir(t))) + "\n")
    for name in MODULES:
        out.write("module:" + name + " " + " ".join(sorted(dir(__import__(name)))) + "\n")
