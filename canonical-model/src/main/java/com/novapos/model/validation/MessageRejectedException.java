package com.novapos.model.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A canonical message was refused: not JSON, an unknown type, an unsupported schema version, a
 * card number inside, or broken rules. Carries every violation with its field path; the HTTP
 * layer turns it into a 400 problem+json, the broker ingest into a dead letter.
 */
public class MessageRejectedException extends RuntimeException {
    private final List<Violation> violations;

    public MessageRejectedException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public MessageRejectedException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean hasRule(String rule) {
        return violations.stream().anyMatch(v -> v.rule().equals(rule));
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
