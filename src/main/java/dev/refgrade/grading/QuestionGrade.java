package dev.refgrade.grading;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One question's grade. {@code misconception} is the id of the belief that reproduces a wrong answer
 * (null when none does); {@code misconceptionName} and the feedback say it in words.
 * {@code explanation} and {@code truth} are null unless the rubric lets the student see the truth.
 */
public record QuestionGrade(String id, double points, double max, boolean correct, String feedback,
        String misconception, String misconceptionName, String explanation, JsonNode truth) {}
