/**
 * The Python front end: source to tokens to an AST of sealed records, every node with its span, and the
 * early checks CPython makes before running anything. The bottom of the stack: it uses no other package.
 */
package dev.refgrade.python;
