package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `refgrade COMMAND --help` prints the command's usage and exits 0, as people type it first. */
class HelpTest {
    static Stream<String> commands() {
        return Commands.commandLine().getSubcommands().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandAnswersHelp(String command) {
        Cli.Outcome o = Cli.run(command, "--help");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().startsWith("Usage: refgrade " + command), o.out());
    }
}
