package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./refgrade builds the jar again when a source is newer than it, and otherwise starts java at once:
 * run in a copy of the repository's launcher with a stand-in JDK and Maven that say when they ran.
 */
class LauncherScriptTest {
    @TempDir
    Path repo;
    private Path jar;
    private static final Instant BUILT = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void aRepositoryBuiltAtSomeTime() throws IOException {
        Files.createDirectories(repo.resolve("scripts"));
        Files.copy(Path.of("refgrade"), repo.resolve("refgrade"));
        Files.copy(Path.of("scripts/aot-cache"), repo.resolve("scripts/aot-cache"));
        executable(repo.resolve("jdk/bin/java"), "echo \"java $*\"");
        executable(repo.resolve("bin/mvn"), "echo built >> \"" + repo.resolve("builds") + "\"; touch target/refgrade.jar");
        for (String f : List.of("src/main/java/a/A.java", "src/main/java/b/B.java", "pom.xml")) write(f, "x");
        jar = write("target/refgrade.jar", "jar");
        for (String p : List.of("src/main/java/a/A.java", "src/main/java/a", "src/main/java/b/B.java", "src/main/java/b",
                "src/main/java", "src/main", "pom.xml")) {
            Files.setLastModifiedTime(repo.resolve(p), FileTime.from(BUILT.minusSeconds(60)));
        }
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    private Path write(String path, String text) throws IOException {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private static void executable(Path p, String body) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs ./refgrade run x.py; true when it built the jar first. */
    private boolean builds() throws IOException, InterruptedException {
        Files.deleteIfExists(repo.resolve("builds"));
        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("refgrade").toString(), "run", "x.py").redirectErrorStream(true);
        pb.environment().put("REFGRADE_JDK", repo.resolve("jdk").toString());
        pb.environment().put("PATH", repo.resolve("bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("-cp " + jar + " dev.refgrade.cli.Main run x.py"), out);
        return Files.exists(repo.resolve("builds"));
    }

    private void listed() throws IOException {
        // as scripts/aot-cache --make lists them, after the jar: the repository's real path, then its sources
        String root = repo.toRealPath().toString();
        Files.writeString(repo.resolve("target/refgrade.jar.sources"),
                Stream.of("", "/src/main/", "/src/main/java", "/src/main/java/a", "/src/main/java/a/A.java", "/src/main/java/b",
                        "/src/main/java/b/B.java", "/pom.xml").map(p -> root + p + "\n").collect(Collectors.joining()));
        Files.setLastModifiedTime(repo.resolve("target/refgrade.jar.sources"), FileTime.from(BUILT.plusSeconds(1)));
    }

    private void edited(String path) throws IOException {
        Files.setLastModifiedTime(repo.resolve(path), FileTime.from(BUILT.plusSeconds(60)));
    }

    @Nested
    class WithTheBuildsListOfSources {
        @BeforeEach
        void listedByTheBuild() throws IOException {
            listed();
        }

        @Test
        void startsJavaAtOnceWhenNoSourceIsNewer() throws Exception {
            assertFalse(builds());
        }

        @Test
        void buildsWhenAListedFileWasEdited() throws Exception {
            edited("src/main/java/b/B.java");
            assertTrue(builds());
        }

        @Test
        void buildsWhenAFileWasAddedToAListedFolder() throws Exception {
            write("src/main/java/a/New.java", "x");
            assertTrue(builds());
        }

        @Test
        void buildsWhenThePomWasEdited() throws Exception {
            edited("pom.xml");
            assertTrue(builds());
        }

        /** A file in a folder the list does not hold, edited since the build, and no listed folder newer than the jar. */
        private void editedOutsideTheList() throws IOException {
            write("src/main/java/c/C.java", "x");
            Files.setLastModifiedTime(repo.resolve("src/main/java"), FileTime.from(BUILT.minusSeconds(60)));
            Files.setLastModifiedTime(repo.resolve("src/main/java/c"), FileTime.from(BUILT.minusSeconds(60)));
            edited("src/main/java/c/C.java");
        }

        @Test
        void readsTheListNotTheTree() throws Exception {
            editedOutsideTheList();
            assertFalse(builds(), "a folder the build did not list is not looked in");
        }

        @Test
        void looksAtTheTreeWhenTheListIsAnotherCheckouts() throws Exception {
            Path list = repo.resolve("target/refgrade.jar.sources");
            Files.writeString(list, Files.readString(list).replace(repo.toRealPath().toString(), "/elsewhere"));
            Files.setLastModifiedTime(list, FileTime.from(BUILT.plusSeconds(1)));
            edited("src/main/java/a/A.java");
            assertTrue(builds());
        }

        @Test
        void looksAtTheTreeWhenTheJarIsNewerThanTheList() throws Exception {
            editedOutsideTheList();
            Files.setLastModifiedTime(repo.resolve("target/refgrade.jar.sources"), FileTime.from(BUILT.minusSeconds(1)));
            assertTrue(builds());
        }
    }

    @Nested
    class WithoutAList {
        @Test
        void startsJavaAtOnceWhenNoSourceIsNewer() throws Exception {
            assertFalse(builds());
        }

        @Test
        void buildsWhenAnyFileInTheTreeWasEdited() throws Exception {
            edited("src/main/java/a/A.java");
            assertTrue(builds());
        }
    }

    /** The JVM options of ./refgrade ARGS, as the stand-in java prints them. */
    private String javaOptions(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", repo.resolve("refgrade").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("REFGRADE_JDK", repo.resolve("jdk").toString());
        pb.environment().put("PATH", repo.resolve("bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Nested
    class OnAJdkBefore25 {
        @BeforeEach
        void aJdk21() throws IOException {
            write("jdk/release", "JAVA_VERSION=\"21.0.5\"\nJAVA_RUNTIME_VERSION=\"21.0.5+11-LTS\"\n");
        }

        @Test
        void checkAndGradeStartWithoutTheOptionsOnlyACacheNeeds() throws Exception {
            // JDK 21 refuses to start on an -XX option it does not know, AOTReplayTraining among them.
            for (String command : List.of("check", "grade", "run")) {
                String out = javaOptions(command, "x.yaml");
                assertTrue(out.contains("-XX:TieredStopAtLevel=1"), out);
                assertFalse(out.contains("AOT"), out);
                assertFalse(out.contains("UnlockDiagnosticVMOptions"), out);
            }
        }
    }

    @Test
    void buildsWhenThereIsNoJar() throws Exception {
        Files.delete(jar);
        assertTrue(builds());
    }
}
