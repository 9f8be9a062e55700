package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: under any sequence of stores and deletes a dict is the insertion-ordered map
 * LinkedHashMap is, through the dummy slots deletions leave in its index and the resizes that
 * drop them. Sequences are seeded; keys are multiples of 8 so that they collide in the index.
 */
class PyDictPropertyTest {
    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void storesAndDeletesKeepTheKeysValuesAndOrderOfAnOrderedMap(long seed) {
        PyRuntime rt = new PyRuntime(Limits.DEFAULT, new Output(0));
        Random random = new Random(seed);
        PyDict d = rt.newDict();
        Map<Long, Long> model = new LinkedHashMap<>();
        int keyRange = 1 + random.nextInt(200);
        for (int op = 0; op < 600; op++) {
            long k = 8L * random.nextInt(keyRange);
            PyInt key = rt.newInt(k);
            if (random.nextInt(3) == 0) {
                PyObject removed = d.pop(rt, key);
                Long expected = model.remove(k);
                if (expected == null) assertNull(removed);
                else assertEquals(expected, value(removed));
                rt.heap.xdecref(removed);
            } else {
                long v = random.nextInt(1_000_000);
                PyInt value = rt.newInt(v);
                d.put(rt, key, value);
                rt.heap.decref(value);
                model.put(k, v);
            }
            rt.heap.decref(key);
        }
        List<Long> keys = new ArrayList<>(), values = new ArrayList<>();
        for (int i = d.nextEntry(0); i < d.entryLimit(); i = d.nextEntry(i + 1)) {
            keys.add(value(d.keyAt(i)));
            values.add(value(d.valueAt(i)));
        }
        assertEquals(new ArrayList<>(model.keySet()), keys);
        assertEquals(new ArrayList<>(model.values()), values);
        assertEquals(model.size(), d.size());
        for (var e : model.entrySet()) {
            PyInt key = rt.newInt(e.getKey());
            assertEquals(e.getValue(), value(d.getBorrowed(rt, key)));
            rt.heap.decref(key);
        }
    }

    private static Long value(PyObject o) {
        return ((PyInt) o).bigValue().longValueExact();
    }
}
