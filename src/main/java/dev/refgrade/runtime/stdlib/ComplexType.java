package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Arith;

/** complex(real=0, imag=0) and what a complex offers (Objects/complexobject.c). */
final class ComplexType {
    private ComplexType() {}

    static void install(Registry reg) {
        PyType t = PyType.COMPLEX;
        reg.constructor(t, "real=<unrepresentable>, imag=<unrepresentable>", (rt, type, a) -> make(rt, a.get("real"), a.get("imag")));
        reg.method(t, "conjugate", "", (PyRuntime rt, PyComplex self, Args a) -> rt.newComplex(self.real, -self.imag));
        t.install("real", StaticObjects.place(BuiltinGetter.member((rt, self) -> rt.newFloat(((PyComplex) self).real))));
        t.install("imag", StaticObjects.place(BuiltinGetter.member((rt, self) -> rt.newFloat(((PyComplex) self).imag))));
    }

    /** complex_new_impl: a lone exact complex is returned as is; a string is parsed; otherwise real + imag*1j. */
    private static PyObject make(PyRuntime rt, PyObject r, PyObject i) {
        if (r == null && i == null) return rt.newComplex(0, 0);
        if (r instanceof PyComplex && i == null) return rt.heap.newRef(r);
        if (r instanceof PyStr s) {
            if (i != null) throw rt.typeError("complex() can't take second arg if first is a string");
            return ComplexParse.parse(rt, s.value);
        }
        if (i instanceof PyStr) throw rt.typeError("complex() second arg can't be a string");
        if (r instanceof PyInstance || i instanceof PyInstance) {
            throw rt.refusal("complex() of an instance (its __complex__, __float__ or __index__)");
        }
        if (r != null && !number(r)) throw rt.typeError("complex() first argument must be a string or a number, not '" + r.type().name + "'");
        if (i != null && !number(i)) throw rt.typeError("complex() second argument must be a number, not '" + i.type().name + "'");
        double crRe, crIm = 0, ciRe, ciIm = 0;
        if (r instanceof PyComplex c) {
            crRe = c.real;
            crIm = c.imag;
        } else {
            crRe = r == null ? 0 : real(rt, r); // the real=0 default
        }
        if (i == null) {
            ciRe = crIm;
        } else if (i instanceof PyComplex c) {
            ciRe = c.real;
            ciIm = c.imag;
        } else {
            ciRe = real(rt, i);
        }
        // Parts that are themselves complex are folded in: real - imag.imag, imag + real.imag.
        if (i instanceof PyComplex) crRe -= ciIm;
        if (r instanceof PyComplex && i != null) ciRe += crIm;
        return rt.newComplex(crRe, ciRe);
    }

    private static boolean number(PyObject o) {
        return o instanceof PyInt || o instanceof PyFloat || o instanceof PyComplex;
    }

    /** PyNumber_Float of an int or float. */
    private static double real(PyRuntime rt, PyObject o) {
        return Arith.toDouble(rt, o);
    }
}
