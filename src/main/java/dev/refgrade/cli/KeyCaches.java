package dev.refgrade.cli;

import dev.refgrade.grading.KeyCache;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;

/**
 * Where `check` and `grade` keep the key cache (grading.KeyCache): the folder named by the system
 * property refgrade.cache or the environment's REFGRADE_CACHE ("off" for none), else
 * $XDG_CACHE_HOME/refgrade or ~/.cache/refgrade. Results are kept per build of refgrade: the jar
 * it runs from, by path, size and modification time. Run from a classes folder (tests, an IDE),
 * whose code changes without a build, it keeps none, unless the property refgrade.build names one.
 */
final class KeyCaches {
    private KeyCaches() {}

    /** The cache to use, or null for none. */
    static KeyCache open(boolean off) {
        if (off) return null;
        String setting = System.getProperty("refgrade.cache", System.getenv("REFGRADE_CACHE"));
        if ("off".equals(setting)) return null;
        String build = System.getProperty("refgrade.build", jarBuild());
        if (build == null) return null;
        Path dir;
        if (setting != null && !setting.isBlank()) {
            dir = Path.of(setting);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("refgrade");
        }
        return new KeyCache(dir, build);
    }

    /** Saves what the command worked out; a cache that cannot be written is said once and costs nothing else. */
    static void save(KeyCache cache, PrintStream err) {
        if (cache == null) return;
        try {
            cache.save();
        } catch (IOException | RuntimeException e) {
            err.println("refgrade: could not save the key cache (" + e.getMessage() + "); set REFGRADE_CACHE to another folder, or to off");
        }
    }

    private static String jarBuild() {
        try {
            CodeSource source = KeyCaches.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path jar = Path.of(source.getLocation().toURI());
            BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
            if (!a.isRegularFile()) return null;
            return jar.toAbsolutePath() + " " + a.size() + " " + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
                    + " " + System.getProperty("java.vm.version");
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
