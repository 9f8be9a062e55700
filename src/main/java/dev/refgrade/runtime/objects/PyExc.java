package dev.refgrade.runtime.objects;

import java.util.ArrayList;
import java.util.List;

/** CPython 3.11's builtin exception classes, every one the builtins module names, in its hierarchy. */
public final class PyExc {
    private static final List<PyType> ALL = new ArrayList<>();

    public static final PyType BASE_EXCEPTION = make("BaseException", PyType.OBJECT);
    public static final PyType BASE_EXCEPTION_GROUP = make("BaseExceptionGroup", BASE_EXCEPTION);
    public static final PyType GENERATOR_EXIT = make("GeneratorExit", BASE_EXCEPTION);
    public static final PyType KEYBOARD_INTERRUPT = make("KeyboardInterrupt", BASE_EXCEPTION);
    public static final PyType SYSTEM_EXIT = make("SystemExit", BASE_EXCEPTION);
    public static final PyType EXCEPTION = make("Exception", BASE_EXCEPTION);
    public static final PyType EXCEPTION_GROUP = make("ExceptionGroup", BASE_EXCEPTION_GROUP);
    public static final PyType ARITHMETIC_ERROR = make("ArithmeticError", EXCEPTION);
    public static final PyType FLOATING_POINT_ERROR = make("FloatingPointError", ARITHMETIC_ERROR);
    public static final PyType OVERFLOW_ERROR = make("OverflowError", ARITHMETIC_ERROR);
    public static final PyType ZERO_DIVISION_ERROR = make("ZeroDivisionError", ARITHMETIC_ERROR);
    public static final PyType ASSERTION_ERROR = make("AssertionError", EXCEPTION);
    public static final PyType ATTRIBUTE_ERROR = make("AttributeError", EXCEPTION);
    public static final PyType BUFFER_ERROR = make("BufferError", EXCEPTION);
    public static final PyType EOF_ERROR = make("EOFError", EXCEPTION);
    public static final PyType IMPORT_ERROR = make("ImportError", EXCEPTION);
    public static final PyType MODULE_NOT_FOUND_ERROR = make("ModuleNotFoundError", IMPORT_ERROR);
    public static final PyType LOOKUP_ERROR = make("LookupError", EXCEPTION);
    public static final PyType INDEX_ERROR = make("IndexError", LOOKUP_ERROR);
    public static final PyType KEY_ERROR = make("KeyError", LOOKUP_ERROR);
    public static final PyType MEMORY_ERROR = make("MemoryError", EXCEPTION);
    public static final PyType NAME_ERROR = make("NameError", EXCEPTION);
    public static final PyType UNBOUND_LOCAL_ERROR = make("UnboundLocalError", NAME_ERROR);
    public static final PyType OS_ERROR = make("OSError", EXCEPTION);
    public static final PyType REFERENCE_ERROR = make("ReferenceError", EXCEPTION);
    public static final PyType RUNTIME_ERROR = make("RuntimeError", EXCEPTION);
    public static final PyType NOT_IMPLEMENTED_ERROR = make("NotImplementedError", RUNTIME_ERROR);
    public static final PyType RECURSION_ERROR = make("RecursionError", RUNTIME_ERROR);
    public static final PyType STOP_ASYNC_ITERATION = make("StopAsyncIteration", EXCEPTION);
    public static final PyType STOP_ITERATION = make("StopIteration", EXCEPTION);
    public static final PyType SYNTAX_ERROR = make("SyntaxError", EXCEPTION);
    public static final PyType INDENTATION_ERROR = make("IndentationError", SYNTAX_ERROR);
    public static final PyType TAB_ERROR = make("TabError", INDENTATION_ERROR);
    public static final PyType SYSTEM_ERROR = make("SystemError", EXCEPTION);
    public static final PyType TYPE_ERROR = make("TypeError", EXCEPTION);
    public static final PyType VALUE_ERROR = make("ValueError", EXCEPTION);
    public static final PyType UNICODE_ERROR = make("UnicodeError", VALUE_ERROR);
    public static final PyType WARNING = make("Warning", EXCEPTION);

    /** Subclasses whose constructors take arguments of their own that the simulator does not model. */
    public static final List<PyType> SPECIAL_CONSTRUCTORS = new ArrayList<>();

    static {
        for (String n : List.of("BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError",
                "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
                "ProcessLookupError", "TimeoutError")) {
            PyType t = make(n, OS_ERROR);
            if (n.equals("ConnectionError")) {
                for (String c : List.of("BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError")) {
                    make(c, t);
                }
            }
        }
        for (String n : List.of("UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError")) {
            SPECIAL_CONSTRUCTORS.add(make(n, UNICODE_ERROR));
        }
        for (String n : List.of("BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
                "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning")) {
            make(n, WARNING);
        }
        // ExceptionGroup(BaseExceptionGroup, Exception): its MRO is C3's merge of the two.
        EXCEPTION_GROUP.mro = List.of(EXCEPTION_GROUP, BASE_EXCEPTION_GROUP, EXCEPTION, BASE_EXCEPTION, PyType.OBJECT);
        SPECIAL_CONSTRUCTORS.addAll(List.of(BASE_EXCEPTION_GROUP, EXCEPTION_GROUP, OS_ERROR, SYNTAX_ERROR, IMPORT_ERROR));
    }

    private PyExc() {}

    private static PyType make(String name, PyType base) {
        PyType t = PyType.newBuiltin(name, base);
        ALL.add(t);
        return t;
    }

    /** Every builtin exception class, base classes before their subclasses. */
    public static List<PyType> all() {
        return List.copyOf(ALL);
    }
}
