package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;

/**
 * listsort (Objects/listobject.c) step for step, so that a class's __lt__ is called exactly as
 * often, on exactly the pairs, and in the order CPython calls it: natural runs (count_run; 3.13
 * rewrote it to take runs of equal items into descending runs), binary insertion up to minrun,
 * the powersort merge policy, and merge_lo/merge_hi with galloping. A comparison that raises
 * leaves the items some permutation of what they were, as CPython's does.
 */
final class ListSort {
    private static final int MIN_GALLOP = 7, MAX_MINRUN = 64, MAX_MERGE_PENDING = 64;

    private final PyRuntime rt;
    /** The keys being sorted, and the items they were made from (null when the items are the keys). */
    private final PyObject[] keys, values;
    /** 3.13's count_run takes equal items into a descending run (VersionRules.equalRunsDescend). */
    private final boolean equalRunsDescend;
    /** The pre-sort check: every key is an instance of one class, so its __lt__ is called directly (unsafe_object_compare). */
    private final boolean oneClass;
    private final int listlen;
    private int minGallop = MIN_GALLOP;
    private final int[] runBase = new int[MAX_MERGE_PENDING], runLen = new int[MAX_MERGE_PENDING], runPower = new int[MAX_MERGE_PENDING];
    private int runs;
    private PyObject[] tmpKeys = new PyObject[0], tmpValues;

    private ListSort(PyRuntime rt, PyObject[] keys, PyObject[] values, int n) {
        this.rt = rt;
        this.keys = keys;
        this.values = values;
        this.listlen = n;
        this.equalRunsDescend = rt.rules.equalRunsDescend;
        PyType first = n > 0 ? keys[0].type() : null;
        boolean same = n > 1;
        for (int i = 0; i < n && same; i++) same = keys[i].type() == first;
        this.oneClass = same && keys[0] instanceof PyInstance;
    }

    /** Sorts keys[0:n] (and values with them) ascending, stably. */
    static void sort(PyRuntime rt, PyObject[] keys, PyObject[] values, int n) {
        if (n < 2) return;
        new ListSort(rt, keys, values, n).run();
    }

    private void run() {
        int remaining = listlen, lo = 0;
        int minrun = minrun(remaining);
        do {
            int n = equalRunsDescend ? countRunEqualsDescend(lo, remaining) : countRun(lo, remaining);
            if (n < minrun) {
                int force = Math.min(remaining, minrun);
                binarySort(lo, lo + force, lo + n);
                n = force;
            }
            foundNewRun(lo, n);
            runBase[runs] = lo;
            runLen[runs] = n;
            runs++;
            lo += n;
            remaining -= n;
        } while (remaining > 0);
        while (runs > 1) { // merge_force_collapse
            int n = runs - 2;
            if (n > 0 && runLen[n - 1] < runLen[n + 1]) n--;
            mergeAt(n);
        }
    }

    /** ISLT: unsafe_object_compare calls the one class's __lt__ itself, and falls back on PyObject_RichCompareBool. */
    private boolean lt(PyObject x, PyObject y) {
        rt.charge(1);
        if (oneClass) {
            PyObject r = rt.ops.callDunder(x, "__lt__", y);
            if (r != null && r != dev.refgrade.runtime.eval.PyRuntime.NOT_IMPLEMENTED) {
                try {
                    return rt.ops.truthy(r);
                } finally {
                    rt.heap.decref(r);
                }
            }
            if (r != null) rt.heap.decref(r);
        }
        return rt.ops.compareBool(x, y, CmpOp.LT);
    }

