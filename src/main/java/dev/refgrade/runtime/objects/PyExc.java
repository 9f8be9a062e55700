package dev.refgrade.runtime.objects;

/** CPython's builtin exception classes the simulator raises. */
public final class PyExc {
    public static final PyType BASE_EXCEPTION = PyType.newBuiltin("BaseException", PyType.OBJECT);
    public static final PyType EXCEPTION = PyType.newBuiltin("Exception", BASE_EXCEPTION);
    public static final PyType TYPE_ERROR = PyType.newBuiltin("TypeError", EXCEPTION);
    public static final PyType VALUE_ERROR = PyType.newBuiltin("ValueError", EXCEPTION);
    public static final PyType NAME_ERROR = PyType.newBuiltin("NameError", EXCEPTION);
    public static final PyType UNBOUND_LOCAL_ERROR = PyType.newBuiltin("UnboundLocalError", NAME_ERROR);
    public static final PyType ATTRIBUTE_ERROR = PyType.newBuiltin("AttributeError", EXCEPTION);
    public static final PyType LOOKUP_ERROR = PyType.newBuiltin("LookupError", EXCEPTION);
    public static final PyType KEY_ERROR = PyType.newBuiltin("KeyError", LOOKUP_ERROR);
    public static final PyType INDEX_ERROR = PyType.newBuiltin("IndexError", LOOKUP_ERROR);
    public static final PyType ARITHMETIC_ERROR = PyType.newBuiltin("ArithmeticError", EXCEPTION);
    public static final PyType ZERO_DIVISION_ERROR = PyType.newBuiltin("ZeroDivisionError", ARITHMETIC_ERROR);
    public static final PyType OVERFLOW_ERROR = PyType.newBuiltin("OverflowError", ARITHMETIC_ERROR);
    public static final PyType RUNTIME_ERROR = PyType.newBuiltin("RuntimeError", EXCEPTION);
    public static final PyType RECURSION_ERROR = PyType.newBuiltin("RecursionError", RUNTIME_ERROR);
    public static final PyType NOT_IMPLEMENTED_ERROR = PyType.newBuiltin("NotImplementedError", RUNTIME_ERROR);
    public static final PyType STOP_ITERATION = PyType.newBuiltin("StopIteration", EXCEPTION);
    public static final PyType MEMORY_ERROR = PyType.newBuiltin("MemoryError", EXCEPTION);
    public static final PyType REFERENCE_ERROR = PyType.newBuiltin("ReferenceError", EXCEPTION);
    public static final PyType IMPORT_ERROR = PyType.newBuiltin("ImportError", EXCEPTION);
    public static final PyType MODULE_NOT_FOUND_ERROR = PyType.newBuiltin("ModuleNotFoundError", IMPORT_ERROR);

    private PyExc() {}
}
