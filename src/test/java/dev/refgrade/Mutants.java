package dev.refgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Seeded mutants of the conformance corpus for property tests: byte flips, deleted and duplicated
 * spans, spliced tokens and spans of other programs. The same seed gives the same mutants, so a
 * failing one replays by name.
 */
public final class Mutants {
    /** Fragments that stress the tokenizer and the parser: brackets, indentation, quotes, odd characters. */
    private static final List<String> TOKENS = List.of("(", ")", "[", "]", "{", "}", ":", ",", "\n", "    ", "\t",
            "\\\n", "\\", "'", "\"", "'''", "f'{", "}'", "f\"{x!r:>{w}}\"", "#", "\r", "\r\n", "\f", "\0", "é", "\ud800",
            "\uFEFF", "lambda", "def f(", "class C:", "return", "yield", "global x", "nonlocal x", "del ", "=", "==",
            "**", "*", "->", ":=", "@", "...", ";", "0x", "1e", "1_000", "0b2", "9".repeat(30), "is not", "not in",
            "if", "else", "while True:\n    ", "for x in ", "import ", "from x import y", "try:", "async ", "await ");

    private Mutants() {}

    /** The corpus the mutants come from: every conformance case. */
    public static List<String> corpus() {
        Path dir = Path.of(System.getProperty("refgrade.conformance", "../shared/conformance/cases"));
        try (Stream<Path> files = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} mutants, each named by its seed, so a failure can be replayed. */
    public static Stream<Named<String>> of(long seed, int count) {
        List<String> corpus = corpus();
        Random random = new Random(seed);
        List<Named<String>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(corpus.size());
            String source = corpus.get(from);
            int edits = 1 + random.nextInt(4);
            StringBuilder how = new StringBuilder("case " + from);
            for (int e = 0; e < edits; e++) {
                source = mutate(source, corpus.get(random.nextInt(corpus.size())), random, how);
            }
            out.add(Named.of("mutant " + i + " of seed " + seed + " (" + how + ")", source));
        }
        return out.stream();
    }

    private static String mutate(String s, String other, Random random, StringBuilder how) {
        // Half the edits move whole lines, which mostly keeps the program valid and reaches the runtime.
        if (random.nextBoolean()) return mutateLines(s, other, random, how);
        int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
        int len = Math.min(s.length() - at, random.nextInt(40));
        switch (random.nextInt(5)) {
            case 0 -> {
                if (at == s.length()) return s;
                how.append(", flip ").append(at);
                char c = (char) (s.charAt(at) ^ (1 << random.nextInt(8)));
                return s.substring(0, at) + c + s.substring(at + 1);
            }
            case 1 -> {
                how.append(", delete ").append(at).append('+').append(len);
                return s.substring(0, at) + s.substring(at + len);
            }
            case 2 -> {
                how.append(", repeat ").append(at).append('+').append(len);
                return s.substring(0, at + len) + s.substring(at, at + len).repeat(1 + random.nextInt(30)) + s.substring(at + len);
            }
            case 3 -> {
                String t = TOKENS.get(random.nextInt(TOKENS.size()));
                how.append(", insert token ").append(TOKENS.indexOf(t)).append(" at ").append(at);
                return s.substring(0, at) + t + s.substring(at);
            }
            default -> {
                int from = other.isEmpty() ? 0 : random.nextInt(other.length());
                String part = other.substring(from, Math.min(other.length(), from + 1 + random.nextInt(80)));
                how.append(", splice at ").append(at);
                return s.substring(0, at) + part + s.substring(at);
            }
        }
    }

    /** Deletes, duplicates or swaps lines, or brings in a line of another program at this line's indentation. */
    private static String mutateLines(String s, String other, Random random, StringBuilder how) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        List<String> theirs = List.of(other.split("\n", -1));
        int i = random.nextInt(lines.size()), j = random.nextInt(lines.size());
        switch (random.nextInt(4)) {
            case 0 -> {
                how.append(", drop line ").append(i);
                lines.remove(i);
            }
            case 1 -> {
                how.append(", repeat line ").append(i);
                lines.add(i, lines.get(i));
            }
            case 2 -> {
                how.append(", swap lines ").append(i).append(',').append(j);
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            default -> {
                String line = theirs.get(random.nextInt(theirs.size())).strip();
                String here = lines.get(i);
                how.append(", bring a line to ").append(i);
                lines.add(i, here.substring(0, here.length() - here.stripLeading().length()) + line);
            }
        }
        return String.join("\n", lines);
    }
}
