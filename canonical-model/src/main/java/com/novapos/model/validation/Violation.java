package com.novapos.model.validation;

/**
 * One reason a message was rejected: the JSON path of the field ({@code payload.lines[0].quantity}),
 * the rule it broke ({@code positive}, {@code totals-add-up}, {@code no-card-number}...) and a
 * message for people. Messages never echo card numbers.
 */
public record Violation(String path, String rule, String message) {

    @Override
    public String toString() {
        return path + ": " + message + " [" + rule + "]";
    }
}
