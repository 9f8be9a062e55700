"""Prints the one-character strings CPython 3.11 interns at start-up apart from its latin-1 singletons.

3.11's deep-frozen stdlib modules (Python/deepfreeze/deepfreeze.c) hold their own static copy of
every string in their code objects, and _PyStaticCode_InternStrings interns the names and the
identifier-like constants among them at start-up, before any program runs. For a one-character
string that copy is not the latin-1 singleton chr() returns, and interning (of a program's own
names and constants, of setattr's name, of sys.intern's argument) hands back the copy. 3.12's
deepfreeze.py refers to the singletons instead, so the set is empty there.

Run with CPython 3.11: its output is PyRuntime's table of these characters.
"""
import _imp
import sys



def identifier_like(s):
    """all_name_chars in Objects/codeobject.c: only these constants are interned."""
    return all(c.isascii() and (c.isalnum() or c == '_') for c in s)


def strings(code):
    yield from code.co_names + code.co_varnames + code.co_cellvars + code.co_freevars
    for c in code.co_consts:
        if isinstance(c, str) and identifier_like(c):
            yield c
        elif isinstance(c, (tuple, frozenset)):
            yield from (x for x in c if isinstance(x, str) and identifier_like(x))
        elif hasattr(c, 'co_consts'):
            yield from strings(c)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit('run this with CPython 3.11')
    found = set()
    for name in _imp._frozen_module_names():
        found.update(s for s in strings(_imp.get_frozen_object(name)) if len(s) == 1)
    # Checked against the interpreter itself: a one-character literal is not chr()'s object.
    measured = {chr(i) for i in range(128) if eval(repr(chr(i))) is not chr(i)}
    if found != measured:
        sys.exit(f'the frozen modules give {sorted(found)} but the interpreter shows {sorted(measured)}')
    print(''.join(sorted(found)))


main()
