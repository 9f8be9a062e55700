package dev.refgrade.runtime;

/** One activation of a code object: its local slots, cells, and where its names resolve. */
final class Frame {
    final PyCode code;
    final PyDict globals;
    /** The namespace of module and class bodies (LOAD_NAME); null in functions. */
    final PyDict locals;
    final PyObject[] fast;
    final PyCell[] cells;
    /** The function being run, owned by the frame as f_func; null for module and class bodies. */
    PyObject func;
    /** The value a `return` produced, owned, until the caller takes it. */
    PyObject retval;
    int line;
    final Frame back;

    Frame(PyCode code, PyDict globals, PyDict locals, Frame back) {
        this.code = code;
        this.globals = globals;
        this.locals = locals;
        this.fast = new PyObject[code.nlocals];
        this.cells = new PyCell[code.cellNames.size() + code.freeNames.size()];
        this.back = back;
        this.line = code.firstLine;
    }
}
