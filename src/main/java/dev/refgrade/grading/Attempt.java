package dev.refgrade.grading;

import java.time.Instant;
import java.util.Collection;

/**
 * An earlier attempt of a student at one exercise: when, its score, and the ids of the questions it
 * answered correctly. A student's whole history is read for every attempt, so {@code correct} is
 * taken as stored (a handful of ids), not copied.
 */
public record Attempt(Instant at, double score, Collection<String> correct) {}
