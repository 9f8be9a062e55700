package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `run FILE` and `run --python V FILE` skip picocli at start-up (issue 21): what a user sees must be
 * what the picocli path shows for the same command line.
 */
class RunCommandTest {
    @TempDir
    Path dir;

    private String file(String name, String source) throws Exception {
        return Files.writeString(dir.resolve(name), source).toString();
    }

    private static void sameOnBothPaths(String... args) {
        assertEquals(Cli.viaPicocli(args), Cli.run(args));
    }

    @Test
    void aProgramThatSucceedsPrintsAndExitsAsThroughPicocli() throws Exception {
        sameOnBothPaths("run", file("ok.py", "a = [1]\nb = a\nprint(a is b)\n"));
    }

    @Test
    void aProgramThatRaisesGivesTheSameTracebackAndExitOne() throws Exception {
        String f = file("raises.py", "print('before')\n[][0]\n");
        sameOnBothPaths("run", f);
        assertEquals(1, Cli.run("run", f).exit());
    }

    @Test
    void aRefusedProgramGivesTheSameRefusalAndExitTwo() throws Exception {
        String f = file("refused.py", "import os\n");
        sameOnBothPaths("run", f);
        assertEquals(2, Cli.run("run", f).exit());
    }

    @Test
    void theVersionOptionRunsAsThroughPicocli() throws Exception {
        sameOnBothPaths("run", "--python", "3.14", file("v.py", "import sys\nprint(sys.getrefcount(None))\n"));
    }

    @Test
    void aMissingFileExitsTwoNamingIt() {
        String f = dir.resolve("absent.py").toString();
        assertEquals(new Cli.Outcome(2, "", "refgrade: cannot read " + f + ": no such file\n"), Cli.run("run", f));
        sameOnBothPaths("run", f);
    }

    @Test
    void aDirectoryExitsTwoNamingIt() {
        Cli.Outcome o = Cli.run("run", dir.toString());
        assertEquals(2, o.exit());
        assertEquals("refgrade: cannot read " + dir + ": Is a directory\n", o.err());
        sameOnBothPaths("run", dir.toString());
    }

    @Test
    void anArgumentFileIsExpandedAsPicocliDoes() throws Exception {
        String f = file("ok.py", "print('from the file')\n");
        String args = file("args.txt", f + "\n");
        assertEquals(new Cli.Outcome(0, "from the file\n", ""), Cli.run("run", "@" + args));
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        assertNull(RunCommand.plain(new String[] {"run", "--help"}));
        assertNull(RunCommand.plain(new String[] {"run", "--python", "3.10", "p.py"}));
        assertNull(RunCommand.plain(new String[] {"run", "--out", "d", "p.py"}));
        assertNull(RunCommand.plain(new String[] {"run", "a.py", "b.py"}));
        assertNull(RunCommand.plain(new String[] {"check", "p.py"}));
    }
}
