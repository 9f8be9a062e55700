package dev.refgrade.runtime;

import dev.refgrade.python.Module;
import dev.refgrade.python.ParseError;
import dev.refgrade.python.Parser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last programs parsed, by file name and text. Keying an exercise and grading answers run one
 * text many times (once per world, per probe, per misconception: 152 runs of 13 texts for a small
 * `grade`), and parsing it again each time was a tenth of a cold `grade`. A parsed module is never
 * changed by running it (Programs already reruns one under other hash seeds), so runs share it.
 */
public final class RecentModules {
    private static final int KEPT = 64;

    private record Key(String name, String text) {}

    /** Least recently used first. */
    private static final Map<Key, Module> RECENT = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Module> eldest) {
            return size() > KEPT;
        }
    };

    private RecentModules() {}

    /** The module of {@code text} as file {@code name}: Parser.parse's, or the one it gave for the same name and text. */
    public static Module parse(String name, String text) throws ParseError {
        Key key = new Key(name, text);
        synchronized (RECENT) {
            Module m = RECENT.get(key);
            if (m != null) return m;
        }
        Module m = Parser.parse(name, text);
        synchronized (RECENT) {
            RECENT.put(key, m);
        }
        return m;
    }
}
