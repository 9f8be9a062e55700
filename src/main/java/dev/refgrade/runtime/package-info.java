/**
 * The simulated CPython 3.11, seen from outside: run a program ({@link dev.refgrade.runtime.Programs}),
 * step through one ({@link dev.refgrade.runtime.Session}, {@link dev.refgrade.runtime.Trace}), read its
 * heap ({@link dev.refgrade.runtime.Held}, {@link dev.refgrade.runtime.HeapGraph},
 * {@link dev.refgrade.runtime.StackGraph}), bound it ({@link dev.refgrade.runtime.Limits}) and the
 * errors that stop it. Everything else lives in sub-packages that only the runtime itself may use,
 * so exercises, grading and the server depend on this package alone (LayeringTest checks it).
 */
package dev.refgrade.runtime;
