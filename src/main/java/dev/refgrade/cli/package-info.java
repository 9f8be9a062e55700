/**
 * The command line of DESIGN.md (run, trace, check, grade, serve, bench, loadtest): parses arguments
 * and wires the lower layers together; nothing depends on it.
 */
package dev.refgrade.cli;
