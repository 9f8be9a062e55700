package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bad call of signatures/calls.txt raises, in the simulator, the exception CPython 3.11 raised
 * for it (signatures/errors.golden, written by signatures/generate.py running python3). The calls
 * are grouped by the form of CPython's message, one group per argument parser's wording.
 */
class SignatureErrorsTest {
    private static final Path DIR = Path.of("src/test/resources/signatures");

    /** The message forms, in the order they are tried; the last catches the builtins' own checks. */
    private static final Map<String, Pattern> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("METH_NOARGS: takes no arguments (n given)", Pattern.compile("takes no arguments \\(\\d+ given\\)"));
        FORMS.put("METH_O: takes exactly one argument (n given)", Pattern.compile("takes exactly one argument"));
        FORMS.put("no keywords: takes no keyword arguments", Pattern.compile("takes no keyword arguments"));
        FORMS.put("_PyArg_CheckPositional: expected at most/at least/exactly N arguments, got n",
                Pattern.compile("^TypeError: \\S+ expected "));
        FORMS.put("keyword parser: takes at most N keyword arguments", Pattern.compile("keyword argument(s)? \\(\\d+ given\\)"));
        FORMS.put("keyword parser: takes no positional arguments", Pattern.compile("takes no positional arguments"));
        FORMS.put("keyword parser: takes at least/exactly N positional arguments (n given)",
                Pattern.compile("takes (at least|exactly|at most) \\d+ positional argument"));
        FORMS.put("PyArg_ParseTuple / keyword parser: takes at most/at least N arguments (n given)",
                Pattern.compile("takes (at most|at least|exactly) \\d+ arguments? \\(\\d+ given\\)"));
        FORMS.put("keyword parser: 'k' is an invalid keyword argument for f()", Pattern.compile("is an invalid keyword argument"));
        FORMS.put("keyword parser: argument for f() given by name and position", Pattern.compile("given by name"));
        FORMS.put("keyword parser: f() missing required argument 'x' (pos n)", Pattern.compile("missing required argument"));
        FORMS.put("Python function: missing / takes N positional / unexpected keyword / multiple values",
                Pattern.compile("required positional argument|positional arguments? but|unexpected keyword|multiple values"));
        FORMS.put("the builtin's own checks of its arguments", Pattern.compile(""));
    }

    @TestFactory
    Stream<DynamicNode> everyBadCallRaisesWhatCPythonRaised() throws IOException {
        Map<String, List<DynamicTest>> groups = new LinkedHashMap<>();
        FORMS.keySet().forEach(k -> groups.put(k, new java.util.ArrayList<>()));
        for (String line : Files.readAllLines(DIR.resolve("errors.golden"), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            String call = line.substring(0, tab), expected = line.substring(tab + 1);
            String form = FORMS.entrySet().stream().filter(e -> e.getValue().matcher(expected).find()).findFirst().orElseThrow().getKey();
            groups.get(form).add(DynamicTest.dynamicTest(call, () -> {
                Programs.Result r = Programs.runIsolated("prog.py", "import sys, gc, copy, weakref, collections\n" + call + "\n", Limits.DEFAULT);
                String[] lines = r.stderr().split("\n");
                assertEquals(expected, lines[lines.length - 1], r::stderr);
                assertEquals(1, r.exitCode(), r::stderr);
            }));
        }
        return groups.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue().stream()));
    }
}
