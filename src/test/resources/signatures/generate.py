#!/usr/bin/env python3
"""Regenerates errors.golden: each call of calls.txt run by CPython, with the exception it raises.

Run from the repository root with CPython 3.11: python3 src/test/resources/signatures/generate.py
"""
import collections, copy, gc, os, sys, weakref  # noqa: F401  (the calls use them)

here = os.path.dirname(os.path.abspath(__file__))
assert sys.version_info[:2] == (3, 11), "the golden file is CPython 3.11's wording"
with open(os.path.join(here, "calls.txt")) as f:
    calls = [line.rstrip("\n") for line in f if line.strip()]
with open(os.path.join(here, "errors.golden"), "w") as out:
    for call in calls:
        try:
            eval(call)
        except Exception as e:
            out.write(f"{call}\t{type(e).__name__}: {e}\n")
        else:
            raise SystemExit(f"no error from {call}")
