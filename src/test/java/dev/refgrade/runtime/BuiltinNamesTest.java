package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every name of CPython 3.11's builtins module is either defined or refused by name: a program
 * that uses one never gets a NameError CPython would not raise. The list is python3's dir(builtins).
 */
class BuiltinNamesTest {
    static Stream<String> names() throws IOException {
        try (InputStream in = BuiltinNamesTest.class.getResourceAsStream("/builtins/names-3.11.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void eachBuiltinNameIsDefinedOrRefusedByName(String name) {
        Programs.Result r = Programs.runIsolated("prog.py", "x = " + name + "\n", Limits.DEFAULT);
        if (r.exitCode() == 0) return;
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("unsupported: the builtin '" + name + "' ("), r.stderr());
    }

    @Test
    void aRefusalSaysWhyAndWhere() {
        Programs.Result r = Programs.runIsolated("prog.py", "print(1)\ns = input()\n", Limits.DEFAULT);
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("the builtin 'input' (it waits on a person at a terminal") && r.stderr().contains("at line 2"),
                r.stderr());
    }

    @Test
    void aNameCPythonLacksIsStillANameError() {
        Programs.Result r = Programs.runIsolated("prog.py", "x = formatt\n", Limits.DEFAULT);
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().endsWith("NameError: name 'formatt' is not defined. Did you mean: 'format'?\n"), r.stderr());
    }

    @Test
    void aProgramsOwnDefinitionShadowsARefusedBuiltin() {
        Programs.Result r = Programs.runIsolated("prog.py", "def input():\n    return 3\nprint(input())\n", Limits.DEFAULT);
        assertEquals("3\n", r.stdout());
    }
}
