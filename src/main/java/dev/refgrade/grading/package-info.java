/**
 * Grading: rubrics, scoring of answers against the keys from exercise/, misconception diagnosis,
 * explanations and the batch export formats (CSV, Gradescope). Used by the server and the commands.
 */
package dev.refgrade.grading;
