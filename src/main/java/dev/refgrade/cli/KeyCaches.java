package dev.refgrade.cli;

import dev.refgrade.grading.KeyCache;
import dev.refgrade.python.FileBytes;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;

/**
 * Where `check` and `grade` keep the key cache (grading.KeyCache): the folder named by the system
 * property refgrade.cache or the environment's REFGRADE_CACHE ("off" for none), else
 * $XDG_CACHE_HOME/refgrade or ~/.cache/refgrade. Results are kept per build of refgrade: the
 * SHA-256 of the jar it runs from, which the build writes beside it. Run from a classes folder
 * (tests, an IDE), whose code changes without a build, or from a jar without that file, it keeps
 * none, unless the property refgrade.build names a build.
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
            return source == null ? null : jarBuild(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The build of {@code jar}: the SHA-256 its build wrote beside it (scripts/aot-cache writes
     * JAR.id after the jar), with the JVM's version; null when there is none, or it was written for
     * another jar (of another size) or before this one (a jar built again without it).
     */
    static String jarBuild(Path jar) {
        try {
            Path id = jar.resolveSibling(jar.getFileName() + ".id");
            BasicFileAttributes j = Files.readAttributes(jar, BasicFileAttributes.class);
            if (!j.isRegularFile() || !Files.isRegularFile(id)) return null;
            if (Files.getLastModifiedTime(id).compareTo(j.lastModifiedTime()) < 0) return null;
            String[] parts = new String(FileBytes.read(id), StandardCharsets.US_ASCII).strip().split(" ");
            if (parts.length != 2 || parts[0].length() != 64 || !parts[0].chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')
                    || !parts[1].equals(Long.toString(j.size()))) return null;
            return parts[0] + " " + System.getProperty("java.vm.version");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
