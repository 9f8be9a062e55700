package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.protocol.Format;
import dev.refgrade.runtime.protocol.Repr;

/** The builtins that turn a value into text: format and ascii (bltinmodule.c). */
final class TextFunctions {
    private TextFunctions() {}

    static void install(Registry reg) {
        reg.function("format", "value, format_spec='', /", TextFunctions::format);
        reg.function("ascii", "obj, /", (rt, a) -> rt.newStr(Repr.ascii(rt.ops.repr(a.get("obj")))));
    }

    /** builtin_format: PyObject_Format(value, spec), whose spec must be a str. */
    static PyObject format(PyRuntime rt, Args a) {
        PyObject value = a.get("value"), spec = a.get("format_spec");
        String text = "";
        if (spec != null) {
            if (!(spec instanceof PyStr s)) throw rt.typeError("format() argument 2 must be str, not " + spec.type().name);
            text = s.value;
        }
        return Format.object(rt, value, text);
    }
}
