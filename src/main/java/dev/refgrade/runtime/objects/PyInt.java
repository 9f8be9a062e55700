package dev.refgrade.runtime.objects;

import java.math.BigInteger;

/** int: arbitrary precision, with a fast path for values that fit a long. */
public class PyInt extends PyObject {
    /** The value when {@code big} is null. */
    public final long small;
    /** The value when it does not fit in a long. */
    public final BigInteger big;
    /** Set on ints whose value CPython does not fix (a refcount of a shared object, an address). */
    public Taint taint = Taint.NONE;

    public PyInt(long value) {
        this.small = value;
        this.big = null;
    }

    public PyInt(BigInteger value) {
        if (value.bitLength() < 64) {
            this.small = value.longValue();
            this.big = null;
        } else {
            this.small = 0;
            this.big = value;
        }
    }

    @Override
    public PyType type() {
        return PyType.INT;
    }

    public boolean fitsLong() {
        return big == null;
    }

    public long longValue() {
        return small;
    }

    public BigInteger bigValue() {
        return big != null ? big : BigInteger.valueOf(small);
    }

    public Taint taint() {
        return taint;
    }

    /** Small ints -5..256 are preallocated and shared by the whole interpreter (_PY_NSMALLPOSINTS). */
    public static boolean isCached(long v) {
        return v >= -5 && v <= 256;
    }

    /** The small ints -5..256 only: an int shared under a misconception (EQUAL_INTS_SHARED) is not one of them. */
    @Override
    public boolean immortal() {
        return big == null && isCached(small) && super.immortal();
    }

    @Override
    public boolean refcountKnowable() {
        return !(big == null && isCached(small));
    }

    /** 30-bit digits after a 24-byte header, at least one digit (Objects/longobject.c). */
    @Override
    public int allocSize() {
        int bits = big != null ? big.abs().bitLength() : 64 - Long.numberOfLeadingZeros(Math.abs(small == Long.MIN_VALUE ? Long.MAX_VALUE : small));
        int digits = Math.max(1, (bits + 29) / 30);
        return 24 + 4 * digits;
    }

    @Override
    public String toString() {
        return big != null ? big.toString() : Long.toString(small);
    }

    /** Why a value is not one CPython would reproduce. */
    public enum Taint {
        NONE,
        /** A simulated address: comparing two of them is meaningful, the number itself is not. */
        ADDRESS,
        /** A count or figure that depends on CPython's internals. */
        UNKNOWABLE
    }
}
