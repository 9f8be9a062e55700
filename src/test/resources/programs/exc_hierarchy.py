# The builtin exception classes: each is caught by an except clause naming its base class.
pairs = [
    (BaseExceptionGroup, BaseException), (GeneratorExit, BaseException), (KeyboardInterrupt, BaseException),
    (SystemExit, BaseException), (Exception, BaseException), (ExceptionGroup, BaseExceptionGroup),
    (ExceptionGroup, Exception), (ArithmeticError, Exception), (FloatingPointError, ArithmeticError),
    (OverflowError, ArithmeticError), (ZeroDivisionError, ArithmeticError), (AssertionError, Exception),
    (AttributeError, Exception), (BufferError, Exception), (EOFError, Exception), (ImportError, Exception),
    (ModuleNotFoundError, ImportError), (LookupError, Exception), (IndexError, LookupError),
    (KeyError, LookupError), (MemoryError, Exception), (NameError, Exception), (UnboundLocalError, NameError),
    (OSError, Exception), (BlockingIOError, OSError), (ChildProcessError, OSError), (ConnectionError, OSError),
    (BrokenPipeError, ConnectionError), (ConnectionAbortedError, ConnectionError),
    (ConnectionRefusedError, ConnectionError), (ConnectionResetError, ConnectionError),
    (FileExistsError, OSError), (FileNotFoundError, OSError), (InterruptedError, OSError),
    (IsADirectoryError, OSError), (NotADirectoryError, OSError), (PermissionError, OSError),
    (ProcessLookupError, OSError), (TimeoutError, OSError), (ReferenceError, Exception),
    (RuntimeError, Exception), (NotImplementedError, RuntimeError), (RecursionError, RuntimeError),
    (StopAsyncIteration, Exception), (StopIteration, Exception), (SyntaxError, Exception),
    (IndentationError, SyntaxError), (TabError, IndentationError), (SystemError, Exception),
    (TypeError, Exception), (ValueError, Exception), (UnicodeError, ValueError),
    (UnicodeDecodeError, UnicodeError), (UnicodeEncodeError, UnicodeError), (UnicodeTranslateError, UnicodeError),
    (Warning, Exception), (BytesWarning, Warning), (DeprecationWarning, Warning), (EncodingWarning, Warning),
    (FutureWarning, Warning), (ImportWarning, Warning), (PendingDeprecationWarning, Warning),
    (ResourceWarning, Warning), (RuntimeWarning, Warning), (SyntaxWarning, Warning), (UnicodeWarning, Warning),
    (UserWarning, Warning),
]
special = (BaseExceptionGroup, ExceptionGroup, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError)
for cls, base in pairs:
    if cls in special:
        print(cls.__name__, "takes arguments of its own")
        continue
    try:
        raise cls("m")
    except base as e:
        print(cls.__name__, "is caught as", base.__name__, type(e) is cls, str(e))
print(EnvironmentError is OSError, IOError is OSError)
try:
    raise KeyboardInterrupt
except Exception:
    print("not an Exception")
except BaseException as e:
    print("only a BaseException:", repr(e))
