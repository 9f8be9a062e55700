package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyFrame;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTraceback;
import dev.refgrade.runtime.objects.PyType;

/** The attributes of traceback, frame and code objects that programs read (Objects/frameobject.c). */
public final class FrameObjects {
    private FrameObjects() {}

    public static void install() {
        PyType tb = PyTraceback.TYPE;
        tb.install("tb_frame", new BuiltinGetter((rt, self) -> rt.heap.newRef(((PyTraceback) self).frame)));
        tb.install("tb_lineno", new BuiltinGetter((rt, self) -> rt.newInt(((PyTraceback) self).lineno)));
        tb.install("tb_next", new BuiltinGetter((rt, self) -> {
            PyTraceback next = ((PyTraceback) self).next;
            return next == null ? PyRuntime.NONE : rt.heap.newRef(next);
        }));
        PyType fr = PyFrame.TYPE;
        fr.install("f_locals", new BuiltinGetter(FrameObjects::locals));
        fr.install("f_lineno", new BuiltinGetter((rt, self) -> rt.newInt(((PyFrame) self).frame.line)));
        fr.install("f_code", new BuiltinGetter((rt, self) -> rt.heap.newRef(((PyFrame) self).frame.code)));
        fr.install("f_globals", new BuiltinGetter((rt, self) -> rt.heap.newRef(((PyFrame) self).frame.globals)));
        fr.install("f_back", new BuiltinGetter((rt, self) -> {
            PyFrame f = (PyFrame) self;
            if (f.owned) return f.back == null ? PyRuntime.NONE : rt.heap.newRef(f.back);
            // PyFrame_GetBack on a running frame: the caller's object, made now if need be.
            Frame back = f.frame.back;
            return back == null ? PyRuntime.NONE : rt.heap.newRef(rt.interp.exc.frameObject(back));
        }));
        PyType code = PyType.CODE;
        code.install("co_name", new BuiltinGetter((rt, self) -> rt.name(((PyCode) self).name)));
        code.install("co_filename", new BuiltinGetter((rt, self) -> rt.newStr(((PyCode) self).file)));
    }

    /**
     * f_locals: a module or class body's namespace itself; for a function, PyFrame_FastToLocals
     * refreshes a dict the frame keeps, holding a second reference to every local's value.
     */
    private static PyObject locals(PyRuntime rt, PyObject self) {
        Frame frame = ((PyFrame) self).frame;
        if (frame.locals != null) return rt.heap.newRef(frame.locals);
        if (rt.rules.frameLocalsProxy) {
            throw rt.refusal("f_locals of a function frame on Python " + rt.rules.version + " (PEP 667: a FrameLocalsProxy)");
        }
        if (frame.snapshot == null) frame.snapshot = rt.newDict();
        return rt.heap.newRef(fastToLocals(rt, frame, frame.snapshot));
    }

    /** _PyFrame_FastToLocalsWithError: the locals' values into {@code d}, in localsplus order; names unbound now leave it. */
    static PyDict fastToLocals(PyRuntime rt, Frame frame, PyDict d) {
        PyCode code = frame.code;
        for (int i = 0; i < code.localNames.length && i < frame.fast.length; i++) {
            sync(rt, d, rt.name(code.localNames[i]), frame.fast[i]);
        }
        int ncells = code.cellNames.size();
        for (int i = 0; i < frame.cells.length; i++) {
            String name = i < ncells ? code.cellNames.get(i) : code.freeNames.get(i - ncells);
            sync(rt, d, rt.name(name), frame.cells[i] == null ? null : frame.cells[i].contents);
        }
        return d;
    }

    /** One name of FastToLocals: bound values are stored, unbound names removed. Takes the key. */
    private static void sync(PyRuntime rt, PyDict d, PyStr key, PyObject value) {
        if (value != null) {
            d.put(rt, key, value);
        } else {
            int ix = d.find(rt, key, rt.ops.hash(key));
            if (ix >= 0) d.removeEntry(rt.heap, ix);
        }
        rt.heap.decref(key);
    }
}
