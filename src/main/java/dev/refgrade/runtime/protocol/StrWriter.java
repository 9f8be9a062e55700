package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;

/**
 * The part of _PyUnicodeWriter (Objects/unicodeobject.c) that decides whether a formatted result is
 * a new str: a str written whole into a writer that holds nothing yet and is not over-allocating
 * is kept as it is (writer->readonly), and when nothing follows it, it is the result, the very
 * object written. Any other write copies. The formatting code turns over-allocation off just
 * before the last piece of its output, which is why '%s' % x, '{}'.format(x) and format(x, '5')
 * can be x itself.
 */
public final class StrWriter implements AutoCloseable {
    private final PyRuntime rt;
    /** The str kept whole, owned; null once anything is copied. */
    private PyStr kept;
    private StringBuilder text;
    /** writer->overallocate: while it is on, even a whole str is copied. */
    public boolean overallocate;

    public StrWriter(PyRuntime rt) {
        this.rt = rt;
    }

    /** _PyUnicodeWriter_WriteStr: s is borrowed. */
    public void write(PyStr s) {
        if (s.value.isEmpty()) return;
        if (kept == null && text == null && !overallocate) kept = rt.heap.newRef(s);
        else copied().append(s.value);
    }

    /** _PyUnicodeWriter_WriteSubstring, in Java indices: all of s is written as s itself. */
    public void write(PyStr s, int start, int end) {
        if (start == 0 && end == s.value.length()) write(s);
        else write(s.value.substring(start, end));
    }

    /** Text made while formatting (digits, padding, a repr's characters): always copied. */
    public void write(String s) {
        if (!s.isEmpty()) copied().append(s);
    }

    private StringBuilder copied() {
        if (text == null) {
            text = new StringBuilder();
            if (kept != null) {
                text.append(kept.value);
                rt.heap.decref(kept);
                kept = null;
            }
        }
        return text;
    }

    /** _PyUnicodeWriter_Finish: the result, a new reference. */
    public PyObject finish() {
        if (kept != null) {
            PyStr r = kept;
            kept = null;
            return r;
        }
        return text == null ? PyRuntime.EMPTY_STR : rt.newStr(text.toString());
    }

    /** _PyUnicodeWriter_Dealloc: what an error left kept is released. */
    @Override
    public void close() {
        if (kept != null) rt.heap.decref(kept);
        kept = null;
    }
}
