package dev.refgrade.exercise;

import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.Session;
import dev.refgrade.runtime.World;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a CPython build cannot speak for. The 32-bit WebAssembly builds that stand in for
 * 3.12-3.14 have other object sizes, other counts for immortal objects and (3.13+) another
 * allocator deciding which freed address the next object gets; a probe that rests on one of those
 * is reported as not checkable on that build, never as an agreement or a disagreement.
 */
final class NotCheckable {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern COUNTS = Pattern.compile("getrefcount|\\brefcount\\(|from_address");
    /** No mortal object in a small program gets near 2**29 references; every immortal count on a 32-bit build is above. */
    private static final long IMMORTAL_32 = 1L << 29;

    private NotCheckable() {}

    /** Why the probe is no evidence on {@code cpython}, known before running it; null when it is. */
    static String before(CPython cpython, Instrumented program, Keyer.Probed p) {
        if (cpython.speaksFor64Bit()) return null;
        String text = relevant(program, p);
        if (text.contains("getsizeof")) {
            return "not checkable on " + cpython.describe() + ": object sizes of a 32-bit build are not those of 64-bit CPython";
        }
        // An address the simulator's run showed, or hashed into what it showed (hash(obj), a set of objects).
        boolean addresses = text.contains("id(") || p.observed().contains(World.Fact.ADDRESS);
        if (cpython.version().atLeast(PythonVersion.V3_13) && addresses) {
            return "not checkable on " + cpython.describe() + ": which freed address the next object gets depends on the"
                    + " allocator, and this build's is not 64-bit Linux's";
        }
        return null;
    }

    /** Why CPython's answer is no evidence, seen in the answer: a count read from an immortal object. */
    static String after(CPython cpython, Instrumented program, Keyer.Probed p, String cpythonSays, boolean immortalRead) {
        if (cpython.speaksFor64Bit() || !cpython.version().atLeast(PythonVersion.V3_12)) return null;
        boolean immortalShown = false;
        if (COUNTS.matcher(relevant(program, p)).find()) {
            Matcher m = NUMBER.matcher(cpythonSays);
            while (m.find() && !immortalShown) immortalShown = m.group().length() < 18 && Long.parseLong(m.group()) >= IMMORTAL_32;
        }
        if (!immortalRead && !immortalShown) return null;
        return "not checkable on " + cpython.describe() + ": the count of an immortal object (PEP 683) depends on the word size";
    }

    /** What the question looks at: the whole program for its output, else the line that prints the probe. */
    private static String relevant(Instrumented program, Keyer.Probed p) {
        Session.Site site = program.site;
        if (p.kind() == Exercise.Kind.OUTPUT || site == null) {
            StringBuilder b = new StringBuilder();
            program.sources.forEach(s -> b.append(s.text()).append('\n'));
            return b.toString();
        }
        for (Session.Source s : program.sources) {
            if (!s.name().equals(site.file())) continue;
            String[] lines = s.text().split("\n", -1);
            return site.line() - 1 < lines.length ? lines[site.line() - 1] : "";
        }
        return "";
    }
}
