/**
 * The Python front end: source to tokens ({@code Lexer} on {@code SourceCursor} and
 * {@code NumberScanner}), tokens to an AST of sealed records with spans ({@code Parser}, layered
 * along CPython's seams from {@code TokenCursor} up), and the symbol-table pass ({@code Symtable},
 * giving each scope's {@code SymbolScope}) with the checks CPython makes before running anything.
 * It parses the whole Python 3.11 grammar teaching programs use; the runtime refuses what it does
 * not simulate. The bottom of the stack: it uses no other package.
 */
package dev.refgrade.python;
