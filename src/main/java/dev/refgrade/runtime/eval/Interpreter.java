package dev.refgrade.runtime.eval;

import dev.refgrade.python.Module;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.compile.FinallyExits;
import dev.refgrade.runtime.memory.CycleCollector;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFuncWrapper;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyGenerator;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.WeakProxies;
import dev.refgrade.runtime.objects.PyWeakRef;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.Modules;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs code objects: frames, calls and their reference hand-offs (CPython 3.11 moves a Python
 * call's arguments into the new frame; a C function only borrows them), class creation,
 * finalizers, and the interpreter's shutdown.
 */
public final class Interpreter implements Heap.Finalizers {
    /** Told before each line runs, for `trace` and probes. */
    public interface LineHook {
        void beforeLine(Frame frame, int line);

        /** A call returned into {@code caller}, whose line goes on. */
        default void resumed(Frame caller) {}

        /** The module body is done; what follows is shutdown. */
        default void finished() {}

        /** The body stopped with an uncaught exception, raised while the line last begun was running. */
        default void raised() {}
    }

    private final PyRuntime rt;
    private final Heap heap;
    int depth;
    Frame current;
    private int lastLine;
    public LineHook lineHook;
    final StringBuilder errors = new StringBuilder();
    /** The generator bodies that have a thread, so that none outlives the run. */
    private final List<Coroutine> bodies = new ArrayList<>();
    /** The run is over: nothing may run Python code any more (suspended bodies are unwinding). */
    boolean halted;
    /** The running file's parse-tree arena: the literal objects it keeps alive until the file ends. */
    public List<PyObject> arena = List.of();
    public PyDict mainGlobals;
    private final List<String> cellOutputs = new ArrayList<>();
    /** exc_info, traceback entries and frame objects. */
    public final ExceptionState exc;
    /** The source of each file run, for the lines tracebacks show. */
    final java.util.Map<String, Module> sources = new java.util.HashMap<>();
    /** sys.last_value: the uncaught exception, kept until shutdown clears the sys module. */
    private PyBaseExc lastValue;

    Interpreter(PyRuntime rt) {
        this.rt = rt;
        this.heap = rt.heap;
        this.exc = new ExceptionState(rt);
    }

    void beforeLine(Frame f, int line) {
        if (halted) throw new Coroutine.Halted();
        lastLine = line;
        rt.step();
        if (lineHook != null) lineHook.beforeLine(f, line);
    }

    /**
     * Py_EnterRecursiveCall: C code that recurses through objects (repr, comparison) counts against
     * the same limit as Python frames, and past it raises RecursionError naming what it was doing.
     */
    public void enterRecursiveCall(String where) {
        if (++depth > rt.limits.maxDepth()) {
            depth--;
            throw rt.error(PyExc.RECURSION_ERROR, "maximum recursion depth exceeded" + where);
        }
    }

    public void leaveRecursiveCall() {
        depth--;
    }

    /** Tells the reader of a run's stderr that a printed number is the simulator's, not CPython's. */
    public void noteUnknowable(PyInt.Taint taint) {
        int line = current == null ? 0 : current.line;
        errors.append("refgrade: note: line ").append(line).append(" printed ").append(taint == PyInt.Taint.ADDRESS
                ? "a simulated address; CPython's differs, only comparisons of addresses carry over"
                : "a value only CPython's internals fix (a shared object's count, memory already freed, a count of the interpreter's own objects, or a str hash CPython seeds at random per process)").append('\n');
    }

    /** The line the run last started: where an internal error is reported, frames being gone by then. */
    public int lastLine() {
        return lastLine;
    }

    public Frame currentFrame() {
        return current;
    }

    /** Writes a line the interpreter itself prints on stderr (gc's debugging output). */
    public void stderr(String text) {
        errors.append(text);
    }

    /** What went to stderr while the program ran (ignored exceptions in __del__, callbacks). */
    public String errors() {
        return errors.toString();
    }

    // ---- calls -----------------------------------------------------------------------------------

    /** Calls with owned references to the callable and the arguments, as the CALL instruction does. */
    public PyObject callOwned(PyObject callable, PyObject[] args, Kwargs kw) {
        if (callable instanceof PyFunction fn) return callFunction(fn, args, kw);
        if (callable instanceof PyMethod m) {
            PyObject[] full = new PyObject[args.length + 1];
            full[0] = heap.newRef(m.self);
            System.arraycopy(args, 0, full, 1, args.length);
            PyObject func = heap.newRef(m.func);
            heap.decref(m);
            return callOwned(func, full, kw);
        }
        try {
            return callBorrowedNonFunction(callable, args, kw);
        } finally {
            for (PyObject a : args) heap.decref(a);
            for (PyObject v : kw.values()) heap.decref(v);
            heap.decref(callable);
        }
    }

    /** Calls with borrowed references, as C code (type_call, tp_finalize, sorted's key) calls Python. */
    public PyObject callBorrowed(PyObject callable, PyObject[] args, Kwargs kw) {
        if (callable instanceof PyFunction || callable instanceof PyMethod) {
            for (PyObject a : args) heap.incref(a);
            for (PyObject v : kw.values()) heap.incref(v);
            heap.incref(callable);
            return callOwned(callable, args.clone(), kw);
        }
        return callBorrowedNonFunction(callable, args, kw);
    }

    private PyObject callBorrowedNonFunction(PyObject callable, PyObject[] args, Kwargs kw) {
        return switch (callable) {
            case PyBuiltin b -> callBuiltin(b, b.self, args, kw);
            case PyType t -> callType(t, args, kw);
            case PyFuncWrapper w when w.kind == PyFuncWrapper.Kind.STATIC -> callBorrowed(w.callable, args, kw);
            case dev.refgrade.runtime.objects.PyPartial p -> Builtins.callPartial(rt, p, args, kw);
            case dev.refgrade.runtime.objects.PyLibFunction f -> callBuiltin(f.body, null, args, kw);
            case dev.refgrade.runtime.objects.PyGenericAlias g -> dev.refgrade.runtime.stdlib.GenericAliases.call(rt, g, args, kw);
            case PyInstance inst when inst.cls.lookup(rt, "__call__") != null -> {
                PyObject[] full = new PyObject[args.length + 1];
                full[0] = inst;
                System.arraycopy(args, 0, full, 1, args.length);
                yield callBorrowed(inst.cls.lookup(rt, "__call__"), full, kw);
            }
            case PyObject o when o.type().lookup(rt, "__call__") instanceof PyBuiltin b -> callBuiltin(b, o, args, kw);
            case PyObject o when o.type() == PyType.CALLABLE_WEAKPROXY -> WeakProxies.call(rt, o, args, kw);
            default -> throw rt.typeError("'" + callable.type().name + "' object is not callable");
        };
    }

    public PyObject callBuiltin(PyBuiltin b, PyObject self, PyObject[] args, Kwargs kw) {
        PyObject[] referents = WeakProxies.checkArguments(rt, b.module(), b.name, args, kw);
        if (referents != null) {
            try {
                return callBuiltin(b, self, referents, kw);
            } finally {
                for (PyObject o : referents) heap.decref(o);
            }
        }
        if (self == null && b.methodOf != null) return callUnbound(b, args, kw);
        return b.call(rt, self, args, kw);
    }

    /** A builtin type's method called from the type (str.upper(s)): the first argument is self, if it is one. */
    private PyObject callUnbound(PyBuiltin b, PyObject[] args, Kwargs kw) {
        PyType t = b.methodOf;
        if (args.length == 0) throw rt.typeError("unbound method " + t.name + "." + b.name + "() needs an argument");
        if (!args[0].type().isSubtypeOf(t)) {
            throw rt.typeError("descriptor '" + b.name + "' for '" + t.name + "' objects doesn't apply to a '"
                    + args[0].type().name + "' object");
        }
        return b.call(rt, args[0], java.util.Arrays.copyOfRange(args, 1, args.length), kw);
    }

    /** type_call: tp_new makes the object, then __init__ runs on it with the arguments borrowed. */
    private PyObject callType(PyType t, PyObject[] args, Kwargs kw) {
        if (t.metatype != null) return dev.refgrade.runtime.stdlib.EnumModule.call(rt, t, args, kw);
        PyObject[] referents = t.heapType ? null : WeakProxies.checkArguments(rt, t, args, kw);
        if (referents != null) {
            try {
                return callType(t, referents, kw);
            } finally {
                for (PyObject o : referents) heap.decref(o);
            }
        }
        // A class deriving from a builtin is made by the builtin's constructor, unless it has a __new__ of its own (a namedtuple's).
        if (!t.heapType || t.solidBase() != PyType.OBJECT && !t.defines(rt, "__new__")) {
            PyType solid = t.solidBase();
            // Only the exception constructors make instances of the program's subclasses; the other
            // builtins' would silently make an instance of the builtin itself.
            if (t.heapType && !solid.isLibraryClass() && !solid.isSubtypeOf(dev.refgrade.runtime.objects.PyExc.BASE_EXCEPTION)) {
                throw new dev.refgrade.runtime.Unsupported("an instance of a subclass of " + solid.name, current == null ? 0 : current.line);
            }
            PyType.Constructor ctor = null;
            for (PyType s : t.mro) if ((ctor = s.constructor) != null) break;
            if (ctor == null) throw rt.typeError("cannot create '" + t.name + "' instances");
            if (!packsArguments(t) || args.length == 0) return ctor.construct(rt, t, args, kw);
            // _PyObject_MakeTpCall: a type without vectorcall gets its arguments in a tuple, which holds
            // a reference to each while the constructor (and a __str__ or __int__ it calls) runs.
            PyObject tuple = rt.argumentTuple(args);
            try {
                return ctor.construct(rt, t, args, kw);
            } finally {
                heap.decref(tuple);
            }
        }
        return new TypeCall(rt).call(t, args, kw);
    }

    /** The builtin types measured to be called through _PyObject_MakeTpCall in this version (VersionRules). */
    private boolean packsArguments(PyType t) {
        return t == PyType.BYTES || (t == PyType.STR || t == PyType.INT) && !rt.rules.strIntVectorcall;
    }

    /**
     * _PyObject_Call_Prepend and PyObject_Call: {@code first} (when not null) before the borrowed
     * arguments, the keywords from a dict. With keywords, _PyStack_UnpackDict checks every key is a
     * str and makes a new argument array holding a reference to each argument, plus a tuple of the
     * keyword names, both released when the call returns.
     */
    public PyObject callPrepended(PyObject fn, PyObject first, PyObject[] args, PyDict kw) {
        PyObject[] stack = args;
        if (first != null) {
            stack = new PyObject[args.length + 1];
            stack[0] = first;
            System.arraycopy(args, 0, stack, 1, args.length);
        }
        if (kw == null || kw.size() == 0) return callBorrowed(fn, stack, Kwargs.NONE);
        List<PyStr> names = new ArrayList<>();
        List<PyObject> values = new ArrayList<>();
        for (int i = kw.nextEntry(0); i < kw.entries; i = kw.nextEntry(i + 1)) {
            if (!(kw.keyAt(i) instanceof PyStr name)) throw rt.typeError("keywords must be strings");
            names.add(name);
            values.add(kw.valueAt(i));
        }
        for (PyObject o : stack) heap.incref(o);
        for (PyObject o : values) heap.incref(o);
        PyObject[] kwnames = names.toArray(new PyObject[0]);
        for (PyObject n : kwnames) heap.incref(n);
        PyTuple kwnamesTuple = rt.newTuple(kwnames);
        try {
            return callBorrowed(fn, stack, new Kwargs(names, values));
        } finally {
            for (PyObject o : stack) heap.decref(o);
            for (PyObject o : values) heap.decref(o);
            heap.decref(kwnamesTuple);
        }
    }

    /** A Python function call: arguments and the function move into a new frame, released on return. */
    private PyObject callFunction(PyFunction fn, PyObject[] args, Kwargs kw) {
        return callFunction(fn, args, kw, null);
    }

    /**
     * A CALL (3.14) whose arguments marked in {@code borrowed} (the positional ones, then the
     * keyword values) are the caller's locals loaded by LOAD_FAST_BORROW, without a reference of
     * their own; the callable and the other arguments are owned. A Python function's parameters
     * keep them borrowed, the caller's frame outliving the callee's; a bound method is unpacked
     * (its self a new reference) and called so; a C callee (builtin, type) sees them without the
     * stack's reference, and what it calls back into Python gets strong ones (callBorrowed).
     */
    public PyObject callWithBorrowed(PyObject callable, PyObject[] args, Kwargs kw, boolean[] borrowed) {
        if (callable instanceof PyFunction fn) return callFunction(fn, args, kw, borrowed);
        if (callable instanceof PyMethod m) {
            PyObject[] full = new PyObject[args.length + 1];
            boolean[] fullBorrowed = new boolean[borrowed.length + 1];
            full[0] = heap.newRef(m.self);
            System.arraycopy(args, 0, full, 1, args.length);
            System.arraycopy(borrowed, 0, fullBorrowed, 1, borrowed.length);
            PyObject func = heap.newRef(m.func);
            heap.decref(m);
            return callWithBorrowed(func, full, kw, fullBorrowed);
        }
        try {
            return callBorrowedNonFunction(callable, args, kw);
        } finally {
            for (int i = 0; i < args.length; i++) if (!borrowed[i]) heap.decref(args[i]);
            for (int k = 0; k < kw.values().size(); k++) if (!borrowed[args.length + k]) heap.decref(kw.values().get(k));
            heap.decref(callable);
        }
    }

    private PyObject callFunction(PyFunction fn, PyObject[] args, Kwargs kw, boolean[] borrowed) {
        PyCode code = fn.code;
        Frame f = new Frame(code, fn.globals, null, code.generator ? null : current);
        f.func = fn;
        // Bound as owned references; the parameters that took a borrowed one give the extra one back after.
        if (borrowed != null) {
            for (int i = 0; i < args.length; i++) if (borrowed[i]) heap.incref(args[i]);
            for (int k = 0; k < kw.values().size(); k++) if (borrowed[args.length + k]) heap.incref(kw.values().get(k));
        }
        try {
            bindArguments(fn, f, args, kw);
        } catch (RuntimeException e) {
            clearFrame(f);
            throw e;
        }
        if (borrowed != null && !code.generator) borrowParameters(f, args, kw, borrowed);
        if (code.generator) return Generators.create(rt, f, fn);
        if (++depth > rt.limits.maxDepth()) {
            depth--;
            clearFrame(f);
            throw rt.error(PyExc.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
        current = f;
        try {
            int signal = Stmts.run(code.body, f);
            PyObject result = signal == PyCode.RETURN ? f.retval : PyRuntime.NONE;
            f.retval = null;
            return result;
        } catch (PyException e) {
            leaving(e, f);
            throw e;
        } catch (dev.refgrade.runtime.Unsupported u) {
            // A refusal inside library code run from its text (Lib/enum.py) names the program's line that called it.
            if (code.file.startsWith("Lib/") && f.back != null && u.line == f.line) throw new dev.refgrade.runtime.Unsupported(u.what, f.back.line);
            throw u;
        } finally {
            current = f.back;
            depth--;
            clearFrame(f);
            if (lineHook != null && f.back != null) lineHook.resumed(f.back);
        }
    }

    /**
     * PEP 709 (3.12): an inlined comprehension runs in the frame that contains it. Its own variables
     * (the iterator, the loop variables) are kept apart, as the saved-and-restored fast locals of
     * LOAD_FAST_AND_CLEAR keep them, and released when it ends, iterator first; but no function is
     * made or called, the recursion depth does not grow and an exception raised inside adds its
     * traceback entry to the enclosing frame, at the position inside the comprehension.
     */
    PyObject runInlined(PyCode code, Frame outer, PyObject it, int[] closureCells) {
        Frame f = new Frame(code, outer.globals, null, outer);
        f.fast[0] = it;
        int ncells = code.cellNames.size();
        for (int i = 0; i < ncells; i++) f.cells[i] = heap.alloc(new PyCell());
        for (int i = 0; i < closureCells.length; i++) f.cells[ncells + i] = heap.newRef(outer.cells[closureCells[i]]);
        try {
            Stmts.run(code.body, f);
            PyObject result = f.retval;
            f.retval = null;
            return result;
        } catch (RuntimeException e) {
            outer.line = f.line;
            throw e;
        } finally {
            f.clearSlots(heap);
        }
    }

    /**
     * The parameters bound to a borrowed argument hold it borrowed (a generator's frame escapes into
     * the heap, so its parameters stay strong); those moved into cells or into *args and **kwargs keep
     * the reference they were given.
     */
    private void borrowParameters(Frame f, PyObject[] args, Kwargs kw, boolean[] borrowed) {
        PyCode.Shape shape = f.code.shape;
        boolean[] slots = new boolean[f.fast.length];
        boolean any = false;
        for (int i = 0; i < Math.min(args.length, shape.argcount()); i++) {
            if (borrowed[i] && f.fast[i] == args[i]) slots[i] = any = true;
        }
        List<String> named = f.code.params.subList(0, shape.totalArgs());
        for (int k = 0; k < kw.values().size(); k++) {
            int j = named.indexOf(kw.names().get(k).value);
            if (borrowed[args.length + k] && j >= shape.posonly() && f.fast[j] == kw.values().get(k)) slots[j] = any = true;
        }
        if (!any) return;
        for (int i = 0; i < slots.length; i++) if (slots[i]) heap.decref(f.fast[i]);
        f.borrowed = slots;
    }

    private void bindArguments(PyFunction fn, Frame f, PyObject[] args, Kwargs kw) {
        PyCode code = fn.code;
        int nparams = code.params.size();
        Arguments.bind(rt, fn, f, args, kw);
        // MAKE_CELL, then COPY_FREE_VARS: cells for variables nested functions share, the closure's cells.
        int ncells = code.cellNames.size();
        for (int i = 0; i < ncells; i++) f.cells[i] = heap.alloc(new PyCell());
        for (int p = 0; p < nparams; p++) {
            int cell = code.paramCells[p];
            if (cell >= 0) {
                f.cells[cell].contents = f.fast[p];
                f.fast[p] = null;
            }
        }
        for (int i = 0; i < code.freeNames.size(); i++) f.cells[ncells + i] = heap.newRef((PyCell) fn.closure.items[i]);
    }

    /** The exception leaves frame f (with f's traceback entry) for its caller, which adds its own. */
    void leaving(PyException e, Frame f) {
        if (e.needsTraceback) exc.traceHere(e, f);
        e.needsTraceback = true;
        e.position = null;
    }

    /**
     * _PyFrame_Clear: local slots in order, then cells, then the function; unless a frame object
     * something else holds takes them over.
     */
    void clearFrame(Frame f) {
        if (f.borrowed != null && f.frameObj != null && f.frameObj.refcnt > 1) f.makeStrong(heap);
        if (exc.releaseFrameObject(f)) {
            heap.xdecref(f.retval);
            f.retval = null;
            return;
        }
        f.clearSlots(heap, rt.rules.localsClearedLastFirst);
        heap.xdecref(f.retval);
        PyObject func = f.func;
        f.func = null;
        heap.xdecref(func);
    }

    /** exec(code, globals, locals) of module-level code a library generated (dataclasses' _create_fn). */
    public void exec(PyCode code, PyDict globals, PyDict locals) {
        Frame f = new Frame(code, globals, locals, current);
        current = f;
        try {
            Stmts.run(code.body, f);
        } catch (PyException e) {
            leaving(e, f);
            throw e;
        } finally {
            current = f.back;
            clearFrame(f);
        }
    }

    // ---- classes ---------------------------------------------------------------------------------

    /** __build_class__: runs the body in a fresh namespace, then type() copies it into the class dict. */
    PyObject buildClass(PyCode body, PyStr name, PyTuple bases, PyDict globals, PyCell[] closure) {
        PyDict ns = rt.newDict();
        try {
            runClassBody(body, ns, globals, closure, null);
        } catch (PyException e) {
            heap.decref(bases);
            throw e;
        }
        return typeNew(name, bases, ns);
    }

    /**
     * A class body run in {@code ns} (__module__ and __qualname__ stored first, through {@code store}
     * when the namespace has a __setitem__ of its own); on an exception ns is released.
     */
    public void runClassBody(PyCode body, PyDict ns, PyDict globals, PyCell[] closure, Frame.NamespaceStore store) {
        Frame f = new Frame(body, globals, ns, current);
        f.namespaceStore = store;
        // MAKE_CELL: a class body's one cell is __class__, for its methods' super() and __class__.
        for (int i = 0; i < body.cellNames.size(); i++) f.cells[i] = heap.alloc(new PyCell());
        for (int i = 0; i < closure.length; i++) f.cells[body.cellNames.size() + i] = heap.newRef(closure[i]);
        PyStr moduleKey = rt.name("__module__");
        PyObject moduleName = globals.getBorrowed(rt, rt.name("__name__"));
        current = f;
        try {
            // The body's first instructions: STORE_NAME __module__, then __qualname__.
            if (moduleName != null) storeName(f, moduleKey, heap.newRef(moduleName));
            storeName(f, rt.name("__qualname__"), rt.newStr(body.qualname));
            Stmts.run(body.body, f);
            // The body's end: LOAD_CLOSURE __class__, STORE_NAME __classcell__.
            int classCell = body.cellNames.indexOf("__class__");
            if (classCell >= 0) storeName(f, new PyStr("__classcell__"), heap.newRef(f.cells[classCell]));
        } catch (PyException e) {
            leaving(e, f);
            heap.decref(ns);
            throw e;
        } finally {
            current = f.back;
            clearFrame(f);
        }
    }

    private void storeName(Frame f, PyStr key, PyObject value) {
        if (f.namespaceStore != null) f.namespaceStore.store(key, value);
        else f.locals.putOwned(rt, key, value);
    }

    /** type(name, bases, ns): type_new over a namespace, taking the references to bases and ns. */
    public PyType typeNew(PyStr name, PyTuple bases, PyDict ns) {
        return typeNew(name, bases, ns, null, null);
    }

    /**
     * type.__new__(metatype, name, bases, ns): the class's ob_type is {@code metatype} (null: type),
     * and {@code setNames}, when given, runs after the attributes' __set_name__ (enum's members).
     */
    public PyType typeNew(PyStr name, PyTuple bases, PyDict ns, PyType metatype, java.util.function.BiConsumer<PyRuntime, PyType> setNames) {
        if (bases.size() == 0) {
            // type_new_get_bases: no bases is (object,), a new tuple the class owns.
            heap.decref(bases);
            bases = rt.newTuple(heap.newRef(PyType.OBJECT));
        }
        for (PyObject b : bases.items) {
            if (!(b instanceof PyType)) {
                // A name the simulator stands in for with a builtin (collections.UserDict...): CPython's
                // metaclass calculation would take that base's own type, which is not modelled.
                String what = b instanceof PyBuiltin f ? f.name : null;
                heap.decref(ns);
                heap.decref(bases);
                if (what != null) throw new Unsupported("a class deriving from " + what + ", which is not a class here", current == null ? 0 : current.line);
                throw rt.typeError("bases must be types");
            }
        }
        for (int i = 0; i < bases.items.length; i++) {
            for (int j = 0; j < i; j++) {
                if (bases.items[j] == bases.items[i]) { // check_duplicates
                    String duplicate = ((PyType) bases.items[i]).name;
                    heap.decref(ns);
                    heap.decref(bases);
                    throw rt.typeError("duplicate base class " + duplicate);
                }
            }
        }
        if (PyType.linearize(bases) == null) {
            List<String> names = new ArrayList<>();
            for (PyType b : PyType.mroConflict(bases)) names.add(b.name);
            heap.decref(ns);
            heap.decref(bases);
            throw rt.typeError("Cannot create a consistent method resolution" + (rt.rules.mroErrorOneLine ? " " : "\n")
                    + "order (MRO) for bases " + String.join(", ", names));
        }
        PyDict dict = rt.newDict();
        Builtins.dictUpdate(rt, dict, ns);
        heap.decref(ns);
        ClassSlots slots;
        try {
            slots = ClassSlots.of(rt, name.value, bases, dict);
        } catch (RuntimeException e) {
            heap.decref(dict);
            heap.decref(bases);
            throw e;
        }
        PyType cls = PyType.newClass(name.value, bases, dict, slots == null ? null : slots.members());
        if (slots != null) {
            cls.slotsDict = slots.dict();
            cls.slotsWeakref = slots.weakref();
        }
        cls.metatype = metatype;
        heap.alloc(cls);
        ClassCreation.setAttrs(rt, cls);
        ClassCreation.setNames(rt, cls);
        if (setNames != null) {
            try {
                setNames.accept(rt, cls);
            } catch (RuntimeException e) {
                heap.decref(cls);
                throw e;
            }
        }
        ClassCreation.initSubclass(rt, cls);
        return cls;
    }

    // ---- finalizers -----------------------------------------------------------------------------

    @Override
    public boolean hasDel(PyObject obj) {
        if (halted) return false;
        if (obj instanceof PyGenerator g) return Generators.needsFinalizer(g);
        return obj instanceof PyInstance inst && inst.cls.lookup(rt, "__del__") != null;
    }

    @Override
    public void callDel(PyObject obj) {
        if (obj instanceof PyGenerator g) {
            Generators.finalizeGenerator(rt, g);
            return;
        }
        PyObject del = obj.type().lookup(rt, "__del__");
        try {
            heap.decref(callBorrowed(del, new PyObject[] {obj}, Kwargs.NONE));
        } catch (PyException e) {
            reportIgnored(del, "calling deallocator", e);
        }
    }

    @Override
    public void callWeakrefCallback(PyObject callback, PyWeakRef ref) {
        if (halted) return;
        try {
            heap.decref(callBorrowed(callback, new PyObject[] {ref}, Kwargs.NONE));
        } catch (PyException e) {
            reportIgnored(callback, "calling weakref callback", e);
        }
    }

    /**
     * PyErr_WriteUnraisable: "Exception ignored in: <what>" and the traceback, then the exception
     * is dropped; from 3.14 the first line says what was being done, "Exception ignored while
     * {@code doing} <what>:". The repr shows an address, the simulator's and not CPython's: noted first.
     */
    public void reportIgnored(PyObject what, String doing, PyException e) {
        PyBaseExc v = exc.caught(e);
        try {
            noteUnknowable(PyInt.Taint.ADDRESS);
            if (rt.rules.unraisableSaysWhile) errors.append("Exception ignored while ").append(doing).append(' ').append(rt.ops.repr(what)).append(":\n");
            else errors.append("Exception ignored in: ").append(rt.ops.repr(what)).append('\n');
            errors.append(TracebackText.render(rt, v, sources, false));
        } finally {
            heap.decref(v);
        }
    }

    /** A generator body is about to get its thread; a run may keep only so many. */
    void startingBody(Coroutine co) {
        bodies.removeIf(b -> !b.alive());
        if (bodies.size() >= Generators.MAX_LIVE_BODIES) throw Generators.tooMany();
        bodies.add(co);
    }

    /** The end of a run, however it ended: bodies still suspended unwind, running no Python code. */
    private void haltBodies() {
        halted = true;
        Generators.haltAll(bodies);
    }

    // ---- running a program ----------------------------------------------------------------------

    /** Compiles and runs a whole script as `python3 FILE.py` does, including the interpreter's shutdown. */
    public void runScript(Module module, String file) {
        try {
            runScriptBody(module, file);
        } finally {
            haltBodies();
        }
    }

    private void runScriptBody(Module module, String file) {
        Compiler compiler = new Compiler(rt, file);
        PyCode code = compiler.compileModule(module);
        if (rt.rules.finallyExitWarnings) errors.append(FinallyExits.warnings(module));
        errors.append(compiler.warnings);
        sources.put(file, module);
        PyDict globals = mainNamespace();
        arena = compiler.constants.arena;
        PyException failure = runBody(code, globals, file);
        tellHookTheBodyEnded(failure);
        printUncaught(failure);
        // run_mod drops the module's code, then the parse tree's arena goes with its constants.
        heap.decref(code);
        for (PyObject o : compiler.constants.arena) heap.decref(o);
        compiler.constants.arena.clear();
        shutdown(globals);
        if (exitStatus >= 0) throw new dev.refgrade.runtime.ProgramExit(exitStatus);
        if (failure != null) throw failure;
    }

    /**
     * Runs notebook cells in one namespace, each as `exec(compile(cell, "<cell N>", "exec"), ns)`:
     * compile returns the code object and drops the parse tree, so a literal lives only as long as
     * its code; a final expression statement is displayed. A failing cell stops the rest.
     */
    public void runCells(List<Module> cells) {
        try {
            runCellsBody(cells);
        } finally {
            haltBodies();
        }
    }

    private void runCellsBody(List<Module> cells) {
        PyDict ns = mainNamespace();
        PyException failure = null;
        for (Module cell : cells) {
            int mark = rt.out.length();
            Compiler compiler = new Compiler(rt, cell.fileName());
            PyCode code = compiler.compileModule(cell, true);
            if (rt.rules.finallyExitWarnings) errors.append(FinallyExits.warnings(cell));
            errors.append(compiler.warnings);
            for (PyObject o : compiler.constants.arena) heap.decref(o);
            compiler.constants.arena.clear();
            failure = runBody(code, ns, cell.fileName());
            printUncaught(failure);
            heap.decref(code);
            cellOutputs.add(rt.out.text().substring(mark));
            if (failure != null) break;
        }
        tellHookTheBodyEnded(failure);
        shutdown(ns);
        if (exitStatus >= 0) throw new dev.refgrade.runtime.ProgramExit(exitStatus);
        if (failure != null) throw failure;
    }

    private PyDict mainNamespace() {
        PyDict globals = new PyDict();
        globals.holdsInterpreterObjects = true;
        rt.heap.trackedAtStartup(globals);
        globals.putOwned(rt, rt.name("__name__"), rt.name("__main__"));
        mainGlobals = globals;
        return globals;
    }

    /** Runs module-level code; an uncaught exception is returned with its traceback entry, not thrown. */
    private PyException runBody(PyCode code, PyDict globals, String file) {
        Frame f = new Frame(code, globals, globals, null);
        current = f;
        depth = 1;
        try {
            Stmts.run(code.body, f);
            return null;
        } catch (PyException e) {
            if (e.needsTraceback) exc.traceHere(e, f);
            return e;
        } finally {
            current = null;
            exc.releaseFrameObject(f);
        }
    }

    private void tellHookTheBodyEnded(PyException failure) {
        if (lineHook == null) return;
        if (failure != null) lineHook.raised();
        lineHook.finished();
    }

    /** What each cell run by {@link #runCells} printed and displayed, in order. */
    public List<String> cellOutputs() {
        return cellOutputs;
    }

    /** The exit status a SystemExit that reached the top gave; -1 while none has. */
    private int exitStatus = -1;

    /**
     * PyErr_Print: the traceback goes to stderr and the exception stays alive as sys.last_value.
     * A SystemExit is handle_system_exit's instead: no traceback, its code (a message unless it
     * is an int or None) decides the exit status, and the exception is dropped before shutdown.
     */
    private void printUncaught(PyException failure) {
        if (failure == null) return;
        PyBaseExc v = exc.caught(failure);
        if (v.cls.isSubtypeOf(PyExc.SYSTEM_EXIT)) {
            PyObject code = v.args.size() == 0 ? PyRuntime.NONE : v.args.size() == 1 ? v.args.get(0) : v.args;
            if (code == PyRuntime.NONE) exitStatus = 0;
            else if (code instanceof PyInt i && i.fitsLong()) exitStatus = (int) (i.longValue() & 0xff); // the process status is its low byte
            else {
                errors.append(rt.ops.str(code)).append('\n');
                exitStatus = 1;
            }
            heap.decref(v);
            return;
        }
        errors.append(TracebackText.render(rt, v, sources, true));
        // Py_RunMain: a KeyboardInterrupt nobody caught ends the process by SIGINT, status 130 to the shell.
        if (v.cls.isSubtypeOf(PyExc.KEYBOARD_INTERRUPT)) exitStatus = 130;
        PyBaseExc old = lastValue;
        lastValue = v;
        heap.xdecref(old);
    }

    /**
     * Py_FinalizeEx, as far as a program can see it: atexit, a collection while the interpreter is
     * whole, then the main module's namespace goes as cyclic garbage, finalized before it is cleared.
     */
    void shutdown(PyDict globals) {
        Modules.runAtExit(rt);
        // Py_FinalizeEx's collections report every object of the interpreter's own that they free
        // (modules, builtins, types) under DEBUG_COLLECTABLE; only the program's are modelled.
        if ((heap.gcDebug & Heap.DEBUG_COLLECTABLE) != 0) {
            throw new Unsupported("gc.DEBUG_COLLECTABLE still set when the interpreter exits (CPython then also reports the"
                    + " interpreter's own objects its final collections free, which are not modelled)", lastLine);
        }
        // _PyGC_CollectIfEnabled, "nice to call finalizers before all modules are destroyed".
        if (heap.gcEnabled) new CycleCollector(heap).collect(Heap.GENERATIONS - 1);
        // finalize_modules_delete_special: sys.last_value and the frames its traceback holds go first.
        PyBaseExc last = lastValue;
        lastValue = null;
        heap.xdecref(last);
        // finalize_remove_modules: __main__ leaves sys.modules, and module_dealloc drops its dict. A
        // namespace that defined a function or class is in cycles with them (__globals__), so the
        // dict stays as garbage for _PyGC_CollectNoFail, which finalizes all that only it holds, in
        // the collector's order and with every global still bound, before clearing any of it; a
        // namespace in no cycle is freed at once, its entries released first to last.
        if (rt.rules.exitFinalizationReordered) heap.setFinalizers(new OneFinalizerAtExit());
        heap.decref(globals);
        new CycleCollector(heap).collect(Heap.GENERATIONS - 1);
        // interpreter_clear's last _PyGC_CollectNoFail: classes (each in a cycle with its own
        // descriptors) and what only they still hold go now.
        new CycleCollector(heap).collect(Heap.GENERATIONS - 1);
    }

    /** The finalizers of the main module's objects from 3.13 on: one runs, a second is refused (VersionRules). */
    private final class OneFinalizerAtExit implements Heap.Finalizers {
        private int ran;

        private void another() {
            if (++ran > 1) {
                throw new Unsupported("which of two or more finalizers CPython " + rt.rules.version + " runs first when the"
                        + " program ends (it orders the main module's objects otherwise than 3.11 and 3.12)", lastLine);
            }
        }

        @Override
        public void callDel(PyObject obj) {
            another();
            Interpreter.this.callDel(obj);
        }

        @Override
        public void callWeakrefCallback(PyObject callback, PyWeakRef ref) {
            another();
            Interpreter.this.callWeakrefCallback(callback, ref);
        }

        @Override
        public boolean hasDel(PyObject obj) {
            return Interpreter.this.hasDel(obj);
        }
    }
}
