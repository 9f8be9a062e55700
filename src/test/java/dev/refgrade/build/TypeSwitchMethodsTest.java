package dev.refgrade.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/TypeSwitchMethods.java writes each pattern switch over types as a method of its class at
 * build time (a cold start's saving): the rewritten switch answers as the JDK's bootstrap does for
 * every selector, guards and all, and the build runs it over the classes the jar holds.
 */
class TypeSwitchMethodsTest {
    // Public: the rewritten fixture is loaded by another loader, so it is in another runtime package.
    public sealed interface Shape permits Circle, Square, Polygon {}

    public record Circle(int r) implements Shape {}

    public record Square(int side) implements Shape {}

    public non-sealed interface Polygon extends Shape {}

    public record Triangle() implements Polygon {}

    /** Switches as the code writes them: guards restart the search after the guarded label. */
    public static final class Fixture {
        public static int shapes(Shape s) {
            return switch (s) {
                case Circle c when c.r() > 5 -> 0;
                case Circle c when c.r() > 2 -> 1;
                case Circle c -> 2;
                case Square q when q.side() == 0 -> 3;
                case Triangle t -> 4;
                case Polygon p -> 5;
                case Square q -> 6;
                case null -> -1;
            };
        }

        public static String objects(Object o) {
            return switch (o) {
                case Integer i when i > 10 -> "big " + i;
                case Integer i -> "int " + i;
                case CharSequence cs when cs.isEmpty() -> "empty";
                case String s -> "str " + s;
                case Shape s -> "shape " + shapes(s);
                case null -> "null";
                default -> "other";
            };
        }

        /** A constant label among the patterns: the JDK's bootstrap keeps this one. */
        public static int words(String s) {
            return switch (s) {
                case "a" -> 1;
                case String t when t.length() > 3 -> 2;
                case String t -> 3;
                case null -> -1;
            };
        }
    }

    private static final Object[] SELECTORS = {new Circle(9), new Circle(3), new Circle(1), new Square(0), new Square(4), new Triangle(),
        new Polygon() {}, 42, 7, "", "x", "a", "long", new StringBuilder(), new StringBuilder("y"), 2.5, null};

    @TempDir
    Path dir;

    private static List<String> answers(Class<?> fixture) throws ReflectiveOperationException {
        List<String> out = new ArrayList<>();
        Method shapes = fixture.getMethod("shapes", Shape.class), objects = fixture.getMethod("objects", Object.class),
                words = fixture.getMethod("words", String.class);
        for (Object o : SELECTORS) {
            if (o == null || o instanceof Shape) out.add("shapes " + shapes.invoke(null, o));
            out.add("objects " + objects.invoke(null, o));
            if (o == null || o instanceof String) out.add("words " + words.invoke(null, o));
        }
        return out;
    }

    /** The fixture as the script rewrites it, loaded beside the original (every other class from the test's own loader). */
    private Class<?> rewritten() throws Exception {
        String file = Fixture.class.getName().replace('.', '/') + ".class";
        Path copy = dir.resolve(file);
        Files.createDirectories(copy.getParent());
        try (InputStream in = Fixture.class.getClassLoader().getResourceAsStream(file)) {
            Files.write(copy, in.readAllBytes());
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("scripts", "TypeSwitchMethods.java").toString(), dir.toString(), System.getProperty("java.class.path"))
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        assertTrue(said.contains("2 pattern switches written as methods"), said);
        byte[] bytes = Files.readAllBytes(copy);
        return new ClassLoader(Fixture.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(Fixture.class.getName())) return super.loadClass(name, resolve);
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineClass(name, bytes, 0, bytes.length);
                }
            }
        }.loadClass(Fixture.class.getName());
    }

    @Test
    void aRewrittenSwitchAnswersAsTheJdksForEverySelector() throws Exception {
        Class<?> ours = rewritten();
        assertTrue(Arrays.stream(ours.getDeclaredMethods()).anyMatch(m -> m.getName().startsWith("typeSwitch$")), "the script wrote methods");
        assertEquals(answers(Fixture.class), answers(ours));
    }

    @Test
    void theJarsOwnSwitchesAreMethodsNotBootstraps() throws IOException {
        String file = "dev/refgrade/runtime/eval/Exprs.class";
        try (InputStream in = ClassLoader.getSystemResourceAsStream(file)) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(constants.contains("typeSwitch$0"), "the build ran scripts/TypeSwitchMethods.java over " + file);
            assertFalse(constants.contains("java/lang/runtime/SwitchBootstraps"), file + " still bootstraps a switch at run time");
        }
    }
}
