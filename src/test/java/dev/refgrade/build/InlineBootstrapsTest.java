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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/InlineBootstraps.java writes pattern switches over types and records' equals, hashCode and
 * toString as methods at build time (a cold start's saving): rewritten, each answers as the JDK's
 * bootstrap does, and the build runs it over the classes the jar holds.
 */
class InlineBootstrapsTest {
    // Public: the rewritten fixtures are loaded by another loader, so they are in another runtime package.
    public sealed interface Shape permits Circle, Square, Polygon {}

    public record Circle(int r) implements Shape {}

    public record Square(int side) implements Shape {}

    public non-sealed interface Polygon extends Shape {}

    public record Triangle() implements Polygon {}

    /** Switches as the code writes them: guards restart the search after the guarded label. */
    public static final class Switches {
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

    /** A component of every kind ObjectMethods treats apart. */
    public record Every(int i, long l, float f, double d, boolean z, char c, byte b, short s, String text, int[] array, List<String> list) {}

    public record Empty() {}

    public record Holder(Object held) {}

    @TempDir
    static Path dir;

    /** The fixtures as the script rewrites them, by name, loaded beside the originals (every other class from the test's own loader). */
    static Map<String, Class<?>> rewritten;

    static String said;

    @BeforeAll
    static void rewrite() throws Exception {
        List<Class<?>> fixtures = List.of(Switches.class, Every.class, Empty.class, Holder.class);
        Map<String, byte[]> bytes = new java.util.HashMap<>();
        for (Class<?> f : fixtures) {
            String file = f.getName().replace('.', '/') + ".class";
            Path copy = dir.resolve(file);
            Files.createDirectories(copy.getParent());
            try (InputStream in = f.getClassLoader().getResourceAsStream(file)) {
                Files.write(copy, in.readAllBytes());
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("scripts", "InlineBootstraps.java").toString(), dir.toString(), System.getProperty("java.class.path"))
                .redirectErrorStream(true).start();
        said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        for (Class<?> f : fixtures) bytes.put(f.getName(), Files.readAllBytes(dir.resolve(f.getName().replace('.', '/') + ".class")));
        ClassLoader loader = new ClassLoader(InlineBootstrapsTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                byte[] b = bytes.get(name);
                if (b == null) return super.loadClass(name, resolve);
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineClass(name, b, 0, b.length);
                }
            }
        };
        rewritten = new java.util.HashMap<>();
        for (Class<?> f : fixtures) rewritten.put(f.getName(), loader.loadClass(f.getName()));
    }

    private static boolean bootstrapsNoMore(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().startsWith("typeSwitch$") || m.getName().startsWith("record$"));
    }

    @Test
    void theScriptSaysWhatItWrote() {
        assertTrue(said.contains("2 pattern switches and 9 record methods written as methods"), said);
    }

    @Nested
    class PatternSwitches {
        private static final Object[] SELECTORS = {new Circle(9), new Circle(3), new Circle(1), new Square(0), new Square(4), new Triangle(),
            new Polygon() {}, 42, 7, "", "x", "a", "long", new StringBuilder(), new StringBuilder("y"), 2.5, null};

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

        @Test
        void aRewrittenSwitchAnswersAsTheJdksForEverySelector() throws Exception {
            Class<?> ours = rewritten.get(Switches.class.getName());
            assertTrue(bootstrapsNoMore(ours), "the script wrote methods");
            assertEquals(answers(Switches.class), answers(ours));
        }
    }

    @Nested
    class RecordMethods {
        private static final int[] SHARED = {1, 2};

        /** Each differs from the first in one component or two, so equals must look at each; one list, so both records share the arrays. */
        private static final List<Object[]> EVERIES = everies();

        private static List<Object[]> everies() {
            List<String> list = List.of("a");
            List<Object[]> out = new ArrayList<>();
            out.add(new Object[] {1, 2L, 1.5f, 2.5, true, 'c', (byte) 3, (short) 4, "t", SHARED, list});
            out.add(new Object[] {9, 2L, 1.5f, 2.5, true, 'c', (byte) 3, (short) 4, "t", SHARED, list});
            out.add(new Object[] {1, 9L, 1.5f, 2.5, true, 'c', (byte) 3, (short) 4, "t", SHARED, list});
            out.add(new Object[] {1, 2L, Float.NaN, 2.5, true, 'c', (byte) 3, (short) 4, "t", SHARED, list});
            out.add(new Object[] {1, 2L, -0.0f, -0.0, true, 'c', (byte) 3, (short) 4, "t", SHARED, list});
            out.add(new Object[] {1, 2L, 0.0f, 0.0, true, 'c', (byte) 3, (short) 4, "t", SHARED, list});
            out.add(new Object[] {1, 2L, 1.5f, Double.NaN, false, 'c', (byte) 3, (short) 4, "t", SHARED, list});
            out.add(new Object[] {1, 2L, 1.5f, 2.5, true, 'd', (byte) -3, (short) 4, null, SHARED, list});
            out.add(new Object[] {1, 2L, 1.5f, 2.5, true, 'c', (byte) 3, (short) -4, "t", new int[] {1, 2}, null});
            out.add(new Object[] {1, 2L, 1.5f, 2.5, true, 'c', (byte) 3, (short) 4, "t", SHARED, List.of("a")});
            return out;
        }

        private static List<Object> make(Class<?> every) throws ReflectiveOperationException {
            List<Object> out = new ArrayList<>();
            var make = every.getDeclaredConstructors()[0];
            for (Object[] args : EVERIES) out.add(make.newInstance(args));
            return out;
        }

        /** Every instance's hashCode and toString, and equals of every ordered pair (and with null and another type). */
        private static List<String> behaviour(List<Object> all) {
            List<String> out = new ArrayList<>();
            for (Object a : all) {
                out.add(a.hashCode() + " " + a.toString().replaceAll("\\[I@\\p{XDigit}+", "[I@…"));
                out.add("null " + a.equals(null) + " other " + a.equals("x"));
                for (Object b : all) out.add(String.valueOf(a.equals(b)));
            }
            return out;
        }

        @Test
        void everyKindOfComponentComparesHashesAndPrintsAsTheJdksRecord() throws Exception {
            Class<?> ours = rewritten.get(Every.class.getName());
            assertTrue(bootstrapsNoMore(ours), "the script wrote methods");
            assertEquals(behaviour(make(Every.class)), behaviour(make(ours)));
        }

        @Test
        void aRecordWithoutComponentsIsEqualToAnotherAndPrintsItsName() throws Exception {
            Class<?> ours = rewritten.get(Empty.class.getName());
            Object a = ours.getDeclaredConstructor().newInstance(), b = ours.getDeclaredConstructor().newInstance();
            Empty x = new Empty();
            assertEquals(List.of(x.hashCode(), x.toString(), true), List.of(a.hashCode(), a.toString(), a.equals(b)));
        }

        @Test
        void aRecordHoldingItselfRecursesAsTheJdksDoes() throws Exception {
            Class<?> ours = rewritten.get(Holder.class.getName());
            var make = ours.getDeclaredConstructor(Object.class);
            Object inner = make.newInstance("x"), outer = make.newInstance(inner);
            Holder jdk = new Holder(new Holder("x"));
            assertEquals(List.of(jdk.hashCode(), jdk.toString()), List.of(outer.hashCode(), outer.toString()));
        }
    }

    @Test
    void theJarsOwnSwitchesAndRecordsBootstrapNothing() throws IOException {
        for (String file : List.of("dev/refgrade/runtime/eval/Exprs.class", "dev/refgrade/runtime/Session$Report.class")) {
            try (InputStream in = ClassLoader.getSystemResourceAsStream(file)) {
                String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(constants.contains("typeSwitch$0") || constants.contains("record$equals"), "the build rewrote " + file);
                assertFalse(constants.contains("java/lang/runtime/SwitchBootstraps"), file + " still bootstraps a switch at run time");
                assertFalse(constants.contains("java/lang/runtime/ObjectMethods"), file + " still bootstraps a record method at run time");
            }
        }
    }
}
