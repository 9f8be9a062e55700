package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import java.util.Arrays;

/**
 * The tuple-and-dict calling convention of C code without vectorcall (_PyObject_MakeTpCall for a
 * type's tp_new/tp_init, METH_VARARGS|METH_KEYWORDS methods): the positional arguments packed into
 * a new tuple, the keywords into a dict presized by _PyStack_AsDict (NULL when there are none),
 * both held for the call and released after it, tuple first.
 */
final class TpCall {
    private TpCall() {}

    interface Body {
        PyObject run(PyTuple args, PyDict kwargs);
    }

    static PyObject call(PyRuntime rt, PyObject[] args, Kwargs kw, Body body) {
        Heap heap = rt.heap;
        PyTuple packed = rt.newTuple(Arrays.stream(args).map(heap::newRef).toArray(PyObject[]::new));
        PyDict kwdict = null;
        try {
            if (!kw.isEmpty()) {
                kwdict = rt.newDict().presized(kw.names().size(), true);
                DictMethods.putAll(rt, kwdict, kw);
            }
            return body.run(packed, kwdict);
        } finally {
            heap.decref(packed);
            heap.xdecref(kwdict);
        }
    }
}
