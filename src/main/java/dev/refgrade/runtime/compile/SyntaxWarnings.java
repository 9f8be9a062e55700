package dev.refgrade.runtime.compile;

import dev.refgrade.python.Module;

/**
 * A SyntaxWarning the compiler raises as the warnings module prints it on stderr, before the file
 * runs: "FILE:LINE: SyntaxWarning: MESSAGE", then the source line (none for a file without one).
 * A compile-time warning has no registry, so each one prints, however often it repeats.
 */
final class SyntaxWarnings {
    private SyntaxWarnings() {}

    static void append(StringBuilder out, Module module, int line, String message) {
        out.append(module.fileName()).append(':').append(line).append(": SyntaxWarning: ").append(message).append('\n');
        if (!module.fileName().startsWith("<")) out.append("  ").append(module.line(line).strip()).append('\n');
    }
}
