"""Prints the names CPython's tracebacks choose their suggestions from, for the running version.

"Did you mean" (Python/suggestions.c, traceback._compute_suggestion_error) looks through the
builtins module's names in their dict order, and the import hint ("Did you forget to import")
through sys.stdlib_module_names. Both are facts of the interpreter, not of a program; the
simulator keeps them per version in src/main/resources/dev/refgrade/runtime/names/:

    python3 tools/interpreter-names.py > .../names-3.11.txt
    node tools/cpython-wasm/run.mjs --python 3.12 tools/interpreter-names.py > .../names-3.12.txt

The builtins come first, one per line, then an empty line, then the stdlib's modules, sorted.
pyodide's own ___EvalCodeResultException is left out: it is not CPython's.
"""
import builtins
import sys

print('\n'.join(n for n in builtins.__dict__ if n != '___EvalCodeResultException'))
print()
print('\n'.join(sorted(sys.stdlib_module_names)))
