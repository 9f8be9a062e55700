package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.stdlib.DeepCopy;
import java.util.ArrayList;
import java.util.List;

/**
 * ceval.c's initialize_locals: a Python function's call arguments (owned references) move into its
 * frame's parameter slots, with CPython 3.11's exact TypeErrors, which name the function by its
 * __qualname__. What is already in a slot when binding fails is released with the frame.
 */
final class Arguments {
    private final PyRuntime rt;
    private final Heap heap;
    private final PyFunction fn;
    private final PyCode.Shape shape;
    private final List<String> names;
    private final PyObject[] slots;

    private Arguments(PyRuntime rt, PyFunction fn, Frame f) {
        this.rt = rt;
        this.heap = rt.heap;
        this.fn = fn;
        this.shape = fn.code.shape;
        this.names = fn.code.params;
        this.slots = f.fast;
    }

    static void bind(PyRuntime rt, PyFunction fn, Frame f, PyObject[] args, Kwargs kw) {
        new Arguments(rt, fn, f).bind(args, kw);
    }

    private void bind(PyObject[] args, Kwargs kw) {
        // The **kwargs dict comes first, before any argument is placed.
        PyDict kwdict = null;
        if (shape.varkw()) {
            kwdict = rt.newDict();
            slots[shape.varkwSlot()] = kwdict;
        }
        int n = Math.min(args.length, shape.argcount());
        System.arraycopy(args, 0, slots, 0, n);
        if (shape.varargs()) {
            // _PyTuple_FromArraySteal: the extra positional arguments move into a new tuple.
            slots[shape.varargsSlot()] = rt.newTuple(java.util.Arrays.copyOfRange(args, n, args.length));
        } else {
            for (int j = n; j < args.length; j++) heap.decref(args[j]);
        }
        keywords(kw, kwdict);
        if (args.length > shape.argcount() && !shape.varargs()) throw tooManyPositional(args.length);
        if (args.length < shape.argcount()) positionalDefaults(args.length);
        if (shape.kwonly() > 0) keywordOnlyDefaults();
    }

    private void keywords(Kwargs kw, PyDict kwdict) {
        List<PyObject> values = kw.values();
        for (int i = 0; i < values.size(); i++) {
            PyStr key = kw.names().get(i);
            int j = names.subList(0, shape.totalArgs()).indexOf(key.value);
            if (j >= 0 && j < shape.posonly()) j = -1;
            try {
                if (j < 0) {
                    if (kwdict == null) throw unexpectedKeyword(kw, key);
                    kwdict.putOwned(rt, key, values.get(i));
                    continue;
                }
                if (slots[j] != null) throw rt.typeError(fn.qualname + "() got multiple values for argument '" + key.value + "'");
            } catch (RuntimeException e) {
                for (int rest = i; rest < values.size(); rest++) heap.decref(values.get(rest));
                throw e;
            }
            slots[j] = values.get(i);
        }
    }

    /** A keyword naming no parameter; positional_only_passed_as_keyword first, when it names one of those. */
    private RuntimeException unexpectedKeyword(Kwargs kw, PyStr key) {
        List<String> posonly = new ArrayList<>();
        for (int k = 0; k < shape.posonly(); k++) {
            for (PyStr given : kw.names()) if (given.value.equals(names.get(k))) posonly.add(given.value);
        }
        if (!posonly.isEmpty()) {
            return rt.typeError(fn.qualname + "() got some positional-only arguments passed as keyword arguments: '"
                    + String.join(", ", posonly) + "'");
        }
        return rt.typeError(fn.qualname + "() got an unexpected keyword argument '" + key.value + "'");
    }

    /** too_many_positional: the count allowed, and how many keyword-only arguments came besides. */
    private RuntimeException tooManyPositional(int given) {
        int kwonlyGiven = 0;
        for (int i = shape.argcount(); i < shape.totalArgs(); i++) if (slots[i] != null) kwonlyGiven++;
        int defcount = fn.defaults == null ? 0 : fn.defaults.size();
        boolean plural = defcount > 0 || shape.argcount() != 1;
        String sig = defcount > 0 ? "from " + (shape.argcount() - defcount) + " to " + shape.argcount()
                : String.valueOf(shape.argcount());
        String kwonlySig = kwonlyGiven == 0 ? "" : " positional argument" + (given != 1 ? "s" : "") + " (and "
                + kwonlyGiven + " keyword-only argument" + (kwonlyGiven != 1 ? "s" : "") + ")";
        return rt.typeError(fn.qualname + "() takes " + sig + " positional argument" + (plural ? "s" : "") + " but "
                + given + kwonlySig + (given == 1 && kwonlyGiven == 0 ? " was" : " were") + " given");
    }

    private void positionalDefaults(int given) {
        PyTuple defaults = fn.defaults;
        int defcount = defaults == null ? 0 : defaults.size();
        int m = shape.argcount() - defcount;
        for (int i = given; i < m; i++) if (slots[i] == null) throw missing("positional", 0, m);
        for (int i = Math.max(given - m, 0); i < defcount; i++) {
            if (slots[m + i] == null) slots[m + i] = defaultValue(defaults.items[i]);
        }
    }

    private void keywordOnlyDefaults() {
        boolean missing = false;
        for (int i = shape.argcount(); i < shape.totalArgs(); i++) {
            if (slots[i] != null) continue;
            PyObject def = kwdefault(names.get(i));
            if (def != null) slots[i] = defaultValue(def);
            else missing = true;
        }
        if (missing) throw missing("keyword-only", shape.argcount(), shape.totalArgs());
    }

    /** The keyword-only default for a parameter, borrowed; found by name without making a str. */
    private PyObject kwdefault(String name) {
        PyDict d = fn.kwdefaults;
        if (d == null) return null;
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
            if (d.keyAt(i) instanceof PyStr k && k.value.equals(name)) return d.valueAt(i);
        }
        return null;
    }

    /** missing_arguments and format_missing: 'a', 'a' and 'b', or 'a', 'b', and 'c'. */
    private RuntimeException missing(String kind, int start, int end) {
        List<String> missing = new ArrayList<>();
        for (int i = start; i < end; i++) if (slots[i] == null) missing.add("'" + names.get(i) + "'");
        int len = missing.size();
        String listed = switch (len) {
            case 1 -> missing.get(0);
            case 2 -> missing.get(0) + " and " + missing.get(1);
            default -> String.join(", ", missing.subList(0, len - 2)) + ", " + missing.get(len - 2) + ", and " + missing.get(len - 1);
        };
        return rt.typeError(fn.qualname + "() missing " + len + " required " + kind + " argument" + (len == 1 ? "" : "s")
                + ": " + listed);
    }

    /**
     * A default for a parameter the call left out: the one object the def evaluated. Under
     * Variation.DEFAULTS_PER_CALL, a fresh deep copy of it, as if the default expression ran again
     * (nothing else can change that object then, so it still has the value the def gave it).
     */
    private PyObject defaultValue(PyObject value) {
        if (!rt.varies(Variation.DEFAULTS_PER_CALL)) return heap.newRef(value);
        try (DeepCopy deep = new DeepCopy(rt, null)) {
            return deep.copy(value);
        }
    }
}
