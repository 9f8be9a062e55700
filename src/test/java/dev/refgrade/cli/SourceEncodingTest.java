package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 13: `run` reads a file's bytes as CPython 3.11 does (PEP 263). Each program is
 * also run by python3, whose stdout, stderr and exit status are the expected ones.
 */
class SourceEncodingTest {
    @TempDir
    Path dir;

    private record Seen(int exit, String out, String err) {}

    /** The bytes, given as text with {@code \xNN} escapes, written to NAME.py. */
    private Path file(String name, String bytes) throws IOException {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes.length(); i++) {
            if (bytes.startsWith("\\x", i)) {
                hex.append(bytes, i + 2, i + 4);
                i += 3;
            } else {
                hex.append(String.format("%02x", (int) bytes.charAt(i)));
            }
        }
        return Files.write(dir.resolve(name + ".py"), HexFormat.of().parseHex(hex));
    }

    private static Seen python(Path f) throws Exception {
        Process p = new ProcessBuilder("python3", f.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Seen(p.waitFor(), out, err);
    }

    private static Seen refgrade(Path f) {
        Cli.Outcome o = Cli.run("run", f.toString());
        return new Seen(o.exit(), o.out(), o.err());
    }

    private void asCPython(String name, String bytes) throws Exception {
        Path f = file(name, bytes);
        assertEquals(python(f), refgrade(f));
    }

    @Nested
    class WithoutADeclaration {
        @Test
        void aByteThatIsNotUtf8IsCPythonsSyntaxErrorNamingItAndItsLine() throws Exception {
            asCPython("latin", "x = 1\nprint('caf\\xe9')\n");
        }

        @Test
        void aBadFirstByteIsOnLineOne() throws Exception {
            asCPython("first", "\\xffx = 1\n");
        }

        @Test
        void aCutOffSequenceNamesItsLeadByte() throws Exception {
            asCPython("cut", "x = 1\ns = '\\xc3'\n");
        }

        @Test
        void utf8RunsAsIs() throws Exception {
            asCPython("utf8", "print('caf\\xc3\\xa9')\n");
        }

        @Test
        void aByteOrderMarkIsDropped() throws Exception {
            asCPython("bom", "\\xef\\xbb\\xbfprint('bom')\n");
        }

        @Test
        void aDeclarationAfterLineTwoIsNoDeclaration() throws Exception {
            asCPython("third", "\n\n# coding: latin-1\nprint('\\xe9')\n");
        }

        @Test
        void aDeclarationOnLineTwoAfterCodeIsNoDeclaration() throws Exception {
            asCPython("aftercode", "x = 1\n# coding: latin-1\nprint('\\xe9')\n");
        }

        @Test
        void aDeclarationAfterCodeOnItsLineIsNoDeclaration() throws Exception {
            asCPython("inline", "x = 1  # coding: latin-1\nprint('\\xe9')\n");
        }
    }

    @Nested
    class WithADeclaration {
        @Test
        void latin1OnLineOneDecodesTheFile() throws Exception {
            asCPython("emacs", "# -*- coding: latin-1 -*-\nprint('caf\\xe9')\n");
        }

        @Test
        void onLineTwoAfterACommentItCounts() throws Exception {
            asCPython("second", "#!/usr/bin/env python3\n# vim: set fileencoding=iso-8859-15 :\nprint('\\xa4')\n");
        }

        @Test
        void onLineTwoAfterABlankLineItCounts() throws Exception {
            asCPython("blank", "\n#coding=latin1\nprint('\\xe9')\n");
        }

        @Test
        void bytesTheDeclaredEncodingCannotDecodeAreAnEncodingProblem() throws Exception {
            asCPython("ascii", "# coding: ascii\nprint(1)\nprint('\\xc3\\xa9')\n");
        }

        @Test
        void aByteOrderMarkWithAnotherEncodingIsAnEncodingProblem() throws Exception {
            asCPython("bomlatin", "\\xef\\xbb\\xbf# coding: latin-1\nprint(1)\n");
        }

        @Test
        void aByteOrderMarkWithUtf8DeclaredRuns() throws Exception {
            asCPython("bomutf8", "\\xef\\xbb\\xbf# coding: utf-8\nprint('\\xc3\\xa9')\n");
        }
    }

    @Nested
    class Refused {
        @Test
        void anEncodingNotModelledIsUnsupportedNamingIt() throws Exception {
            Seen s = refgrade(file("cp", "# coding: cp1252\nprint('\\x80')\n"));
            assertEquals(new Seen(2, "", "refgrade: unsupported: source encoding 'cp1252' at line 1\n"), s);
        }

        @Test
        void badBytesInAFileDeclaredUtf8AreUnsupportedWithTheirLine() throws Exception {
            Seen s = refgrade(file("u8bad", "# coding: utf-8\nx = 1\nprint('\\xe9')\n"));
            assertEquals(2, s.exit());
            assertTrue(s.err().endsWith("at line 3\n"), s.err());
        }

        @Test
        void traceReportsAsRunDoes() throws Exception {
            Path f = file("tr", "x = 1\n\\xff\n");
            Cli.Outcome o = Cli.run("trace", f.toString());
            assertEquals(python(f), new Seen(o.exit(), o.out(), o.err()));
        }
    }
}
