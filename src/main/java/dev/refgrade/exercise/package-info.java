/**
 * Exercises: the YAML model, its validation with positions, probes, variants and the answer keys the
 * runtime computes. Uses the runtime through its top package only; knows nothing of grading or HTTP.
 */
package dev.refgrade.exercise;
