package com.novapos.core.deadletter;

import java.time.Instant;

/**
 * Which dead letters support is looking at: by connector, status, first failure since, and free
 * text ({@code q}: found in the message id, type, error, partner answer or the message itself — a receipt number, a SKU). Null means "any".
 */
public record DeadLetterFilter(String connector, DeadLetterStatus status, Instant since, String q) {
}
