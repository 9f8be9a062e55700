package dev.refgrade.runtime.objects;

/**
 * bytes (Objects/bytesobject.c): immutable, not tracked by the collector, its bytes stored inline
 * after a 32-byte header with a trailing NUL. The empty bytes and the 256 one-byte ones are static
 * singletons of 3.11's runtime (bytes_empty, bytes_characters), so every b'a' is the same object.
 */
public final class PyBytes extends PyObject {
    private final byte[] value;
    private long hash;
    private boolean hashed;

    /** Takes the array: nobody else may change it. */
    public PyBytes(byte[] value) {
        this.value = value;
    }

    /** The bytes themselves, not to be changed. */
    public byte[] value() {
        return value;
    }

    public int length() {
        return value.length;
    }

    @Override
    public PyType type() {
        return PyType.BYTES;
    }

    /** The empty and one-byte singletons are shared by the whole interpreter. */
    @Override
    public boolean refcountKnowable() {
        return value.length > 1;
    }

    /** PyBytesObject_SIZE: ob_shash and ob_size after the header (32 bytes), then the bytes and a NUL. */
    @Override
    public int allocSize() {
        return 33 + value.length;
    }

    /** bytes_hash: _Py_HashBytes over the bytes under PYTHONHASHSEED=0, computed once and cached in ob_shash. */
    public long hashCodeCached() {
        if (!hashed) {
            hash = dev.refgrade.runtime.protocol.SipHash.ofBytes(value);
            hashed = true;
        }
        return hash;
    }
}
