package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** string (Lib/string.py): its constants and capwords; Template and Formatter are not modelled. */
final class StringModule {
    private StringModule() {}

    static Map<String, PyObject> contents() {
        Registry reg = Registry.module("string");
        String lower = "abcdefghijklmnopqrstuvwxyz", upper = lower.toUpperCase(), digits = "0123456789";
        String punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", whitespace = " \t\n\r\u000b\u000c";
        constant(reg, "ascii_lowercase", lower);
        constant(reg, "ascii_uppercase", upper);
        constant(reg, "ascii_letters", lower + upper);
        constant(reg, "digits", digits);
        constant(reg, "hexdigits", digits + "abcdef" + "ABCDEF");
        constant(reg, "octdigits", "01234567");
        constant(reg, "punctuation", punctuation);
        constant(reg, "whitespace", whitespace);
        constant(reg, "printable", digits + lower + upper + punctuation + whitespace);
        // capwords(s, sep=None): (sep or ' ').join(map(str.capitalize, s.split(sep)))
        reg.function("capwords", Signature.parse("s, sep=None").as(Signature.Convention.PYTHON), (rt, a) -> {
            PyObject s = a.get("s"), sep = a.orNone("sep");
            PyObject parts = rt.ops.call(rt.ops.getAttr(s, rt.name("split")), sep);
            List<String> words = new ArrayList<>();
            try {
                for (PyObject w : Builtins.toArray(rt, parts)) {
                    PyObject c = rt.ops.call(rt.ops.getAttr(w, rt.name("capitalize")));
                    words.add(((PyStr) c).value);
                    rt.heap.decref(c);
                    rt.heap.decref(w);
                }
            } finally {
                rt.heap.decref(parts);
            }
            String joiner = sep == PyRuntime.NONE ? " " : ((PyStr) sep).value;
            return rt.newStr(String.join(joiner, words));
        });
        return reg.contents();
    }

    private static void constant(Registry reg, String name, String value) {
        reg.put(name, StaticObjects.place(new PyStr(value)));
    }
}