    private static int minrun(int n) {
        int r = 0;
        while (n >= MAX_MINRUN) {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    private void reverse(int lo, int n) {
        reverse(keys, lo, n);
        if (values != null) reverse(values, lo, n);
    }

    /** reverse_slice of a[lo:lo+n]. */
    static void reverse(PyObject[] a, int lo, int n) {
        for (int i = lo, j = lo + n - 1; i < j; i++, j--) {
            PyObject t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** count_run until 3.12: the longest ascending run, or strictly descending one (reversed here). */
    private int countRun(int lo, int remaining) {
        if (remaining == 1) return 1;
        int n = 2;
        if (lt(keys[lo + 1], keys[lo])) {
            for (int i = lo + 2; i < lo + remaining && lt(keys[i], keys[i - 1]); i++) n++;
            reverse(lo, n);
        } else {
            for (int i = lo + 2; i < lo + remaining && !lt(keys[i], keys[i - 1]); i++) n++;
        }
        return n;
    }

    /**
     * count_run from 3.13: an ascending run, else a descending one in which runs of equal items are
     * reversed on the fly (so the whole reversal keeps them stable), extended by an ascending tail.
     */
    private int countRunEqualsDescend(int lo, int remaining) {
        int n;
        for (n = 1; n < remaining; n++) if (lt(keys[lo + n], keys[lo + n - 1])) break;
        if (n == remaining) return n;
        if (n > 1) {
            if (lt(keys[lo], keys[lo + n - 1])) return n;
            reverse(lo, n);
        }
        n++;
        int neq = 0;
        for (; n < remaining; n++) {
            if (lt(keys[lo + n], keys[lo + n - 1])) {
                if (neq > 0) {
                    neq++;
                    reverse(lo + n - neq, neq);
                    neq = 0;
                }
            } else if (lt(keys[lo + n - 1], keys[lo + n])) {
                break;
            } else {
                neq++;
            }
        }
        if (neq > 0) {
            neq++;
            reverse(lo + n - neq, neq);
        }
        reverse(lo, n);
        for (; n < remaining; n++) if (lt(keys[lo + n], keys[lo + n - 1])) break;
        return n;
    }

    /** binarysort: keys[lo:start] is sorted; each later item is inserted after any equal ones. */
    private void binarySort(int lo, int hi, int start) {
        if (lo == start) start++;
        for (; start < hi; start++) {
            int l = lo, r = start;
            PyObject pivot = keys[r];
            do {
                int p = l + ((r - l) >> 1);
                if (lt(pivot, keys[p])) r = p;
                else l = p + 1;
            } while (l < r);
            System.arraycopy(keys, l, keys, l + 1, start - l);
            keys[l] = pivot;
            if (values != null) {
                PyObject v = values[start];
                System.arraycopy(values, l, values, l + 1, start - l);
                values[l] = v;
            }
        }
    }

    /** gallop_left: k in 0..n with a[k-1] < key <= a[k], a being arr[base:base+n]. */
    private int gallopLeft(PyObject key, PyObject[] arr, int base, int n, int hint) {
        int a = base + hint, lastofs = 0, ofs = 1;
        if (lt(arr[a], key)) {
            int maxofs = n - hint;
            while (ofs < maxofs) {
                if (lt(arr[a + ofs], key)) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if (ofs > maxofs) ofs = maxofs;
            lastofs += hint;
            ofs += hint;
        } else {
            int maxofs = hint + 1;
            while (ofs < maxofs) {
                if (lt(arr[a - ofs], key)) break;
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if (ofs > maxofs) ofs = maxofs;
            int k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        }
        lastofs++;
        while (lastofs < ofs) {
            int m = lastofs + ((ofs - lastofs) >> 1);
            if (lt(arr[base + m], key)) lastofs = m + 1;
            else ofs = m;
        }
        return ofs;
    }

    /** gallop_right: k in 0..n with a[k-1] <= key < a[k]. */
    private int gallopRight(PyObject key, PyObject[] arr, int base, int n, int hint) {
        int a = base + hint, lastofs = 0, ofs = 1;
        if (lt(key, arr[a])) {
            int maxofs = hint + 1;
            while (ofs < maxofs) {
                if (lt(key, arr[a - ofs])) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if (ofs > maxofs) ofs = maxofs;
            int k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        } else {
            int maxofs = n - hint;
            while (ofs < maxofs) {
                if (lt(key, arr[a + ofs])) break;
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if (ofs > maxofs) ofs = maxofs;
            lastofs += hint;
            ofs += hint;
        }
        lastofs++;
        while (lastofs < ofs) {
            int m = lastofs + ((ofs - lastofs) >> 1);
            if (lt(key, arr[base + m])) ofs = m;
            else lastofs = m + 1;
        }
        return ofs;
    }

    /** powerloop: the depth of the boundary between two adjacent runs in the conceptual merge tree. */
    private static int powerloop(long s1, long n1, long n2, long n) {
        int result = 0;
        long a = 2 * s1 + n1, b = a + n1 + n2;
        for (;;) {
            result++;
            if (a >= n) {
                a -= n;
                b -= n;
            } else if (b >= n) {
                break;
            }
            a <<= 1;
            b <<= 1;
        }
        return result;
    }

    /** found_new_run: merges the runs on the stack whose power is greater than the new boundary's. */
    private void foundNewRun(int lo, int n2) {
        if (runs == 0) return;
        int power = powerloop(runBase[runs - 1], runLen[runs - 1], n2, listlen);
        while (runs > 1 && runPower[runs - 2] > power) mergeAt(runs - 2);
        runPower[runs - 1] = power;
    }

    /** merge_at: the runs at stack indices i and i+1, less what galloping shows is in place already. */
    private void mergeAt(int i) {
        int pa = runBase[i], na = runLen[i], pb = runBase[i + 1], nb = runLen[i + 1];
        runLen[i] = na + nb;
        if (i == runs - 3) {
            runBase[i + 1] = runBase[i + 2];
            runLen[i + 1] = runLen[i + 2];
            runPower[i + 1] = runPower[i + 2];
        }
        runs--;
        int k = gallopRight(keys[pb], keys, pa, na, 0);
        pa += k;
        na -= k;
        if (na == 0) return;
        nb = gallopLeft(keys[pa + na - 1], keys, pb, nb, nb - 1);
        if (nb <= 0) return;
        if (na <= nb) mergeLo(pa, na, pb, nb);
        else mergeHi(pa, na, pb, nb);
    }

    private void ensureTemp(int need) {
        if (tmpKeys.length >= need) return;
        tmpKeys = new PyObject[need];
        if (values != null) tmpValues = new PyObject[need];
    }

    private void move(PyObject[] fromKeys, PyObject[] fromValues, int from, int to, int n) {
        System.arraycopy(fromKeys, from, keys, to, n);
        if (values != null) System.arraycopy(fromValues, from, values, to, n);
    }

    /** merge_lo: the shorter first run goes to the temporary array and is merged back from the left. */
    private void mergeLo(int pa, int na, int pb, int nb) {
        ensureTemp(na);
        System.arraycopy(keys, pa, tmpKeys, 0, na);
        if (values != null) System.arraycopy(values, pa, tmpValues, 0, na);
        int dest = pa, a = 0, b = pb;
        boolean copyB = false;
        try {
            merge: {
                move(keys, values, b++, dest++, 1);
                if (--nb == 0) break merge;
                if (na == 1) {
                    copyB = true;
                    break merge;
                }
                int gallop = minGallop;
                for (;;) {
                    int acount = 0, bcount = 0;
                    for (;;) {
                        if (lt(keys[b], tmpKeys[a])) {
                            move(keys, values, b++, dest++, 1);
                            bcount++;
                            acount = 0;
                            if (--nb == 0) break merge;
                            if (bcount >= gallop) break;
                        } else {
                            move(tmpKeys, tmpValues, a++, dest++, 1);
                            acount++;
                            bcount = 0;
                            if (--na == 1) {
                                copyB = true;
                                break merge;
                            }
                            if (acount >= gallop) break;
                        }
                    }
                    gallop++;
                    do {
                        gallop -= gallop > 1 ? 1 : 0;
                        minGallop = gallop;
                        int k = gallopRight(keys[b], tmpKeys, a, na, 0);
                        acount = k;
                        if (k > 0) {
                            move(tmpKeys, tmpValues, a, dest, k);
                            dest += k;
                            a += k;
                            na -= k;
                            if (na == 1) {
                                copyB = true;
                                break merge;
                            }
                            if (na == 0) break merge;
                        }
                        move(keys, values, b++, dest++, 1);
                        if (--nb == 0) break merge;
                        k = gallopLeft(tmpKeys[a], keys, b, nb, 0);
                        bcount = k;
                        if (k > 0) {
                            move(keys, values, b, dest, k);
                            dest += k;
                            b += k;
                            nb -= k;
                            if (nb == 0) break merge;
                        }
                        move(tmpKeys, tmpValues, a++, dest++, 1);
                        if (--na == 1) {
                            copyB = true;
                            break merge;
                        }
                    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
                    gallop++;
                    minGallop = gallop;
                }
            }
        } finally {
            // Succeed and Fail alike put back what is left of the first run.
            if (!copyB && na > 0) move(tmpKeys, tmpValues, a, dest, na);
        }
        if (copyB) { // the last of the first run belongs at the end of the merge
            move(keys, values, b, dest, nb);
            move(tmpKeys, tmpValues, a, dest + nb, 1);
        }
    }

    /** merge_hi: the shorter second run goes to the temporary array and is merged back from the right. */
    private void mergeHi(int pa, int na, int pb, int nb) {
        ensureTemp(nb);
        System.arraycopy(keys, pb, tmpKeys, 0, nb);
        if (values != null) System.arraycopy(values, pb, tmpValues, 0, nb);
        int dest = pb + nb - 1, a = pa + na - 1, b = nb - 1;
        boolean copyA = false;
        try {
            merge: {
                move(keys, values, a--, dest--, 1);
                if (--na == 0) break merge;
                if (nb == 1) {
                    copyA = true;
                    break merge;
                }
                int gallop = minGallop;
                for (;;) {
                    int acount = 0, bcount = 0;
                    for (;;) {
                        if (lt(tmpKeys[b], keys[a])) {
                            move(keys, values, a--, dest--, 1);
                            acount++;
                            bcount = 0;
                            if (--na == 0) break merge;
                            if (acount >= gallop) break;
                        } else {
                            move(tmpKeys, tmpValues, b--, dest--, 1);
                            bcount++;
                            acount = 0;
                            if (--nb == 1) {
                                copyA = true;
                                break merge;
                            }
                            if (bcount >= gallop) break;
                        }
                    }
                    gallop++;
                    do {
                        gallop -= gallop > 1 ? 1 : 0;
                        minGallop = gallop;
                        int k = na - gallopRight(tmpKeys[b], keys, pa, na, na - 1);
                        acount = k;
                        if (k > 0) {
                            dest -= k;
                            a -= k;
                            move(keys, values, a + 1, dest + 1, k);
                            na -= k;
                            if (na == 0) break merge;
                        }
                        move(tmpKeys, tmpValues, b--, dest--, 1);
                        if (--nb == 1) {
                            copyA = true;
                            break merge;
                        }
                        k = nb - gallopLeft(keys[a], tmpKeys, 0, nb, nb - 1);
                        bcount = k;
                        if (k > 0) {
                            dest -= k;
                            b -= k;
                            move(tmpKeys, tmpValues, b + 1, dest + 1, k);
                            nb -= k;
                            if (nb == 1) {
                                copyA = true;
                                break merge;
                            }
                            if (nb == 0) break merge;
                        }
                        move(keys, values, a--, dest--, 1);
                        if (--na == 0) break merge;
                    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
                    gallop++;
                    minGallop = gallop;
                }
            }
        } finally {
            // Succeed and Fail alike put back what is left of the second run.
            if (!copyA && nb > 0) move(tmpKeys, tmpValues, 0, dest - (nb - 1), nb);
        }
        if (copyA) { // the first of the second run belongs at the front of the merge
            move(keys, values, a + 1 - na, dest + 1 - na, na);
            dest -= na;
            move(tmpKeys, tmpValues, b, dest, 1);
        }
    }
}
