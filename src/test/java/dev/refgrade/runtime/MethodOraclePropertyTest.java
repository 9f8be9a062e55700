package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.stdlib.Builtins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Property, with python3 as the oracle: every method of every builtin type the simulator has,
 * called on a fresh receiver with seeded generated arguments, either gives what python3 gives
 * (the result's repr and the receiver's after the call, or the exception's type and message) or
 * refuses the run by name; none is silently different. python3 runs all calls in one process.
 */
class MethodOraclePropertyTest {
    private static final Limits LIMITS = new Limits(50_000, 50_000, 100, 50_000, 50_000);

    /** Argument values, none whose repr depends on an address or a str hash (no strs inside sets). */
    private static final List<String> VALUES = List.of("0", "1", "-7", "3", "2**70", "True", "None", "2.5", "-0.0", "''",
            "'ab'", "'a,b'", "'hello world'", "[]", "[1, 'a']", "[3, 1, 2]", "()", "(1, 2)", "{}", "{'a': 1}", "set()",
            "{1, 2}", "frozenset({3})", "range(3)", "' '", "'l'", "5", "-1");

    /** More values for the receivers whose methods take bytes (kept apart so the other receivers' draws stay as they were). */
    private static final List<String> BYTES_VALUES = List.of("b''", "b'ab'", "b'a,b'", "b' x '", "bytearray(b'xy')", "b'l'",
            "b'o'", "108", "'utf-8'", "'ascii'", "b'Hello'", "(b'x', b'H')");

    private static final Map<String, String> RECEIVERS = new LinkedHashMap<>();

    static {
        RECEIVERS.put("int", "7");
        RECEIVERS.put("bool", "True");
        RECEIVERS.put("float", "1.5");
        RECEIVERS.put("str", "'Hello, world'");
        RECEIVERS.put("list", "[3, 1, 2]");
        RECEIVERS.put("tuple", "(1, 2, 1)");
        RECEIVERS.put("dict", "{'a': 1, 'b': 2}");
        RECEIVERS.put("set", "{1, 2, 5}");
        RECEIVERS.put("frozenset", "frozenset({1, 2, 5})");
        RECEIVERS.put("range", "range(1, 9, 2)");
        RECEIVERS.put("bytes", "b'Hello, world'");
        RECEIVERS.put("bytearray", "bytearray(b'Hello, world')");
        RECEIVERS.put("slice", "slice(1, 9, 2)");
        RECEIVERS.put("complex", "(1.5-2j)");
    }

    /** One call: an expression that prints the result and the receiver after it. */
    private static List<String> calls() {
        new PyRuntime(LIMITS, new Output(0));
        List<String> out = new ArrayList<>();
        for (var e : RECEIVERS.entrySet()) {
            PyType type = (PyType) Builtins.get(e.getKey());
            for (String m : new TreeSet<>(type.builtinAttrs.keySet())) {
                if (m.startsWith("_")) continue;
                Random random = new Random((e.getKey() + "." + m).hashCode());
                List<String> values = e.getKey().startsWith("byte") ? concat(VALUES, BYTES_VALUES) : VALUES;
                List<String> argLists = new ArrayList<>(List.of(""));
                for (int k = 0; k < 6; k++) argLists.add(values.get(random.nextInt(values.size())));
                for (int k = 0; k < 6; k++) {
                    argLists.add(values.get(random.nextInt(values.size())) + ", " + values.get(random.nextInt(values.size())));
                }
                for (String args : argLists) out.add(e.getValue() + "|" + m + "|" + args);
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String program(List<String> calls, boolean numbered) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            String[] p = calls.get(i).split("\\|", -1);
            b.append("r = ").append(p[0]).append("\ntry:\n    v = r.").append(p[1]).append('(').append(p[2]).append(")\n")
                    .append("    t = repr(v) + ' / ' + repr(r)\nexcept Exception as e:\n    t = type(e).__name__ + ': ' + str(e)\n")
                    .append("print(").append(numbered ? i + ", " : "").append("t)\n");
        }
        return b.toString();
    }

    /** python3's line per call, run under the given hash seed; null when python3 is not installed. */
    private static Map<Integer, String> python(Path file, String seed) throws Exception {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder("python3", file.toString()).redirectErrorStream(true);
            pb.environment().put("PYTHONHASHSEED", seed);
            p = pb.start();
        } catch (IOException noPython) {
            return null;
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Map<Integer, String> lines = new HashMap<>();
        for (String line : text.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0 && line.substring(0, sp).matches("\\d+")) lines.put(Integer.parseInt(line.substring(0, sp)), line.substring(sp + 1));
        }
        return lines;
    }

    @Test
    void everyMethodMatchesPython3OrIsRefused() throws Exception {
        List<String> calls = calls();
        Path file = Files.createTempFile("oracle", ".py");
        Map<Integer, String> expected, otherSeed;
        try {
            Files.writeString(file, program(calls, true), StandardCharsets.UTF_8);
            expected = python(file, "1");
            assumeTrue(expected != null, "python3 is the oracle and is not installed");
            otherSeed = python(file, "2");
        } finally {
            Files.deleteIfExists(file);
        }
        List<String> wrong = new ArrayList<>();
        int refused = 0, compared = 0;
        for (int i = 0; i < calls.size(); i++) {
            String want = expected.get(i);
            // An address, or an order that follows str hashes (seeded per process): CPython itself does not fix it.
            if (want == null || want.contains(" at 0x") || !want.equals(otherSeed.get(i))) continue;
            Programs.Result r = Programs.run("prog.py", program(List.of(calls.get(i)), false), LIMITS);
            if (r.exitCode() == 2 && r.stderr().startsWith("refgrade: unsupported: ")) {
                refused++;
                continue;
            }
            compared++;
            String got = r.stdout().endsWith("\n") ? r.stdout().substring(0, r.stdout().length() - 1) : r.stdout();
            if (!got.equals(want)) wrong.add(calls.get(i) + "\n    python3:   " + want + "\n    simulator: " + got + " " + r.stderr().strip());
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + compared + " calls differ (" + refused + " refused):\n" + String.join("\n", wrong));
    }
}
