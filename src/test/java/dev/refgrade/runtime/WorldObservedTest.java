package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A run notes when a fact of its world (an address, a shared count, a per-process hash) reaches
 * what the program can see; one that never did must come out the same in another world, which is
 * what lets the keyer skip the other worlds' runs.
 */
class WorldObservedTest {
    private static Session.Report run(String source, World world) {
        return new Session().world(world).runScript("p.py", source);
    }

    private static boolean observes(String source) {
        Session.Report r = run(source, World.BASE);
        assertEquals(0, r.exitCode(), r.stderr());
        return !r.observed().isEmpty();
    }

    @Nested
    class Observed {
        @Test
        void anId() {
            assertTrue(observes("a = []\nprint(id(a) > 0)\n"));
        }

        @Test
        void anAddressInADefaultRepr() {
            assertTrue(observes("r = repr(object())\n"));
        }

        @Test
        void theHashOfAStr() {
            assertTrue(observes("h = hash('abc')\n"));
        }

        @Test
        void aHashThatAUserHashDrewFromAStr() {
            assertTrue(observes("class P:\n    def __hash__(self):\n        return hash('p') % 4\nh = hash(P())\n"));
        }

        @Test
        void aWeakrefsHashKeptFromAnEarlierDraw() {
            assertTrue(observes("import weakref\nclass A: pass\na = A()\nr = weakref.ref(a)\nd = {r: 1}\nh = hash(r)\n"));
        }

        @Test
        void aSetOfTwoStrs() {
            assertTrue(observes("s = {'a', 'b'}\n"));
        }

        @Test
        void aSetOfAnIntAndAnObject() {
            assertTrue(observes("s = {1}\ns.add(object())\n"));
        }

        @Test
        void theCountOfASharedObject() {
            assertTrue(observes("import sys\nn = sys.getrefcount(None)\n"));
        }
    }

    @Nested
    class TheMirroredWorld {
        @Test
        void reversesTheOrderOfAnyTwoAddressesInARegion() {
            long low = 0x7f0000000010L, high = 0x7f0000abcd40L;
            assertTrue(World.MIRROR.address(low) > World.MIRROR.address(high));
        }

        @Test
        void mapsEachSeenAddressBackToItsObject() {
            for (long real : new long[] {0x7f0000000000L, 0x7f0000abcd40L, 0x550000000020L}) {
                assertEquals(real, World.MIRROR.real(World.MIRROR.address(real)));
            }
        }

        @Test
        void putsTwoStrsOfASetInTheOtherOrder() {
            String source = "print(list({'up', 'down'}))\n";
            assertFalse(run(source, World.BASE).stdout().equals(run(source, World.MIRROR).stdout()));
        }
    }

    @Nested
    class NotObserved {
        @Test
        void identityAndEquality() {
            assertFalse(observes("a = [1, 2]\nb = a\nc = [1, 2]\nprint(a is b, a is c, a == c)\n"));
        }

        @Test
        void dictsKeyedByStrsAndObjects() {
            assertFalse(observes("d = {'x': 1, 'y': 2}\no = object()\nd[o] = 3\nprint(d['x'], d[o], len(d))\n"));
        }

        @Test
        void theHashOfAnInt() {
            assertFalse(observes("h = hash(5)\n"));
        }

        @Test
        void aSetOfOneStr() {
            assertFalse(observes("s = {'a'}\nprint(s)\n"));
        }

        @Test
        void aSetOfInts() {
            assertFalse(observes("s = {3, 1, 2}\nprint(s)\n"));
        }
    }

    @TestFactory
    Stream<DynamicTest> aConformanceProgramThatObservesNothingIsTheSameInAnotherWorld() throws IOException {
        return sameInAnotherWorld(VersionConformanceTest.CASES);
    }

    @TestFactory
    Stream<DynamicTest> aGoldenProgramThatObservesNothingIsTheSameInAnotherWorld() throws IOException {
        return sameInAnotherWorld(VersionConformanceTest.OWN);
    }

    private static Stream<DynamicTest> sameInAnotherWorld(Path dir) throws IOException {
        return Files.list(dir).filter(p -> p.toString().endsWith(".py")).sorted().map(py -> DynamicTest.dynamicTest(
                py.getFileName().toString(), () -> {
                    String source = Files.readString(py, StandardCharsets.UTF_8);
                    Session.Report base = run(source, World.BASE);
                    if (!base.observed().isEmpty() || base.exitCode() == 2) return;
                    for (World w : new World[] {World.OTHER, World.MIRROR}) {
                        Session.Report other = run(source, w);
                        assertEquals(base.stdout(), other.stdout());
                        assertEquals(base.stderr(), other.stderr());
                        assertTrue(other.observed().isEmpty());
                    }
                }));
    }
}
