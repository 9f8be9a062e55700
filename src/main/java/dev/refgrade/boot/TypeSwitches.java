package dev.refgrade.boot;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.SwitchBootstraps;

/**
 * The bootstrap of pattern {@code switch}es in refgrade's own classes (the build points them here,
 * scripts/TypeSwitchBootstrap.java): JDK 25's {@link SwitchBootstraps#typeSwitch} writes and loads
 * a class per switch with the class-file API, about a quarter of a cold `run`'s own CPU (issue 21)
 * and out of reach of the AOT cache. In a JVM started for one command
 * ({@code -Drefgrade.coldStart=true}, set by ./refgrade for run, trace, check and grade), a switch
 * whose labels are all types is a loop over them, as the JDK's own bootstrap was before it generated
 * classes; every other switch, and every switch of a long-lived JVM (serve, bench), whose JIT makes
 * the most of the JDK's generated classes, goes to the JDK.
 */
public final class TypeSwitches {
    static final boolean COLD_START = Boolean.getBoolean("refgrade.coldStart");
    private static final MethodHandle INDEX;

    static {
        try {
            INDEX = MethodHandles.lookup().findStatic(TypeSwitches.class, "index",
                    MethodType.methodType(int.class, Class[].class, Object.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TypeSwitches() {}

    public static CallSite typeSwitch(MethodHandles.Lookup lookup, String name, MethodType type, Object... labels) {
        if (!COLD_START) return SwitchBootstraps.typeSwitch(lookup, name, type, labels);
        Class<?>[] types = new Class<?>[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (!(labels[i] instanceof Class<?> c) || c.isPrimitive() || type.parameterType(0).isPrimitive()) {
                return SwitchBootstraps.typeSwitch(lookup, name, type, labels);
            }
            types[i] = c;
        }
        return new ConstantCallSite(INDEX.bindTo(types).asType(type));
    }

    /** SwitchBootstraps.typeSwitch's answer: -1 for null, else the first label from {@code restart} that matches, else the count. */
    private static int index(Class<?>[] labels, Object target, int restart) {
        if (target == null) return -1;
        for (int i = restart; i < labels.length; i++) {
            if (labels[i].isInstance(target)) return i;
        }
        return labels.length;
    }
}
