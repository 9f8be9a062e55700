package dev.refgrade.runtime.objects;

/** A complex number (Objects/complexobject.c): two doubles after the header, no free list. */
public final class PyComplex extends PyObject {
    public final double real, imag;

    public PyComplex(double real, double imag) {
        this.real = real;
        this.imag = imag;
    }

    @Override
    public PyType type() {
        return PyType.COMPLEX;
    }

    @Override
    public int allocSize() {
        return 32;
    }
}
