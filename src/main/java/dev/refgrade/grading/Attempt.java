package dev.refgrade.grading;

import java.time.Instant;
import java.util.Map;

/** An earlier attempt of a student at one exercise: when, its score, and which questions it got right. */
public record Attempt(Instant at, double score, Map<String, Boolean> correct) {}
