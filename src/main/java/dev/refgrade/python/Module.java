package dev.refgrade.python;

import java.util.List;

/** A parsed source file: its statements, their symbol table, and the text they came from (for tracebacks). */
public record Module(String fileName, List<String> lines, List<Stmt> body, SymbolScope scope) {
    /** The text of 1-based line {@code n}, without its newline; empty when out of range. */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }
}
